/**
 * What the background reads about stored articles again and again, kept in memory between
 * lookups: how cards and panels name an article (`articleSummaries`), and its sentences' numbers
 * and names for a card's evidence (`articleFacts`). A page's lookup, its rescans, its cards and its
 * panel ask about the same few dozen linked articles; each read brought the whole article record
 * (its text and sentences) out of IndexedDB. Any write to the library forgets them all (a read
 * again is cheap; a stale answer would be wrong).
 */
import type { ArticleSummary } from '../shared/messages';
import { articlesByIds } from '../store';
import { summarizeArticle } from './summary';

/** Bumped by every forget: a read that started before it must not store what it read. */
let generation = 0;
const memos: Array<ArticleMemo<unknown>> = [];

/** Values per stored article, read from the store once until the library changes. */
export class ArticleMemo<T> {
  private readonly kept = new Map<string, T>();

  /** `read` gives the values of the ids asked (missing articles left out); at most `limit` are kept. */
  constructor(
    private readonly read: (ids: string[]) => Promise<Map<string, T>>,
    private readonly limit: number,
  ) {
    memos.push(this as ArticleMemo<unknown>);
  }

  /** The values of these articles (ids not stored are left out), in the order asked. */
  async get(ids: Iterable<string>): Promise<Map<string, T>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.kept.has(id));
    let fresh = new Map<string, T>();
    if (missing.length) {
      const started = generation;
      fresh = await this.read(missing);
      if (started === generation) {
        if (this.kept.size + fresh.size > this.limit) this.kept.clear();
        for (const [id, value] of fresh) this.kept.set(id, value);
      }
    }
    const out = new Map<string, T>();
    for (const id of wanted) {
      const value = fresh.get(id) ?? this.kept.get(id);
      if (value !== undefined) out.set(id, value);
    }
    return out;
  }

  /** Forgets every kept value. */
  clear(): void {
    this.kept.clear();
  }
}

/** A few pages' worth of linked articles' names, a few hundred bytes each. */
const summaries = new ArticleMemo<ArticleSummary>(
  async (ids) => new Map((await articlesByIds(ids)).map((a) => [a.id, summarizeArticle(a)])),
  4_000,
);

/** The summaries of these stored articles (ids not stored are left out). */
export function articleSummaries(ids: Iterable<string>): Promise<Map<string, ArticleSummary>> {
  return summaries.get(ids);
}

/** Forgets everything kept about articles: the library changed (an article written, imported, deleted, reset). */
export function forgetArticleSummaries(): void {
  generation++;
  for (const memo of memos) memo.clear();
}
