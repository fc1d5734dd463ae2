/**
 * How an article is named to a reader in cards and panels. Only what the
 * source gave or the text supports: an outlet is never invented, and a date
 * the text only implies is labelled "(inferred)".
 */
import { articleDate } from '../core/library';
import type { ArticleSummary } from '../shared/messages';
import type { ArticleListItem } from '../store';
import { formatDate } from '../ui/format';

export { formatDate };

/** The article's name on its own: title, else outlet, else its origin and number. */
function baseName(article: ArticleListItem): string {
  if (article.title) return article.title;
  if (article.outlet) return article.outlet;
  if (article.origin === 'seed') return article.seedNumber ? `Seed article ${article.seedNumber}` : 'Seed article';
  return article.origin === 'saved' ? 'Saved article' : 'Imported article';
}

/** "Seed article 2 · Kyiv dateline · credits Reuters · 15 Feb 2023 (inferred)". */
export function articleLabel(article: ArticleListItem): string {
  const parts = [baseName(article)];
  if (article.outlet && article.title) parts.push(article.outlet);
  if (article.dateline) parts.push(`${article.dateline.value} dateline`);
  if (article.creditedAgency) parts.push(`credits ${article.creditedAgency.value}`);
  const dated = articleDate(article);
  if (dated) parts.push(formatDate(dated.date) + (dated.inferred ? ' (inferred)' : ''));
  return parts.join(' · ');
}

/** The card/panel view of a stored article. */
export function summarizeArticle(article: ArticleListItem): ArticleSummary {
  const dated = articleDate(article);
  const summary: ArticleSummary = { id: article.id, label: articleLabel(article), origin: article.origin };
  if (article.title) summary.title = article.title;
  if (article.outlet) summary.outlet = article.outlet;
  if (article.url) summary.url = article.url;
  if (dated) {
    summary.date = dated.date;
    summary.dateInferred = dated.inferred;
  }
  if (article.dateline) summary.dateline = article.dateline.value;
  if (article.creditedAgency) summary.creditedAgency = article.creditedAgency.value;
  return summary;
}

/** Orders articles oldest first; undated ones last, in the order they were added. */
export function byArticleDate(a: ArticleListItem, b: ArticleListItem): number {
  const da = articleDate(a)?.date;
  const db = articleDate(b)?.date;
  if (da && db && da !== db) return da < db ? -1 : 1;
  if (da && !db) return -1;
  if (!da && db) return 1;
  return a.addedAt - b.addedAt;
}
