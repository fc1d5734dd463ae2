/**
 * Stored articles as cards and panels name them, kept in memory between lookups. Every matched
 * sentence names the articles it links to, and a page's lookup, its rescans, its cards and its
 * panel ask for the same few dozen again and again; each read brought the whole article record
 * (its text and sentences) out of IndexedDB to keep a title, an outlet and a date. Any write to
 * the library forgets them all (a summary is cheap to read again; a stale one would be wrong).
 */
import type { ArticleSummary } from '../shared/messages';
import { articlesByIds } from '../store';
import { summarizeArticle } from './summary';

/** Summaries kept at most: a few pages' worth of linked articles, a few hundred bytes each. */
const KEPT = 4_000;
const kept = new Map<string, ArticleSummary>();
/** Bumped by every forget: a read that started before it must not store what it read. */
let generation = 0;

/** The summaries of these stored articles (ids not stored are left out), read from the store only once. */
export async function articleSummaries(ids: Iterable<string>): Promise<Map<string, ArticleSummary>> {
  const wanted = [...new Set(ids)];
  const missing = wanted.filter((id) => !kept.has(id));
  const read = new Map<string, ArticleSummary>();
  if (missing.length) {
    const started = generation;
    for (const article of await articlesByIds(missing)) read.set(article.id, summarizeArticle(article));
    if (started === generation) {
      if (kept.size + read.size > KEPT) kept.clear();
      for (const [id, summary] of read) kept.set(id, summary);
    }
  }
  const out = new Map<string, ArticleSummary>();
  for (const id of wanted) {
    const summary = read.get(id) ?? kept.get(id);
    if (summary) out.set(id, summary);
  }
  return out;
}

/** Forgets every kept summary: the library changed (an article written, imported, deleted, reset). */
export function forgetArticleSummaries(): void {
  generation++;
  kept.clear();
}
