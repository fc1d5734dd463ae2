/**
 * Links into the extension's stored-article view (`src/article/index.html`),
 * where a table cell's or a difference's sentence is shown in its article.
 * Relative to an extension page one folder below `src/` (the popup, the tab
 * view, the options page), so no browser API is needed to build it. Pages a
 * web site shows (the hover card) cannot open extension pages, and get no link.
 */

/**
 * A sentence of a stored article: where a verbatim cell's text is written. Another article's
 * sentence is known by its index; this page's, when the library holds a copy of the page, by its
 * words (the page's sentences are the live page's, not the copy's).
 */
export type SentenceRef = { articleId: string; sentenceIndex: number } | { articleId: string; quote: string };

/** The article view's path from a sibling extension page. */
export const ARTICLE_VIEW_PATH = '../article/index.html';

/** The article view for an article, scrolled to one of its sentences when given (`#s<index>`). */
export function articleViewHref(articleId: string, sentenceIndex?: number): string {
  const fragment = sentenceIndex === undefined ? '' : `#s${sentenceIndex}`;
  return `${ARTICLE_VIEW_PATH}?article=${encodeURIComponent(articleId)}${fragment}`;
}

/** The article view at a referenced sentence: `#s<index>`, or `#q=<words>` for a sentence known by its words. */
export function sentenceHref(ref: SentenceRef): string {
  if ('sentenceIndex' in ref) return articleViewHref(ref.articleId, ref.sentenceIndex);
  return `${articleViewHref(ref.articleId)}#q=${encodeURIComponent(ref.quote)}`;
}

/** The sentence a link's fragment names (`#s12` -> 12), or null. */
export function sentenceFromHash(hash: string): number | null {
  const match = /^#s(\d{1,6})$/.exec(hash);
  return match ? Number(match[1]) : null;
}

/** The words a link's fragment names (`#q=...`), or null. */
export function quoteFromHash(hash: string): string | null {
  if (!hash.startsWith('#q=')) return null;
  try {
    const quote = decodeURIComponent(hash.slice(3)).trim();
    return quote || null;
  } catch {
    return null;
  }
}
