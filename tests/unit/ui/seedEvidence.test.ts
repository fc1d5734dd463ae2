/**
 * Article-level evidence on the seeded library, through the background as a
 * browser runs it (tests/fixtures/pages/article-number-elsewhere.html): the
 * page's "seven square kilometres" matches seed article 3's sentence that says
 * "several square kilometers"; the 7 km² is two sentences further down in the
 * same article, so the difference shows that sentence and never says "only
 * this page".
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentenceMatch } from '../../../src/shared/messages';
import { groupByEvent } from '../../../src/ui/comparison';
import { summarizeDifference } from '../../../src/ui/difference';
import { comparisonRows } from '../../../src/ui/rows';
import { contentSender } from '../background/fakeBrowser';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('../background/fakeBrowser')).fakeBrowser }));

type Reply = { ok: boolean; value?: unknown; error?: string };
let call: (method: string, params: unknown) => Promise<Reply>;
let closeDB: () => void;

beforeEach(async () => {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  const { browser } = await import('../../../src/shared/browser');
  vi.clearAllMocks();
  await import('../../../src/background/index');
  ({ closeDB } = await import('../../../src/store'));
  const listener = (browser.runtime.onMessage.addListener as unknown as { mock: { calls: unknown[][] } }).mock.calls[0]![0] as (
    m: unknown,
    s: unknown,
  ) => Promise<Reply>;
  call = (method, params) => listener({ parallax: 1, method, params }, contentSender);
});
afterEach(() => closeDB());

const fixture = readFileSync(new URL('../../fixtures/pages/article-number-elsewhere.html', import.meta.url), 'utf8');
const PAGE_SENTENCE = [...fixture.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!)[0]!;

describe('a number the matched sentence lacks, given elsewhere in the same seed article', () => {
  it('shows the other sentence of seed article 3 and does not call the number "only this page"', { timeout: 60_000 }, async () => {
    expect(PAGE_SENTENCE).toMatch(/seven square kilometres/);
    const reply = await call('matchSentences', {
      pageUrl: 'http://127.0.0.1/article-number-elsewhere.html',
      pageDate: '2023-07-17',
      sentences: [{ key: 'k', text: PAGE_SENTENCE }],
    });
    expect(reply.ok, reply.error).toBe(true);
    const [match] = reply.value as SentenceMatch[];
    const report = match!.reports.find((r) => r.claim.text.includes('several square kilometers'));
    expect(report, JSON.stringify(match?.reports.map((r) => r.claim.text))).toBeDefined();
    // The matched sentence alone gives no number: a sentence-to-sentence card would say "only this page".
    expect(report!.difference.numbers.map((n) => [n.a?.value, n.b, n.agree])).toEqual([[7, undefined, false]]);
    expect(report!.evidence).toEqual([
      expect.objectContaining({
        kind: 'number',
        phrase: 'approximately seven square kilometers',
        sentenceIndex: report!.claim.sentenceIndex + 2,
      }),
    ]);

    const summary = summarizeDifference({ pageText: PAGE_SENTENCE, report: report! }, {}, null);
    expect(summary.lines.map((l) => l.text).join('\n')).toMatch(/gives “approximately seven square kilometers” in another sentence/);
    expect(summary.lines.some((l) => /no number for it/.test(l.text))).toBe(false);
    expect(summary.elsewhere.map((e) => e.text)).toEqual([expect.stringMatching(/^According to Deputy Defense Minister Ganna Malyar/)]);

    const { events } = groupByEvent([{ ...match!, text: PAGE_SENTENCE }], undefined, null);
    const only = events.flatMap((ev) => comparisonRows(ev, {})).find((r) => r.id === 'only');
    expect(only!.cells[0]!.texts).toEqual([]);
  });
});
