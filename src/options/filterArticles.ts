/**
 * The library list's search and filters, kept apart from the view so they can
 * be tested alone. Dates compare as ISO days (given, else inferred), so a
 * filter by date also finds the seeds, whose dates are inferred.
 */
import type { LibraryArticle } from '../shared/messages';

/** What the reader asked for; empty strings mean "any". */
export interface ArticleFilter {
  /** Words to find in the title, outlet, URL, label or id (case-insensitive). */
  query: string;
  /** An exact outlet name, or "" for any. */
  outlet: string;
  /** YYYY-MM-DD bounds, inclusive. */
  from: string;
  to: string;
}

/** No filter at all. */
export const NO_FILTER: ArticleFilter = { query: '', outlet: '', from: '', to: '' };

/** The date a list row is filed under: the given date, else the inferred one. */
export function listDate(article: LibraryArticle): { date: string; inferred: boolean } | undefined {
  if (article.date) return { date: article.date, inferred: false };
  return article.inferredDate ? { date: article.inferredDate.value, inferred: true } : undefined;
}

/** Every outlet named in the library, sorted, for the outlet filter. */
export function outletsOf(articles: readonly LibraryArticle[]): string[] {
  return [...new Set(articles.map((a) => a.outlet).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b));
}

/** The articles that pass the filter, in the order given. */
export function filterArticles(articles: readonly LibraryArticle[], filter: ArticleFilter): LibraryArticle[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return articles.filter((a) => {
    if (filter.outlet && a.outlet !== filter.outlet) return false;
    if (filter.from || filter.to) {
      const date = listDate(a)?.date;
      if (!date || (filter.from && date < filter.from) || (filter.to && date > filter.to)) return false;
    }
    if (!words.length) return true;
    const haystack = [a.label, a.title, a.outlet, a.url, a.id].filter(Boolean).join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
