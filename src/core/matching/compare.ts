/**
 * How two reports of one claim differ: numbers, attribution, hedging, the
 * entities each names, and a word-level diff. Hand-written (apart from the word
 * diff, which is `diff`'s `diffWords`) because the pairing rules are about news
 * reporting: 3 km and 1.9 miles are one number; "more than 15" and "more than 20"
 * towns are the same count reported differently.
 */
import { diffWords } from 'diff';
import type { Attribution, Claim, ClaimDifference, Quantity } from '../types';
import { sameQuantity } from '../claims';
import { foldText } from './terms';

/** Whether two quantities state the same number: same unit, values within rounding (10%), compatible bounds. */
export function quantitiesAgree(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit) return false;
  if (sameQuantity(a, b)) return true;
  // "up to 3 km" vs "about 2.5 km" is not a contradiction; "more than 15" vs "more than 20" is.
  const upper = (q: Quantity) => q.bound === 'up-to' || q.bound === 'less-than';
  if (upper(a) && !upper(b)) return b.value <= a.value;
  if (upper(b) && !upper(a)) return a.value <= b.value;
  return false;
}

/** Whether two quantities are about the same thing (unit, and counted noun for counts), so that comparing them is meaningful. */
export function quantitiesComparable(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit) return false;
  if (!a.noun || !b.noun || a.unit !== 'count') return true;
  return a.noun === b.noun || nounGroup(a.noun) === nounGroup(b.noun);
}

const PLACE_NOUNS = /\b(towns?|villages?|settlements?|communities|community|localities|locality|hamlets?)\b/;
/** "towns and villages" and "settlements" count the same thing. */
function nounGroup(noun: string): string {
  const n = noun.toLowerCase();
  return PLACE_NOUNS.test(n) ? 'settlement' : n.replace(/s$/, '');
}

/**
 * Pairs the two claims' quantities by unit (and counted noun): agreeing pairs first,
 * then disagreeing ones, then those only one side gives.
 */
export function pairQuantities(a: Quantity[], b: Quantity[]): ClaimDifference['numbers'] {
  const out: ClaimDifference['numbers'] = [];
  const usedB = new Set<number>();
  const pendingA: Quantity[] = [];
  for (const qa of a) {
    const j = b.findIndex((qb, k) => !usedB.has(k) && quantitiesAgree(qa, qb));
    if (j >= 0) {
      usedB.add(j);
      out.push({ a: qa, b: b[j], agree: true });
    } else pendingA.push(qa);
  }
  for (const qa of pendingA) {
    const j = b.findIndex((qb, k) => !usedB.has(k) && quantitiesComparable(qa, qb));
    if (j >= 0) {
      usedB.add(j);
      out.push({ a: qa, b: b[j], agree: false });
    } else out.push({ a: qa, agree: false });
  }
  b.forEach((qb, k) => {
    if (!usedB.has(k)) out.push({ b: qb, agree: false });
  });
  return out;
}

/** Whether two attributions name the same speaker (entity id, else the speaker's content words). */
export function sameSpeaker(a?: Attribution, b?: Attribution): boolean {
  if (!a || !b) return false;
  if (a.entityId && b.entityId) return a.entityId === b.entityId;
  const words = (s: string) =>
    new Set(
      foldText(s)
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length > 2 && !/^(the|its|his|her|their)$/.test(w)),
    );
  const wa = words(a.speaker);
  const wb = words(b.speaker);
  if (wa.size === 0 || wb.size === 0) return false;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size) >= 0.5;
}

function onlyIn(xs: string[], ys: string[], key: (s: string) => string = (s) => s): string[] {
  const other = new Set(ys.map(key));
  return [...new Set(xs)].filter((x) => !other.has(key(x)));
}

/** How report `a` and report `b` of a claim differ. */
export function compareReports(a: Claim, b: Claim): ClaimDifference {
  const wording = diffWords(a.text, b.text).map((change) => ({
    op: change.added ? ('added' as const) : change.removed ? ('removed' as const) : ('same' as const),
    text: change.value,
  }));
  const hedgeKey = (h: string) => foldText(h).trim();
  return {
    numbers: pairQuantities(a.quantities, b.quantities),
    attribution: { a: a.attribution, b: b.attribution, same: sameSpeaker(a.attribution, b.attribution) },
    hedges: { onlyA: onlyIn(a.hedges, b.hedges, hedgeKey), onlyB: onlyIn(b.hedges, a.hedges, hedgeKey) },
    entities: { onlyA: onlyIn(a.entities, b.entities), onlyB: onlyIn(b.entities, a.entities) },
    wording,
  };
}

/**
 * Turns a text similarity into a match score using the claims' structure:
 * shared entities and agreeing numbers raise it, a shared speaker raises it a
 * little, two quotes from different known speakers lower it, and dates more than
 * a day apart reject it with -1 (the same place on another day is another event)
 * when either claim states its time, or lower it when only the articles' dates differ.
 */
export function structuralScore(
  query: Claim,
  stored: Claim,
  textSimilarity: number,
  articleDates: { query?: string; stored?: string } = {},
  dates: 'weigh' | 'ignore' = 'weigh',
): number {
  const qd = query.time?.date ?? articleDates.query;
  const sd = stored.time?.date ?? articleDates.stored;
  // With `ignore`, the caller decides on dates itself (see relation.ts: another day is "related").
  const apart = dates === 'weigh' && !!qd && !!sd && Math.abs(Date.parse(qd) - Date.parse(sd)) > 36 * 3600 * 1000;
  // A stated time on either side makes a date gap decisive; two articles' dates alone
  // only lower the score (background facts get restated weeks later).
  if (apart && (query.time?.date || stored.time?.date)) return -1;
  if (textSimilarity <= 0) return 0;
  let score = apart ? textSimilarity * 0.8 : textSimilarity;
  const qe = new Set(query.entities);
  const se = new Set(stored.entities);
  let sharedEntities = 0;
  for (const e of qe) if (se.has(e)) sharedEntities++;
  if (sharedEntities > 0) score += 0.05 * Math.min(sharedEntities, 3);
  const numbers = pairQuantities(query.quantities, stored.quantities);
  // Agreeing numbers are strong evidence; two counts of the same thing that differ
  // ("more than 15 towns" / "more than 20 settlements") still say "same report".
  if (numbers.some((n) => n.agree)) score += 0.1;
  else if (numbers.some((n) => n.a && n.b)) score += 0.05;
  if (sameSpeaker(query.attribution, stored.attribution)) score += 0.05;
  // Two quotations from two different known speakers cannot be the same words said.
  else if (query.quotes.length && stored.quotes.length && knownSpeaker(query) && knownSpeaker(stored)) score *= 0.7;
  return score;
}

/** A speaker more specific than a pronoun or a generic "officials". */
export function knownSpeaker(claim: Claim): boolean {
  const speaker = claim.attribution?.speaker.trim().toLowerCase();
  if (claim.attribution?.entityId) return true;
  return (
    !!speaker &&
    !/^(it|he|she|they|we|i|officials?|sources?|the (ministry|military|army|official|source|statement|report)s?)$/.test(speaker)
  );
}
