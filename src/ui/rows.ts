/**
 * The comparison table's rows for one event: who makes the claim and how, the
 * numbers aligned by what they count, hedges and verification, place names,
 * and what only one side reports. Every cell holds text as the sentence
 * writes it (a speaker, a number's words, a hedge, a spelling); the page's side
 * comes from each report's `difference` (its `a` side is the page).
 */
import type { Quantity } from '../core/types';
import type { EventComparison, ReportPair } from './comparison';
import { speakerText } from './comparison';
import { quantityText } from './format';
import { spellingIn } from './spans';

/** Spellings of each entity id (name, aliases, the page's surfaces), to find a name as a sentence writes it. */
export type NameBook = Record<string, readonly string[]>;

/** One cell: verbatim texts, none when the side gives nothing for the row. */
export interface ComparisonCell {
  texts: string[];
}

/** One row; `cells[0]` is this page, then one per column of the event. */
export interface ComparisonRow {
  id: string;
  label: string;
  cells: ComparisonCell[];
  /** The sides disagree (numbers with other values, other speakers). */
  differs: boolean;
}

const unique = (items: Array<string | undefined>) => [...new Set(items.filter((s): s is string => !!s))];
const isPlace = (id: string) => id.startsWith('place:');
const unitNames: Record<string, string> = {
  km: 'distance (km)',
  km2: 'area (km²)',
  percent: 'share (%)',
  usd: 'money (US$)',
  year: 'years',
};
/** What a number counts: its noun ("attacks"), else its unit. */
export const countedKey = (q: Quantity) => q.noun?.toLowerCase() ?? unitNames[q.unit] ?? q.unit;

/** What one side says, gathered over its pairs. */
interface SideFacts {
  texts: string[];
  speakers: string[];
  numbers: Quantity[];
  hedges: string[];
  places: string[];
  only: string[];
}

function namesIn(ids: Iterable<string>, text: string, names: NameBook): string[] {
  return unique([...ids].map((id) => spellingIn(text, names[id] ?? [])));
}

/** This page's side: the `a` side of every difference. */
function pageFacts(ev: EventComparison, names: NameBook): SideFacts {
  const pairs = ev.columns.flatMap((c) => c.pairs);
  const text = ev.pageTexts.join(' ');
  const placeIds = new Set<string>();
  for (const { report } of pairs) {
    const onlyThere = new Set(report.difference.entities.onlyB);
    for (const id of [...report.claim.entities, ...report.difference.entities.onlyA])
      if (!onlyThere.has(id) && isPlace(id)) placeIds.add(id);
  }
  // Only on this page: what the page gives and no column gives (only-A against every report).
  const onlyEverywhere = (pick: (p: ReportPair) => string[]) => {
    const lists = pairs.map(pick);
    return lists.length ? lists[0]!.filter((item) => lists.every((l) => l.includes(item))) : [];
  };
  return {
    texts: ev.pageTexts,
    speakers: unique(pairs.map((p) => speakerText(p.report.difference.attribution.a))),
    numbers: pairs.flatMap((p) => p.report.difference.numbers.flatMap((n) => (n.a ? [n.a] : []))),
    hedges: unique(
      pairs.flatMap(({ report: { claim, difference } }) => [
        ...difference.hedges.onlyA,
        ...claim.hedges.filter((h) => !difference.hedges.onlyB.includes(h)),
      ]),
    ),
    places: namesIn(placeIds, text, names),
    only: unique([
      ...onlyEverywhere((p) => p.report.difference.numbers.flatMap((n) => (n.a && !n.b ? [quantityText(n.a)] : []))),
      ...onlyEverywhere((p) => p.report.difference.hedges.onlyA.map((h) => `“${h}”`)),
      ...onlyEverywhere((p) => namesIn(p.report.difference.entities.onlyA, text, names)),
    ]),
  };
}

/** One other article's side: its claims as stored. */
function columnFacts(pairs: readonly ReportPair[], names: NameBook): SideFacts {
  const claims = pairs.map((p) => p.report.claim);
  return {
    texts: unique(claims.map((c) => c.text)),
    speakers: unique(claims.map((c) => speakerText(c.attribution))),
    numbers: claims.flatMap((c) => c.quantities),
    hedges: unique(claims.flatMap((c) => c.hedges)),
    places: unique(claims.flatMap((c) => namesIn(c.entities.filter(isPlace), c.text, names))),
    only: unique(
      pairs.flatMap(({ report: { claim, difference } }) => [
        ...difference.numbers.flatMap((n) => (n.b && !n.a ? [quantityText(n.b)] : [])),
        ...difference.hedges.onlyB.map((h) => `“${h}”`),
        ...namesIn(difference.entities.onlyB, claim.text, names),
      ]),
    ),
  };
}

/** The rows of an event's comparison table. */
export function comparisonRows(ev: EventComparison, names: NameBook): ComparisonRow[] {
  const sides = [pageFacts(ev, names), ...ev.columns.map((c) => columnFacts(c.pairs, names))];
  const row = (id: string, label: string, pick: (s: SideFacts) => string[], differs = false): ComparisonRow => ({
    id,
    label,
    cells: sides.map((s) => ({ texts: pick(s) })),
    differs,
  });
  // Spelling is not disagreement ("Hanna" / "Ganna" Malyar): the background's same-speaker verdict decides.
  const otherSpeaker = ev.columns.some((c) =>
    c.pairs.some(({ report: { difference } }) => !difference.attribution.same && !!(difference.attribution.a || difference.attribution.b)),
  );
  const rows = [row('claim', 'The claim', (s) => s.texts), row('speaker', 'Who says it, and how', (s) => s.speakers, otherSpeaker)];
  // One row per thing counted, so "85 attacks" sits beside "95 attacks" and not beside "15 km".
  const keys = unique(sides.flatMap((s) => s.numbers.map(countedKey)));
  for (const key of keys) {
    const values = new Set(sides.flatMap((s) => s.numbers.filter((q) => countedKey(q) === key).map((q) => q.value)));
    rows.push(
      row(
        `number-${key}`,
        `Number: ${key}`,
        (s) => unique(s.numbers.filter((q) => countedKey(q) === key).map(quantityText)),
        values.size > 1,
      ),
    );
  }
  rows.push(row('hedges', 'Hedges and verification', (s) => s.hedges.map((h) => `“${h}”`)));
  rows.push(row('places', 'Place names used', (s) => s.places));
  rows.push(row('only', 'Only this side reports', (s) => s.only));
  return rows;
}
