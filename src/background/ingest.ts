/**
 * Adding articles to the library: the core's one analysis (`analyzeWithOwnNames`,
 * as the corpus CLI builds packs), then one atomic store write per article.
 * Analysis happens before any transaction opens.
 */
import { analyzeWithOwnNames, articleDate } from '../core/library';
import type { Lexicon } from '../core/entities';
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
