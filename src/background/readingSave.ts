/**
 * Saving what the reader reads, on the sites where they asked for it ("save
 * articles I read here"), and the popup's Save button: one path for both.
 *
 *   page text (Readability, the content script's `extractArticle`)
 *     ─► analyse (the one analysis) ─► same URL stored?  same text: nothing to do
 *                                                         other text: the new version replaces it
 *                                     ─► same text, or a copy (MinHash containment) of a stored
 *                                        article found through the claim index? noted as its copy
 *                                     ─► else: a new article
 *
 * A copy is never stored as an article of its own, so its claims never count
 * as another outlet's report of the same story.
 */
import { analyzeWithOwnNames, articleDate } from '../core/library';
import { copySignature, isCopyOf } from '../core/matching';
import type { Claim } from '../core/types';
import type { ArticleInput } from '../shared/messages';
import {
  articlesByIds,
  getArticle,
  getArticleByUrl,
  noteArticleCopy,
  prepareArticleRecords,
  putAnalyzedArticle,
  replaceArticleVersion,
} from '../store';
import { libraryClaimIndex, libraryLexicon, noteArticleWritten } from './library';
import { invalidateVectors } from './vectors';

/** What saving a read article did. */
export type SaveStatus = 'added' | 'unchanged' | 'updated' | 'copy';

/** Claims of the page looked up for a stored article it may copy (the first ones: a copy carries the lead). */
const COPY_PROBE_CLAIMS = 12;

/** Stored articles that share claims with the page's: the candidates for "the page copies it". */
async function copyCandidates(claims: readonly Claim[]): Promise<string[]> {
  const index = await libraryClaimIndex();
  const ids = new Set<string>();
  for (const claim of claims.slice(0, COPY_PROBE_CLAIMS)) for (const link of index.query(claim, { top: 3 })) ids.add(link.articleId);
  return [...ids];
}

/**
 * Saves an article read (or saved with the Save button). `input.url` is the
 * page's canonical URL. Resolves to the stored article it ended up as.
 */
export async function saveReadArticle(input: ArticleInput): Promise<{ articleId: string; added: boolean; status: SaveStatus }> {
  const analysed = analyzeWithOwnNames({ ...input, origin: 'saved' }, await libraryLexicon());
  const id = analysed.meta.id;
  const sameUrl = input.url ? await getArticleByUrl(input.url) : undefined;
  if (sameUrl?.id === id) return { articleId: id, added: false, status: 'unchanged' };
  const date = articleDate(analysed.meta)?.date;
  if (sameUrl) {
    // An updated version of the same URL: it replaces the old one (one transaction).
    await replaceArticleVersion(sameUrl.id, prepareArticleRecords(analysed));
    // The old version's claim vectors went with it; the new claims are embedded after the write.
    invalidateVectors();
    await noteArticleWritten(id, analysed.claims, date, analysed.discovered, sameUrl.id);
    return { articleId: id, added: false, status: 'updated' };
  }
  const copy = { url: input.url ?? '', ...(input.title ? { title: input.title } : {}), seenAt: Date.now() };
  // The same text under another URL (or none) is a copy of that article.
  if (input.url && (await getArticle(id))) {
    await noteArticleCopy(id, copy);
    return { articleId: id, added: false, status: 'copy' };
  }
  if (input.url) {
    const page = copySignature(analysed.text);
    for (const stored of await articlesByIds(await copyCandidates(analysed.claims))) {
      if (!isCopyOf(page, copySignature(stored.text))) continue;
      await noteArticleCopy(stored.id, copy);
      return { articleId: stored.id, added: false, status: 'copy' };
    }
  }
  const { added } = await putAnalyzedArticle(analysed);
  await noteArticleWritten(id, analysed.claims, date, analysed.discovered);
  return { articleId: id, added, status: added ? 'added' : 'unchanged' };
}
