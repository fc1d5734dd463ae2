/**
 * The corpus CLI's bridge to the core library: the lexicon a build grows and
 * a query reads, and article analysis by the same function the extension
 * stores articles with.
 */
import { buildLexicon, type Lexicon } from '../core/entities';
import { analyzeIntoLibrary, LearningLexicon, loadGazetteer } from '../core/library';
import type { ArticleMeta, Claim, Entity } from '../core/types';

/** An input article line after validation (the core's article line, id required). */
export interface ArticleLine {
  id: string;
  text: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
}

/** The lexicon a build starts from and grows: the curated gazetteer, then every name the corpus teaches. */
export function buildNames(): LearningLexicon {
  return new LearningLexicon(loadGazetteer());
}

/** The lexicon a query reads: curated gazetteer plus the pack's discovered entities (gazetteer wins on id clashes). */
export function corpusLexicon(discovered: Entity[]): Lexicon {
  const gazetteer = loadGazetteer();
  const known = new Set(gazetteer.map((e) => e.id));
  return buildLexicon([...gazetteer, ...discovered.filter((e) => !known.has(e.id))]);
}

/**
 * Analyses one archive article as the extension's import would: its own new
 * names spotted in it, and known to the articles after it. Outlet, date and
 * URL come only from the input line.
 */
export function analyzeForPack(line: ArticleLine, names: LearningLexicon): { meta: ArticleMeta; claims: Claim[]; discovered: Entity[] } {
  const { id: _sourceId, ...input } = line;
  const analysed = analyzeIntoLibrary({ ...input, origin: 'import' }, names);
  return { meta: analysed.meta, claims: analysed.claims, discovered: analysed.discovered };
}
