/**
 * One report against the page's sentence, said in words and marked in place:
 * "this page: 95 attacks (6 Mar 2023); Seed article 4: 85 attacks (1 Mar 2023)",
 * and for each sentence the spans that carry a difference. Built from the
 * background's `ClaimDifference` (its `a` side is the page, `b` the report),
 * and its article-level evidence: a number or name the matched sentence lacks
 * but another sentence of the same article gives is said and shown as such,
 * never as "only this page".
 */
import type { ArticleEvidence, PageContext } from '../shared/messages';
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
  /** Other sentences of the report's article that give what its matched sentence lacks, each with the words to mark. */
  elsewhere: Array<{ sentenceIndex: number; text: string; marks: SpanMark[] }>;
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

  const elsewhere = new Map<number, DifferenceSummary['elsewhere'][number]>();
  /** The words another sentence of the report's article gives the fact in ('' when not found in it), or undefined when none does. */
  const given = (kind: 'number' | 'name', fact: string, phrase: (evidence: ArticleEvidence) => string | undefined) => {
    const found = pair.report.evidence?.find((e) => e.kind === kind && e.fact === fact);
    if (!found) return undefined;
    const entry = elsewhere.get(found.sentenceIndex) ?? { sentenceIndex: found.sentenceIndex, text: found.text, marks: [] };
    const words = phrase(found);
    if (words) entry.marks.push({ phrase: words, kind: 'elsewhere' });
    elsewhere.set(found.sentenceIndex, entry);
    return words ?? '';
  };

  for (const { a, b, agree } of difference.numbers) {
    if (a && b && agree && a.bound === b.bound) continue;
    // The page's number, given by the report's article in another sentence than the matched one.
    const other = a && !(b && agree) ? given('number', a.text, (e) => e.phrase) : undefined;
    if (a && !b && other !== undefined) {
      pageMarks.push({ phrase: a.text, kind: 'elsewhere' });
      say(`this page: ${quantityText(a)}${when(hereDate)}; ${there} gives ${other ? `“${other}”` : 'it'} in another sentence`);
      continue;
    }
    // "3 km" against "up to 3 km": one value bounded differently, not another number.
    const kind = agree ? ('bound' as const) : a && b ? ('number' as const) : ('only' as const);
    if (a) pageMarks.push({ phrase: a.text, kind });
    if (b) reportMarks.push({ phrase: b.text, kind });
    const hereText = a ? quantityText(a) : 'no number for it';
    const thereText = b ? quantityText(b) : 'no number for it';
    say(`this page: ${hereText}${when(hereDate)}; ${there}: ${thereText}${when(thereDate)}`, !agree && !!a && !!b);
    if (a && b && other !== undefined) say(`${there} also gives ${other ? `“${other}”` : 'this page’s number'} in another sentence`);
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

  // A name the matched sentence lacks may be in another sentence of its article: then it is not "only this page".
  const namedThere = new Set(
    difference.entities.onlyA.filter((id) => given('name', id, (e) => spellingIn(e.text, names[id] ?? [])) !== undefined),
  );
  const spelled = (ids: string[], text: string) => ids.flatMap((id) => spellingIn(text, names[id] ?? []) ?? []);
  const namesHere = spelled(
    difference.entities.onlyA.filter((id) => !namedThere.has(id)),
    pair.pageText,
  );
  const namesElsewhere = spelled([...namedThere], pair.pageText);
  const namesThere = spelled(difference.entities.onlyB, claim.text);
  if (namesHere.length) say(`only this page names ${namesHere.join(', ')}`);
  if (namesElsewhere.length) say(`${there} names ${namesElsewhere.join(', ')} in another sentence`);
  if (namesThere.length) say(`only ${there} names ${namesThere.join(', ')}`);
  pageMarks.push(...namesHere.map((phrase) => ({ phrase, kind: 'name' as const })));
  pageMarks.push(...namesElsewhere.map((phrase) => ({ phrase, kind: 'elsewhere' as const })));
  reportMarks.push(...namesThere.map((phrase) => ({ phrase, kind: 'name' as const })));
  return { lines, pageMarks, reportMarks, elsewhere: [...elsewhere.values()].sort((x, y) => x.sentenceIndex - y.sentenceIndex) };
}
