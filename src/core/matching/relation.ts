/**
 * The decision a reader sees: is a stored claim the `same` claim as the page's
 * sentence (same event, same side), a `related` one (same subject, another
 * day, speaker or detail), or only a ranked `candidate`?
 *
 * Words alone cannot tell these apart: two daily reports of "repelled 95
 * attacks" and "repelled 85 attacks" share almost every word, and so do a
 * Russian and a Ukrainian statement about the same town. So the score opens
 * the door and the claims' structure decides which door: the event's date, the
 * speaker, and whether differing numbers count the same thing on the same day.
 * Thresholds are calibrated on labelled pairs (scripts/eval.ts), not by hand.
 *
 * Hand-written: the rules are about news reporting, and every reason a link
 * was demoted is kept so a card can say it ("reported 1 Mar; this page 6 Mar").
 */
import type { Claim, Relation, RelationReason } from '../types';
import { knownSpeaker, pairQuantities, sameSpeaker } from './compare';

export type { Relation, RelationReason };

/** Score thresholds of the decision. */
export interface RelationThresholds {
  /** At or above: the same claim, unless the structure says otherwise. */
  same: number;
  /** At or above (and below `same`, or demoted): related. */
  related: number;
}

/** Calibrated on the labelled seed fixture (scripts/eval.ts); the claim index's default gate. */
export const DEFAULT_THRESHOLDS: RelationThresholds = { same: 0.42, related: 0.3 };

/** More than this apart, two dates are two days' events (time zones and late filing fit in 36 hours). */
const SAME_EVENT_MS = 36 * 3600 * 1000;

/** What the decision knows beyond the two claims. */
export interface RelationContext {
  /** Article dates (given or inferred), for claims that state no time of their own. */
  queryDate?: string;
  storedDate?: string;
  /** The stored sentence recurs across the library's unrelated articles (a caveat, a sign-off). */
  boilerplate?: boolean;
}

/** The decision with its reasons and the two event dates it compared. */
export interface RelationDecision {
  relation: Relation;
  reasons: RelationReason[];
  /** The dates compared (claim's own time, else its article's), when known. */
  dates: { query?: string; stored?: string };
}

/** Whether two ISO days are more than a day and a half apart. */
export function daysApart(a?: string, b?: string): boolean {
  if (!a || !b) return false;
  const gap = Math.abs(Date.parse(a) - Date.parse(b));
  return Number.isFinite(gap) && gap > SAME_EVENT_MS;
}

/**
 * Both claims quote someone, the speakers are known, and they differ: two
 * quotations cannot be the same words said. Unquoted reports are left alone,
 * because one sentence often carries two speakers ("Ukraine urged allies …,
 * while Russia claimed …") and the analyser names only the first.
 */
function differentSpeakers(query: Claim, stored: Claim): boolean {
  const a = query.attribution;
  const b = stored.attribution;
  if (!a || !b || sameSpeaker(a, b)) return false;
  return query.quotes.length > 0 && stored.quotes.length > 0 && knownSpeaker(query) && knownSpeaker(stored);
}

/**
 * Decides the relation of `stored` to the page's `query` claim given the
 * match `score` (0..1, from the claim index or the re-ranker).
 */
export function decideRelation(
  query: Claim,
  stored: Claim,
  score: number,
  context: RelationContext = {},
  thresholds: RelationThresholds = DEFAULT_THRESHOLDS,
): RelationDecision {
  const dates = { query: query.time?.date ?? context.queryDate, stored: stored.time?.date ?? context.storedDate };
  const reasons: RelationReason[] = [];
  if (context.boilerplate) reasons.push('boilerplate');
  if (daysApart(dates.query, dates.stored)) reasons.push('other-day');
  if (differentSpeakers(query, stored)) reasons.push('other-speaker');
  if (score < thresholds.same) reasons.push('weak');
  // A caveat or sign-off says nothing about the event: never a link, whatever its words.
  if (context.boilerplate) return { relation: 'candidate', reasons, dates };
  if (reasons.length === 0) return { relation: 'same', reasons, dates };
  return { relation: score >= thresholds.related ? 'related' : 'candidate', reasons, dates };
}

/**
 * Numbers that disagree between two reports of the same claim: only
 * meaningful for `same` (another day's figure is an update, not a dispute).
 */
export function numberDisagreements(query: Claim, stored: Claim, relation: Relation): number {
  if (relation !== 'same') return 0;
  return pairQuantities(query.quantities, stored.quantities).filter((n) => n.a && n.b && !n.agree).length;
}
