/**
 * Boilerplate learned from the library itself: sentences that recur across
 * articles about different events ("Reuters could not independently verify
 * the reports", "did not respond to a request for comment", sign-offs). They
 * share many words with each other and say nothing about the event, so they
 * must never count as the same claim. No hand-written phrase list: a sentence
 * is boilerplate when its word pattern (folded terms, order ignored) appears
 * in at least `MIN_ARTICLES` articles spanning at least `MIN_DAYS` distinct
 * dates; a library of one event's reports teaches nothing.
 *
 * Patterns are kept as 53-bit hashes, and one article as a plain id until a
 * second shares the pattern: most sentences occur once, and a library of
 * 100,000 articles holds a million of them.
 */
import { textTerms } from './terms';

/** Articles a pattern must recur in. */
const MIN_ARTICLES = 3;
/** Patterns shorter than this many terms ("He said.") are too short to judge. */
const MIN_TERMS = 3;

/** A sentence's word pattern, hashed: equal for sentences with the same distinct terms. */
export type PatternKey = number;

/**
 * The pattern key of a store's term ids: its distinct terms, sorted. Numbers stay in:
 * "repelled 85 attacks" and "repelled 95 attacks" on two days are two daily reports (related
 * claims), not a stock sentence. Undefined when too short to judge. Runs for every stored claim
 * when a worker restores its index, so it hashes the ids themselves, not a string of them.
 */
export function patternKey(termIds: readonly number[] | Int32Array): PatternKey | undefined {
  const sorted = Int32Array.from(termIds).sort();
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    if (i > 0 && id === sorted[i - 1]) continue;
    distinct++;
    a = Math.imul(a ^ id, 0x01000193);
    b = Math.imul(b ^ id, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return distinct < MIN_TERMS ? undefined : join53(a, b);
}

/** The pattern key of a sentence's text (for callers without a term dictionary). */
export function sentencePattern(text: string): PatternKey | undefined {
  const distinct = [...new Set(textTerms(text))];
  return distinct.length < MIN_TERMS ? undefined : hash53(distinct.sort().join(' '));
}

/** One stored sentence's pattern, with its article and the article's date when known. */
export interface PatternSource {
  key: PatternKey | undefined;
  articleId: string;
  date?: string;
}

/** Patterns learned from a library, with the evidence for each. */
export class Boilerplate {
  /** Pattern -> the article it was seen in, or the set of them once there are several. */
  private readonly articles = new Map<PatternKey, string | Set<string>>();
  /** Pattern -> the first date it was seen on; `manyDays` once a second date came. */
  private readonly firstDay = new Map<PatternKey, string>();
  private readonly manyDays = new Set<PatternKey>();

  /** Adds stored sentences (an article's sentences may come over several calls). */
  addKeys(sources: Iterable<PatternSource>): void {
    for (const { key, articleId, date } of sources) {
      if (key === undefined) continue;
      const seen = this.articles.get(key);
      if (seen === undefined) this.articles.set(key, articleId);
      else if (typeof seen === 'string') {
        if (seen !== articleId) this.articles.set(key, new Set([seen, articleId]));
      } else seen.add(articleId);
      if (!date || this.manyDays.has(key)) continue;
      const first = this.firstDay.get(key);
      if (first === undefined) this.firstDay.set(key, date);
      else if (first !== date) this.manyDays.add(key);
    }
  }

  /** Adds sentences by their text (tests and callers without a term dictionary). */
  add(sources: Iterable<{ text: string; articleId: string; date?: string }>): void {
    this.addKeys([...sources].map(({ text, articleId, date }) => ({ key: sentencePattern(text), articleId, ...(date ? { date } : {}) })));
  }

  /** Forgets one article's sentences (their dates stay counted: a date says little once alone). */
  removeKeys(articleId: string, keys: Iterable<PatternKey | undefined>): void {
    for (const key of keys) {
      if (key === undefined) continue;
      const seen = this.articles.get(key);
      if (seen === articleId) this.articles.delete(key);
      else if (typeof seen === 'object') {
        seen.delete(articleId);
        if (seen.size === 1) this.articles.set(key, seen.values().next().value!);
      }
    }
  }

  /** Whether a pattern is boilerplate by what the library has seen. */
  hasKey(key: PatternKey | undefined): boolean {
    if (key === undefined || !this.manyDays.has(key)) return false;
    const seen = this.articles.get(key);
    return typeof seen === 'object' && seen.size >= MIN_ARTICLES;
  }

  /** Whether a sentence is boilerplate by what the library has seen. */
  has(text: string): boolean {
    return this.hasKey(sentencePattern(text));
  }

  /** How many articles a sentence's pattern was seen in. */
  articleCount(text: string): number {
    const key = sentencePattern(text);
    const seen = key === undefined ? undefined : this.articles.get(key);
    return seen === undefined ? 0 : typeof seen === 'string' ? 1 : seen.size;
  }
}

/** A 53-bit string hash (two 32-bit FNV-1a lanes): collisions are negligible at millions of patterns. */
function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return join53(a, b);
}

/** Two 32-bit hash lanes as one 53-bit number (a safe integer, a cheap Map key). */
function join53(a: number, b: number): number {
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
