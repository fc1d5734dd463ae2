/**
 * Wording shared by the hover card and the popup: article labels with their
 * (possibly inferred) dates, kinds, attributions and number comparisons.
 * Everything shown comes from stored data; nothing is made up here.
 */
import type { Attribution, ClaimDifference, EntityKind, Quantity } from '../core/types';
import type { ArticleSummary } from '../shared/messages';

/** Display name of an entity kind. */
export function kindLabel(kind: EntityKind): string {
  return kind === 'place' ? 'Place' : kind === 'person' ? 'Person' : 'Organisation';
}

/** Date of an article for display, "(inferred)" when the source did not give it. */
export function articleDate(article: ArticleSummary): string | null {
  if (!article.date) return null;
  return article.dateInferred ? `${article.date} (inferred)` : article.date;
}

/** One-line description of where a report comes from: label, then outlet or agency when known. */
export function articleLine(article: ArticleSummary): string {
  const parts = [article.label];
  if (article.outlet && !article.label.includes(article.outlet)) parts.push(article.outlet);
  else if (article.creditedAgency && !article.label.includes(article.creditedAgency)) parts.push(`credits ${article.creditedAgency}`);
  const date = articleDate(article);
  if (date) parts.push(date);
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

/** One number comparison, "3 km here vs up to 3 km (1.9 miles) there". */
export interface NumberComparison {
  text: string;
  agree: boolean;
}

/** The number pairs of a difference as sentences (here = the page, there = the other report). */
export function numberComparisons(numbers: ClaimDifference['numbers']): NumberComparison[] {
  return numbers.map(({ a, b, agree }) => {
    if (a && b) return { agree, text: agree ? `${quantityText(a)} here, ${quantityText(b)} there` : `${quantityText(a)} here vs ${quantityText(b)} there` };
    if (a) return { agree: false, text: `${quantityText(a)} here; not given there` };
    return { agree: false, text: `${quantityText(b!)} there; not given here` };
  });
}
