/**
 * Adding articles to the library: analysis through the core, then one atomic
 * store write per article. Analysis happens before any transaction opens.
 */
import { analyzeArticle, articleDate, type AnalyzedArticle } from '../core/library';
import { buildLexicon, type Lexicon } from '../core/entities';
import type { ArticleMeta, Entity } from '../core/types';
import type { ArticleInput } from '../shared/messages';
import { putAnalyzedArticle } from '../store';
import { libraryLexicon, noteArticleWritten } from './library';

/** Options for one article. */
export interface IngestOptions {
  origin: ArticleMeta['origin'];
  /** Known or inferred metadata the text alone does not carry (seed sidecar). */
  extra?: Partial<ArticleMeta>;
  seedNumber?: number;
  /** Analyse with this lexicon instead of the library's (seeding keeps its analysis independent of library state). */
  lexicon?: Lexicon;
}

/**
 * Analyses an article so that the names it introduces are also spotted in it.
 * Without the second pass, storing the same text again (once the library knows
 * those names) would find more mentions than the first time: re-imports and
 * re-seeds would not be idempotent.
 */
export function analyzeWithOwnNames(
  input: ArticleInput & { origin: ArticleMeta['origin'] },
  lexicon: Lexicon,
  extra?: Partial<ArticleMeta>,
): AnalyzedArticle {
  const first = analyzeArticle(input, lexicon, extra);
  const fresh = first.discovered.filter((e) => !lexicon.entities.has(e.id));
  if (!fresh.length) return first;
  const second = analyzeArticle(input, buildLexicon([...lexicon.entities.values(), ...fresh]), extra);
  const discovered = new Map([...fresh, ...second.discovered].map((e) => [e.id, e]));
  return { ...second, discovered: [...discovered.values()] };
}

/** Analyses and stores one article. Same text, same id: storing twice adds nothing. */
export async function ingestArticle(
  input: ArticleInput,
  options: IngestOptions,
): Promise<{ articleId: string; added: boolean; discovered: Entity[] }> {
  const lexicon = options.lexicon ?? (await libraryLexicon());
  const analyzed = analyzeWithOwnNames({ ...input, origin: options.origin }, lexicon, options.extra);
  const result = await putAnalyzedArticle(analyzed, options.seedNumber !== undefined ? { seedNumber: options.seedNumber } : {});
  await noteArticleWritten(result.articleId, analyzed.claims, articleDate(analyzed.meta)?.date, analyzed.discovered);
  return { ...result, discovered: analyzed.discovered };
}
