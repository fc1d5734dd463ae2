/**
 * The comparison table's rows for one event: who makes the claim and how, the
 * numbers aligned by what they count, hedges and verification, place names,
 * and what only one side reports. Every cell holds text as the sentence
 * writes it (a speaker, a number's words, a hedge, a spelling); the page's side
 * comes from each report's `difference` (its `a` side is the page).
 */
import type { Claim, Quantity } from '../core/types';
import type { LinkedReport } from '../shared/messages';
import type { EventComparison, ReportPair } from './comparison';
import { speakerText } from './comparison';
import { quantityText } from './format';
import type { SentenceRef } from './links';
import { findPhrase, spellingIn } from './spans';

/** Spellings of each entity id (name, aliases, the page's surfaces), to find a name as a sentence writes it. */
export type NameBook = Record<string, readonly string[]>;

/** One cell: verbatim texts, none when the side gives nothing for the row. */
export interface ComparisonCell {
  texts: string[];
  /** Where each text is written (`sources[i]` for `texts[i]`): a stored sentence, or null (this page's text, not stored). */
  sources: Array<SentenceRef | null>;
}

/** One row; `cells[0]` is this page, then one per column of the event. */
export interface ComparisonRow {
  id: string;
  label: string;
  cells: ComparisonCell[];
  /** The sides disagree (numbers with other values, other speakers). */
  differs: boolean;
}

/** A verbatim text and the stored sentence it comes from (none for a page the library does not hold). */
interface Sourced<T = string> {
  value: T;
  source: SentenceRef | null;
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

/** What one side says, gathered over its pairs; each text with the sentence it is written in. */
interface SideFacts {
  texts: Sourced[];
  speakers: Sourced[];
  numbers: Array<Sourced<Quantity>>;
  hedges: Sourced[];
  places: Sourced[];
  only: Sourced[];
}

/** First of each text, keeping its source; empty texts dropped. */
function uniqueSourced(items: ReadonlyArray<Sourced<string | undefined>>): Sourced[] {
  const seen = new Map<string, Sourced>();
  for (const { value, source } of items) if (value && !seen.has(value)) seen.set(value, { value, source });
  return [...seen.values()];
}

/** The stored sentence a claim is. */
const sentenceOf = (claim: Claim): SentenceRef => ({ articleId: claim.articleId, sentenceIndex: claim.sentenceIndex });

function namesIn(ids: Iterable<string>, text: string, names: NameBook): string[] {
  return unique([...ids].map((id) => spellingIn(text, names[id] ?? [])));
}

/** Whether the report's article gives the page's fact in another sentence (the background's article-level evidence). */
const givenElsewhere = (report: LinkedReport, kind: 'number' | 'name', fact: string) =>
  !!report.evidence?.some((e) => e.kind === kind && e.fact === fact);

/**
 * This page's side: the `a` side of every difference. Its sentences are the live page's; when the
 * library holds a copy of the page (`copyId`), each text links to its sentence there by its words.
 */
function pageFacts(ev: EventComparison, names: NameBook, copyId: string | undefined): SideFacts {
  const pairs = ev.columns.flatMap((c) => c.pairs);
  const text = ev.pageTexts.join(' ');
  const at = (sentence: string | undefined): SentenceRef | null => (copyId && sentence ? { articleId: copyId, quote: sentence } : null);
  // A text gathered over all of the page's sentences is linked to the first sentence that writes it.
  const written = (values: string[]) =>
    uniqueSourced(values.map((value) => ({ value, source: at(ev.pageTexts.find((t) => findPhrase(t, value.replace(/^“|”$/g, '')))) })));
  const placeIds = new Set<string>();
  for (const { report } of pairs) {
    const onlyThere = new Set(report.difference.entities.onlyB);
    for (const id of [...report.claim.entities, ...report.difference.entities.onlyA])
      if (!onlyThere.has(id) && isPlace(id)) placeIds.add(id);
  }
  // Only on this page: what the page gives and no column gives, in the matched sentence or anywhere else in its article.
  const onlyEverywhere = (pick: (p: ReportPair) => string[]) => {
    const lists = pairs.map(pick);
    return lists.length ? lists[0]!.filter((item) => lists.every((l) => l.includes(item))) : [];
  };
  const pageOnlyNumbers = ({ report }: ReportPair) =>
    report.difference.numbers.flatMap((n) => (n.a && !n.b && !givenElsewhere(report, 'number', n.a.text) ? [quantityText(n.a)] : []));
  const pageOnlyNames = ({ report }: ReportPair) =>
    namesIn(
      report.difference.entities.onlyA.filter((id) => !givenElsewhere(report, 'name', id)),
      text,
      names,
    );
  return {
    texts: uniqueSourced(ev.pageTexts.map((t) => ({ value: t, source: at(t) }))),
    speakers: uniqueSourced(pairs.map((p) => ({ value: speakerText(p.report.difference.attribution.a), source: at(p.pageText) }))),
    numbers: pairs.flatMap((p) => p.report.difference.numbers.flatMap((n) => (n.a ? [{ value: n.a, source: at(p.pageText) }] : []))),
    hedges: uniqueSourced(
      pairs.flatMap(({ pageText, report: { claim, difference } }) =>
        [...difference.hedges.onlyA, ...claim.hedges.filter((h) => !difference.hedges.onlyB.includes(h))].map((value) => ({
          value,
          source: at(pageText),
        })),
      ),
    ),
    places: written(namesIn(placeIds, text, names)),
    only: written([
      ...onlyEverywhere(pageOnlyNumbers),
      ...onlyEverywhere((p) => p.report.difference.hedges.onlyA.map((h) => `“${h}”`)),
      ...onlyEverywhere(pageOnlyNames),
    ]),
  };
}

/** One other article's side: its claims as stored, each text linked to its sentence. */
function columnFacts(pairs: readonly ReportPair[], names: NameBook): SideFacts {
  const claims = pairs.map((p) => p.report.claim);
  const from = (claim: Claim, values: Array<string | undefined>) => values.map((value) => ({ value, source: sentenceOf(claim) }));
  return {
    texts: uniqueSourced(claims.flatMap((c) => from(c, [c.text]))),
    speakers: uniqueSourced(claims.flatMap((c) => from(c, [speakerText(c.attribution)]))),
    numbers: claims.flatMap((c) => c.quantities.map((q) => ({ value: q, source: sentenceOf(c) }))),
    hedges: uniqueSourced(claims.flatMap((c) => from(c, c.hedges))),
    places: uniqueSourced(claims.flatMap((c) => from(c, namesIn(c.entities.filter(isPlace), c.text, names)))),
    only: uniqueSourced(
      pairs.flatMap(({ report: { claim, difference } }) =>
        from(claim, [
          ...difference.numbers.flatMap((n) => (n.b && !n.a ? [quantityText(n.b)] : [])),
          ...difference.hedges.onlyB.map((h) => `“${h}”`),
          ...namesIn(difference.entities.onlyB, claim.text, names),
        ]),
      ),
    ),
  };
}

/**
 * The rows of an event's comparison table. `pageCopyId`: the stored article the page is a copy of
 * (the panel's page context), whose sentences this page's cells then link to.
 */
export function comparisonRows(ev: EventComparison, names: NameBook, pageCopyId?: string): ComparisonRow[] {
  const sides = [pageFacts(ev, names, pageCopyId), ...ev.columns.map((c) => columnFacts(c.pairs, names))];
  const row = (id: string, label: string, pick: (s: SideFacts) => Sourced[], differs = false): ComparisonRow => ({
    id,
    label,
    cells: sides.map((s) => {
      const items = pick(s);
      return { texts: items.map((i) => i.value), sources: items.map((i) => i.source) };
    }),
    differs,
  });
  // Spelling is not disagreement ("Hanna" / "Ganna" Malyar): the background's same-speaker verdict decides.
  const otherSpeaker = ev.columns.some((c) =>
    c.pairs.some(({ report: { difference } }) => !difference.attribution.same && !!(difference.attribution.a || difference.attribution.b)),
  );
  const rows = [row('claim', 'The claim', (s) => s.texts), row('speaker', 'Who says it, and how', (s) => s.speakers, otherSpeaker)];
  // One row per thing counted, so "85 attacks" sits beside "95 attacks" and not beside "15 km".
  const keys = unique(sides.flatMap((s) => s.numbers.map((n) => countedKey(n.value))));
  for (const key of keys) {
    const values = new Set(sides.flatMap((s) => s.numbers.filter((n) => countedKey(n.value) === key).map((n) => n.value.value)));
    rows.push(
      row(
        `number-${key}`,
        `Number: ${key}`,
        (s) =>
          uniqueSourced(
            s.numbers.filter((n) => countedKey(n.value) === key).map((n) => ({ value: quantityText(n.value), source: n.source })),
          ),
        values.size > 1,
      ),
    );
  }
  rows.push(row('hedges', 'Hedges and verification', (s) => s.hedges.map((h) => ({ ...h, value: `“${h.value}”` }))));
  rows.push(row('places', 'Place names used', (s) => s.places));
  rows.push(row('only', 'Only this side reports', (s) => s.only));
  return rows;
}
