/**
 * The corpus CLI's bridge to the core analysis: the gazetteer lexicon (plus
 * entities the corpus itself taught), article analysis for building, sentence
 * analysis for queries.
 */
import { analyzeArticle, analyzeSentence } from '../core/library';
import { buildLexicon, type Lexicon } from '../core/entities';
import { loadGazetteer } from '../core/library';
import type { ArticleMeta, Claim, Entity } from '../core/types';

/** An input article line after validation. */
export interface ArticleLine {
  id: string;
  text: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
}

/** The lexicon: curated gazetteer plus the corpus's discovered entities (gazetteer wins on id clashes). */
export function corpusLexicon(discovered: Entity[]): Lexicon {
  const gazetteer = loadGazetteer();
  const known = new Set(gazetteer.map((e) => e.id));
  return buildLexicon([...gazetteer, ...discovered.filter((e) => !known.has(e.id))]);
}

/** Analyses one archive article. Outlet, date and URL come only from the input line. */
export function analyzeForPack(line: ArticleLine, lexicon: Lexicon): { meta: ArticleMeta; claims: Claim[]; discovered: Entity[] } {
  const { id: _sourceId, ...input } = line;
  const analysed = analyzeArticle({ ...input, origin: 'import' }, lexicon);
  return { meta: analysed.meta, claims: analysed.claims, discovered: analysed.discovered };
}

/** Analyses one query text as a single claim. */
export function analyzeQuery(text: string, lexicon: Lexicon): Claim {
  return analyzeSentence(text, lexicon);
}
