/**
 * The one key for a page's URL. The background files saved pages under it and
 * recognises a revisited page by it; the content script decides by it whether
 * a navigation changed the article.
 */

/** The page URL without its fragment: `#section` links and `#comments` are the same article. */
export function canonicalPageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
