/**
 * Wording shared by the hover card and the popup: article labels with their
 * (possibly inferred) dates, kinds, attributions and number comparisons.
 * Everything shown comes from stored data; nothing is made up here.
 */
// The dates file alone: the core's index would pull text analysis into the content script's bundle.
import { parseIsoDay } from '../core/text/dates';
import type { Attribution, EntityKind, Quantity } from '../core/types';
import type { ArticleSummary } from '../shared/messages';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-02-15" -> "15 Feb 2023"; anything else (a timestamp, an impossible day) is shown as given. */
export function formatDate(iso: string): string {
  const day = iso.length === 10 ? parseIsoDay(iso) : undefined;
  return day ? `${day.day} ${MONTHS[day.month - 1]} ${day.year}` : iso;
}

/** Display name of an entity kind. */
export function kindLabel(kind: EntityKind): string {
  return kind === 'place' ? 'Place' : kind === 'person' ? 'Person' : 'Organisation';
}

/** Date of an article for display, "(inferred)" when the source did not give it. */
export function articleDateText(article: ArticleSummary): string | null {
  if (!article.date) return null;
  return article.dateInferred ? `${article.date} (inferred)` : article.date;
}

/** One-line description of where a report comes from: label, then outlet or agency when known. */
export function articleLine(article: ArticleSummary): string {
  const parts = [article.label];
  if (article.outlet && !article.label.includes(article.outlet)) parts.push(article.outlet);
  else if (article.creditedAgency && !article.label.includes(article.creditedAgency)) parts.push(`credits ${article.creditedAgency}`);
  const date = articleDateText(article);
  // Labels built by the library may already carry the date ("15 Feb 2023 (inferred)").
  if (date && !/\b\d{4}\b/.test(article.label)) parts.push(date);
  return parts.join(' · ');
}

/** "the Russian Defence Ministry (said)". */
export function attributionLine(attribution?: Attribution): string {
  if (!attribution) return 'No speaker named';
  const verb = attribution.verb === 'according-to' ? 'according to' : attribution.verb;
  return `${attribution.speaker} (${verb})`;
}

/** A number as its text says it; falls back to value and unit. */
export function quantityText(q: Quantity): string {
  if (q.text.trim()) return q.text.trim();
  const unit = q.unit === 'count' || q.unit === 'people' ? (q.noun ?? '') : q.unit;
  return `${q.value}${unit ? ' ' + unit : ''}`;
}
