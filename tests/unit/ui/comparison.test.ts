import { describe, expect, it } from 'vitest';
import { groupByEvent, relatedWhy } from '../../../src/ui/comparison';
import { summarizeDifference } from '../../../src/ui/difference';
import { comparisonRows } from '../../../src/ui/rows';
import { markSpans, spellingIn } from '../../../src/ui/spans';
import { attackEvent, names, PAGE_TEXT, pageContext, pageWithMatch, relatedReport, sameReport } from './fixtures';

describe('the comparison model', () => {
  it('puts same reports in the event table and keeps related ones apart, saying why', () => {
    const { events, related } = groupByEvent(pageWithMatch().matches, [attackEvent], pageContext);
    expect(events.map((e) => [e.label, e.columns.map((c) => c.article.id)])).toEqual([['Attacks near Bakhmut', ['a_4']]]);
    expect(related.map((r) => r.why)).toEqual(['reported 1 Mar 2023; this page 6 Mar 2023']);
    expect(relatedWhy(relatedReport, null)).toBe('reported 1 Mar 2023, another day than this page');
  });

  it('groups sentences in no event as "Not grouped into an event"', () => {
    const { events } = groupByEvent(pageWithMatch().matches, [], pageContext);
    expect(events.map((e) => e.label)).toEqual(['Not grouped into an event']);
  });

  it('aligns numbers by what they count, marks the disagreement, and keeps every cell verbatim', () => {
    const { events } = groupByEvent(pageWithMatch().matches, [attackEvent], pageContext);
    const rows = Object.fromEntries(comparisonRows(events[0]!, names).map((r) => [r.id, r]));
    expect(rows['number-attacks']).toMatchObject({
      label: 'Number: attacks',
      differs: true,
      cells: [{ texts: ['95 attacks'] }, { texts: ['85 attacks'] }],
    });
    expect(rows['speaker']!.cells.map((c) => c.texts)).toEqual([['The Ukrainian military (said)'], ['Ukraine’s military (said)']]);
    expect(rows['hedges']!.cells.map((c) => c.texts)).toEqual([[], ['“could not independently verify”']]);
    expect(rows['places']!.cells.map((c) => c.texts)).toEqual([['Bakhmut'], ['Artemivsk']]);
    expect(rows['only']!.cells[1]!.texts).toEqual(['“could not independently verify”']);
    for (const row of Object.values(rows)) {
      for (const text of row.cells[1]!.texts) expect(sameReport.claim.text).toContain(text.replace(/^“|”$/g, '').replace(/ \(said\)$/, ''));
    }
  });

  it('says the difference in words and marks only the differing spans', () => {
    const summary = summarizeDifference({ pageText: PAGE_TEXT, report: sameReport }, names, pageContext);
    expect(summary.lines.map((l) => l.text)).toContain(
      'this page: 95 attacks (6 Mar 2023); Seed article 4: 85 attacks (6 Mar 2023, inferred)',
    );
    expect(summary.lines.map((l) => l.text)).toContain('only Seed article 4 hedges: “could not independently verify”');
    const spans = markSpans(sameReport.claim.text, summary.reportMarks);
    expect(spans.filter((s) => s.kind).map((s) => s.text)).toEqual(['85 attacks', 'could not independently verify']);
    expect(spans.map((s) => s.text).join('')).toBe(sameReport.claim.text);
  });

  it('finds a name as the sentence writes it, on word boundaries', () => {
    expect(spellingIn('Fighting near artemivsk went on.', ['Bakhmut', 'Artemivsk'])).toBe('artemivsk');
    expect(markSpans('15 villages and 5 towns', [{ phrase: '5', kind: 'number' }]).filter((s) => s.kind)).toEqual([
      { text: '5', kind: 'number' },
    ]);
  });
});
