// @vitest-environment happy-dom
/**
 * Table cells link to their stored sentences, and a page's number or name that
 * the other article gives in another sentence is shown with that sentence,
 * never as "only this page".
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { LinkedReport } from '../../../src/shared/messages';
import { groupByEvent } from '../../../src/ui/comparison';
import { ComparisonTable } from '../../../src/ui/ComparisonTable';
import { summarizeDifference } from '../../../src/ui/difference';
import { DifferenceView } from '../../../src/ui/DifferenceView';
import { articleViewHref, sentenceFromHash, sentenceHref } from '../../../src/ui/links';
import { comparisonRows } from '../../../src/ui/rows';
import { attackEvent, claim, names, PAGE_TEXT, pageContext, pageWithMatch, sameReport } from './fixtures';

/** The page says 95 attacks near Bakhmut; the matched sentence of seed 4 gives no number and no Bakhmut; its sentence 7 gives both. */
const SENTENCE_7 = 'By Monday evening the army said it had repelled 95 attacks around Bakhmut.';
const headlineReport = (evidence: LinkedReport['evidence']): LinkedReport => ({
  ...sameReport,
  claim: claim({ id: 'c_85', sentenceIndex: 2, text: 'Ukraine’s military said it held its lines.' }),
  difference: {
    ...sameReport.difference,
    numbers: [{ a: { value: 95, unit: 'count', bound: 'exact', text: '95 attacks', noun: 'attacks' }, agree: false }],
    hedges: { onlyA: [], onlyB: [] },
    entities: { onlyA: ['place:bakhmut'], onlyB: [] },
  },
  ...(evidence ? { evidence } : {}),
});
const EVIDENCE: NonNullable<LinkedReport['evidence']> = [
  { kind: 'number', fact: '95 attacks', sentenceIndex: 7, text: SENTENCE_7, phrase: '95 attacks' },
  { kind: 'name', fact: 'place:bakhmut', sentenceIndex: 7, text: SENTENCE_7 },
];

describe('links to stored sentences', () => {
  it('builds the article view address and reads its fragment back', () => {
    expect(articleViewHref('a_4', 3)).toBe('../article/index.html?article=a_4#s3');
    expect(articleViewHref('a b')).toBe('../article/index.html?article=a%20b');
    expect(sentenceFromHash('#s12')).toBe(12);
    expect(sentenceFromHash('#x12')).toBeNull();
    expect(sentenceFromHash('')).toBeNull();
  });

  it('gives every other article’s cell the sentence it is written in, and this page’s cells none', () => {
    const { events } = groupByEvent(pageWithMatch().matches, [attackEvent], pageContext);
    const rows = comparisonRows(events[0]!, names);
    for (const row of rows) {
      const [page, other] = row.cells;
      expect(page!.sources).toEqual(page!.texts.map(() => null));
      expect(other!.sources).toEqual(other!.texts.map(() => ({ articleId: 'a_4', sentenceIndex: 3 })));
    }
    expect(rows.find((r) => r.id === 'number-attacks')!.cells[1]!.texts).toEqual(['85 attacks']);
  });

  it('links this page’s cells to its stored copy by their words when the library holds one', () => {
    const { events } = groupByEvent(pageWithMatch().matches, [attackEvent], pageContext);
    const rows = Object.fromEntries(comparisonRows(events[0]!, names, 'a_copy').map((r) => [r.id, r]));
    const atPage = { articleId: 'a_copy', quote: PAGE_TEXT };
    expect(rows['claim']!.cells[0]).toEqual({ texts: [PAGE_TEXT], sources: [atPage] });
    expect(rows['number-attacks']!.cells[0]!.sources).toEqual([atPage]);
    expect(rows['places']!.cells[0]).toEqual({ texts: ['Bakhmut'], sources: [atPage] });
    expect(sentenceHref(atPage)).toBe(`../article/index.html?article=a_copy#q=${encodeURIComponent(PAGE_TEXT)}`);
  });

  it('renders each linked cell as a link to the article view at its sentence', () => {
    const { events } = groupByEvent(pageWithMatch().matches, [attackEvent], pageContext);
    const root = document.createElement('div');
    render(<ComparisonTable ev={events[0]!} rows={comparisonRows(events[0]!, names)} page={pageContext} />, root);
    const row = [...root.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.startsWith('Number: attacks'))!;
    const [pageCell, otherCell] = [...row.querySelectorAll('td')];
    expect(pageCell!.querySelector('a')).toBeNull();
    expect(otherCell!.querySelector('a')?.getAttribute('href')).toBe('../article/index.html?article=a_4#s3');
    expect(otherCell!.querySelector('a')?.textContent).toBe('85 attacks');
    expect([...root.querySelectorAll('thead a')].map((a) => a.textContent)).toContain('Stored text');
  });
});

describe('article-level evidence', () => {
  it('without evidence, says the number and name are only on this page', () => {
    const summary = summarizeDifference({ pageText: PAGE_TEXT, report: headlineReport(undefined) }, names, pageContext);
    expect(summary.lines.map((l) => l.text)).toEqual([
      'this page: 95 attacks (6 Mar 2023); Seed article 4: no number for it (6 Mar 2023, inferred)',
      'only this page names Bakhmut',
    ]);
    expect(summary.elsewhere).toEqual([]);
    const { events } = groupByEvent([{ key: 'k', text: PAGE_TEXT, reports: [headlineReport(undefined)] }], [attackEvent], null);
    expect(comparisonRows(events[0]!, names).find((r) => r.id === 'only')!.cells[0]!.texts).toEqual(['95 attacks', 'Bakhmut']);
  });

  it('keeps a disagreement marked when the other article also gives the page’s number elsewhere, and says so', () => {
    const report: LinkedReport = { ...sameReport, evidence: [EVIDENCE[0]!] };
    const summary = summarizeDifference({ pageText: PAGE_TEXT, report }, names, pageContext);
    expect(summary.lines).toEqual([
      { text: 'this page: 95 attacks (6 Mar 2023); Seed article 4: 85 attacks (6 Mar 2023, inferred)', disagree: true },
      { text: 'Seed article 4 also gives “95 attacks” in another sentence', disagree: false },
      { text: 'only Seed article 4 hedges: “could not independently verify”', disagree: false },
    ]);
    expect(summary.pageMarks).toContainEqual({ phrase: '95 attacks', kind: 'number' });
    expect(summary.elsewhere.map((e) => e.sentenceIndex)).toEqual([7]);
  });

  it('with evidence, shows the other sentence with the fact marked, and drops it from "only this side"', () => {
    const report = headlineReport(EVIDENCE);
    const summary = summarizeDifference({ pageText: PAGE_TEXT, report }, names, pageContext);
    expect(summary.lines.map((l) => l.text)).toEqual([
      'this page: 95 attacks (6 Mar 2023); Seed article 4 gives “95 attacks” in another sentence',
      'Seed article 4 names Bakhmut in another sentence',
    ]);
    expect(summary.lines.some((l) => /only this page/.test(l.text))).toBe(false);
    expect(summary.elsewhere).toEqual([
      {
        sentenceIndex: 7,
        text: SENTENCE_7,
        marks: [
          { phrase: '95 attacks', kind: 'elsewhere' },
          { phrase: 'Bakhmut', kind: 'elsewhere' },
        ],
      },
    ]);
    const { events } = groupByEvent([{ key: 'k', text: PAGE_TEXT, reports: [report] }], [attackEvent], null);
    expect(comparisonRows(events[0]!, names).find((r) => r.id === 'only')!.cells[0]!.texts).toEqual([]);

    const root = document.createElement('div');
    render(<DifferenceView pair={{ pageText: PAGE_TEXT, report }} names={names} page={pageContext} links />, root);
    const quotes = [...root.querySelectorAll('.px-elsewhere')];
    expect(quotes.map((q) => q.querySelector('mark')?.firstChild?.textContent)).toEqual(['95 attacks']);
    expect(quotes[0]!.querySelector('a')?.getAttribute('href')).toBe('../article/index.html?article=a_4#s7');
    expect(root.textContent).toContain('Seed article 4, in another sentence');
    // Without `links` (the hover card on a web page), no extension link.
    const card = document.createElement('div');
    render(<DifferenceView pair={{ pageText: PAGE_TEXT, report }} names={names} page={pageContext} />, card);
    expect(card.querySelector('.px-elsewhere')).not.toBeNull();
    expect(card.querySelector('a')).toBeNull();
  });
});
