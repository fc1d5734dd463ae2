/**
 * Boilerplate learned from the library itself: sentences that recur across
 * articles about different events ("Reuters could not independently verify
 * the reports", "did not respond to a request for comment", sign-offs). They
 * share many words with each other and say nothing about the event, so they
 * must never count as the same claim. No hand-written phrase list: a sentence
 * is boilerplate when its word pattern (folded terms, order ignored) appears in at least `MIN_ARTICLES` articles spanning at least
 * `MIN_DAYS` distinct dates; a library of one event's reports teaches nothing.
 */
import { textTerms } from './terms';

/** Articles a pattern must recur in. */
const MIN_ARTICLES = 3;
/** Distinct article dates (given or inferred) among them: the same wording about different events. */
const MIN_DAYS = 2;
/** Patterns shorter than this many terms ("He said.") are too short to judge. */
const MIN_TERMS = 3;

/**
 * The word pattern of a sentence: its distinct terms, sorted. Numbers stay in:
 * "repelled 85 attacks" and "repelled 95 attacks" on two days are two daily
 * reports (related claims), not a stock sentence.
 */
export function sentencePattern(text: string): string | null {
  const terms = new Set(textTerms(text));
  if (terms.size < MIN_TERMS) return null;
  return [...terms].sort().join(' ');
}

/** One stored sentence, with its article and the article's date when known. */
export interface PatternSource {
  text: string;
  articleId: string;
  date?: string;
}

/** Patterns learned from a library, with the evidence for each. */
export class Boilerplate {
  private readonly articles = new Map<string, Set<string>>();
  private readonly days = new Map<string, Set<string>>();
  private readonly byArticle = new Map<string, string[]>();

  /** Adds sentences of one or more articles. */
  add(sources: Iterable<PatternSource>): void {
    for (const { text, articleId, date } of sources) {
      const pattern = sentencePattern(text);
      if (!pattern) continue;
      let articles = this.articles.get(pattern);
      if (!articles) this.articles.set(pattern, (articles = new Set()));
      articles.add(articleId);
      const own = this.byArticle.get(articleId);
      if (own) own.push(pattern);
      else this.byArticle.set(articleId, [pattern]);
      if (date) {
        let days = this.days.get(pattern);
        if (!days) this.days.set(pattern, (days = new Set()));
        days.add(date);
      }
    }
  }

  /** Forgets an article's sentences (its dates stay counted: a date says little once alone). */
  remove(articleId: string): void {
    for (const pattern of this.byArticle.get(articleId) ?? []) this.articles.get(pattern)?.delete(articleId);
    this.byArticle.delete(articleId);
  }

  /** Whether a sentence is boilerplate by what the library has seen. */
  has(text: string): boolean {
    const pattern = sentencePattern(text);
    if (!pattern) return false;
    return (this.articles.get(pattern)?.size ?? 0) >= MIN_ARTICLES && (this.days.get(pattern)?.size ?? 0) >= MIN_DAYS;
  }

  /** Every learned boilerplate pattern with its article count, most frequent first. */
  patterns(): Array<{ pattern: string; articles: number }> {
    return [...this.articles]
      .filter(([pattern, a]) => a.size >= MIN_ARTICLES && (this.days.get(pattern)?.size ?? 0) >= MIN_DAYS)
      .map(([pattern, a]) => ({ pattern, articles: a.size }))
      .sort((x, y) => y.articles - x.articles);
  }
}
