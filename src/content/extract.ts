/**
 * The page's article for "Save this article to the library": Mozilla
 * Readability on a clone of the document (Readability rewrites the DOM it is
 * given, so never the live page), paragraphs joined by blank lines. Outlet and
 * date are passed on only when the page itself states them.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from '../shared/messages';

const PARAGRAPH_TAGS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre, figcaption';

/** Paragraph texts of Readability's HTML, parsed inertly (no scripts, no page DOM). */
export function paragraphsOf(html: string): string[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  for (const el of parsed.querySelectorAll(PARAGRAPH_TAGS)) {
    if (el.parentElement?.closest(PARAGRAPH_TAGS)) continue; // nested: counted with its ancestor
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

/** ISO date (YYYY-MM-DD) of a stated publication time, or undefined. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (match) return match[1];
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** Extracts the article from `doc` (cloned first), or null when Readability finds none. */
export function extractArticle(doc: Document): ArticleInput | null {
  const clone = doc.cloneNode(true) as Document;
  const article = new Readability(clone, { charThreshold: 300 }).parse();
  if (!article) return null;
  const paragraphs = article.content ? paragraphsOf(article.content) : [];
  const text = paragraphs.length ? paragraphs.join('\n\n') : (article.textContent ?? '').trim();
  if (!text) return null;
  const input: ArticleInput = { text, url: doc.location?.href };
  const title = article.title?.trim();
  if (title) input.title = title;
  const outlet = article.siteName?.trim();
  if (outlet) input.outlet = outlet;
  const date = isoDate(article.publishedTime);
  if (date) input.date = date;
  return input;
}
