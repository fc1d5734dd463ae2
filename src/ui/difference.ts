/**
 * One report against the page's sentence, said in words and marked in place:
 * "this page: 95 attacks (6 Mar 2023); Seed article 4: 85 attacks (1 Mar 2023)",
 * and for each sentence the spans that carry a difference. Built from the
 * background's `ClaimDifference` (its `a` side is the page, `b` the report).
 */
import type { PageContext } from '../shared/messages';
import type { ReportPair } from './comparison';
import { dateText, reportDate, sourceName, speakerText } from './comparison';
import { quantityText } from './format';
import type { NameBook } from './rows';
import type { SpanMark } from './spans';
import { spellingIn } from './spans';

/** What a reader needs to see of one difference: sentences in words and the spans to mark on each side. */
export interface DifferenceSummary {
  /** Each difference said in words (`disagree`: other values or another speaker); empty when the two say the same. */
  lines: Array<{ text: string; disagree: boolean }>;
  pageMarks: SpanMark[];
  reportMarks: SpanMark[];
}

const quoted = (items: string[]) => items.map((h) => `“${h}”`).join(', ');

/** The differences between the page's sentence and one report. */
export function summarizeDifference(pair: ReportPair, names: NameBook, page: PageContext | null): DifferenceSummary {
  const { claim, difference, article } = pair.report;
  const there = sourceName(article);
  const hereDate = page?.pageDate ? dateText(page.pageDate.date, page.pageDate.inferred) : undefined;
  const thereDate = reportDate(pair.report);
  // "(1 Mar 2023, inferred)": one pair of brackets reads better than nested ones.
  const when = (d: string | undefined) => (d ? ` (${d.replace(' (inferred)', ', inferred')})` : '');
  const lines: DifferenceSummary['lines'] = [];
  const say = (text: string, disagree = false) => lines.push({ text, disagree });
  const pageMarks: SpanMark[] = [];
  const reportMarks: SpanMark[] = [];

  for (const { a, b, agree } of difference.numbers) {
    if (a && b && agree && a.bound === b.bound) continue;
    // "3 km" against "up to 3 km": one value bounded differently, not another number.
    const kind = agree ? ('bound' as const) : a && b ? ('number' as const) : ('only' as const);
    if (a) pageMarks.push({ phrase: a.text, kind });
    if (b) reportMarks.push({ phrase: b.text, kind });
    const hereText = a ? quantityText(a) : 'no number for it';
    const thereText = b ? quantityText(b) : 'no number for it';
    say(`this page: ${hereText}${when(hereDate)}; ${there}: ${thereText}${when(thereDate)}`, !agree && !!a && !!b);
  }
  if (!difference.attribution.same) {
    const { a, b } = difference.attribution;
    if (a) pageMarks.push({ phrase: a.speaker, kind: 'speaker' });
    if (b) reportMarks.push({ phrase: b.speaker, kind: 'speaker' });
    say(`who says it: this page: ${speakerText(a) ?? 'no speaker named'}; ${there}: ${speakerText(b) ?? 'no speaker named'}`, !!a && !!b);
  }
  const { onlyA, onlyB } = difference.hedges;
  if (onlyA.length) say(`only this page hedges: ${quoted(onlyA)}`);
  if (onlyB.length) say(`only ${there} hedges: ${quoted(onlyB)}`);
  pageMarks.push(...onlyA.map((phrase) => ({ phrase, kind: 'hedge' as const })));
  reportMarks.push(...onlyB.map((phrase) => ({ phrase, kind: 'hedge' as const })));

  const namesHere = difference.entities.onlyA.flatMap((id) => spellingIn(pair.pageText, names[id] ?? []) ?? []);
  const namesThere = difference.entities.onlyB.flatMap((id) => spellingIn(claim.text, names[id] ?? []) ?? []);
  if (namesHere.length) say(`only this page names ${namesHere.join(', ')}`);
  if (namesThere.length) say(`only ${there} names ${namesThere.join(', ')}`);
  pageMarks.push(...namesHere.map((phrase) => ({ phrase, kind: 'name' as const })));
  reportMarks.push(...namesThere.map((phrase) => ({ phrase, kind: 'name' as const })));
  return { lines, pageMarks, reportMarks };
}
