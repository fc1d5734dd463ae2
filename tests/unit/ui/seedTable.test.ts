/**
 * The fixture page that restates a seed claim with another number
 * (tests/fixtures/pages/article-other-number.html), through the background as
 * a browser runs it on the seeded library, then through the table's model: the
 * same path as the e2e test, without a browser.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentenceMatch } from '../../../src/shared/messages';
import { groupByEvent } from '../../../src/ui/comparison';
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

/** The plain paragraphs (no class: not the byline) of a fixture page, tags stripped. */
const paragraphsOf = (file: string) =>
  [...readFileSync(new URL(`../../fixtures/pages/${file}`, import.meta.url), 'utf8').matchAll(/<p>(.*?)<\/p>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, ''),
  );
const paragraphs = paragraphsOf('article-other-number.html');

describe('a page restating a seed claim with another number', () => {
  it('puts both numbers in one row, marked as differing', { timeout: 60_000 }, async () => {
    const pageUrl = 'http://127.0.0.1/article-other-number.html';
    const sentences = paragraphs.map((text, i) => ({ key: `s${i}`, text }));
    const reply = await call('matchSentences', { pageUrl, pageDate: '2023-07-17', sentences });
    expect(reply.ok, reply.error).toBe(true);
    const matches = (reply.value as SentenceMatch[]).map((m) => ({ ...m, text: sentences.find((s) => s.key === m.key)!.text }));
    const claimIds = matches.flatMap((m) => m.reports.map((r) => r.claim.id));
    const comparison = await call('getComparison', { claimIds, entityIds: [] });
    const { events } = groupByEvent(matches, (comparison.value as { events: never[] }).events, null);
    const rows = events.flatMap((ev) => comparisonRows(ev, {}));
    const area = rows.find((r) => r.label === 'Number: area (km²)');
    // One Malyar with two spellings: the same speaker, not a disagreement.
    expect(rows.find((r) => r.id === 'speaker')?.differs).toBe(false);
    expect(area, JSON.stringify(rows.map((r) => [r.label, r.cells]))).toMatchObject({
      differs: true,
      cells: [{ texts: ['approximately nine square kilometres'] }, { texts: ['approximately seven square kilometers'] }],
    });
    // The seed's cell links to the stored sentence that says it; this page's cell has no stored sentence.
    const seven = matches.flatMap((m) => m.reports).find((r) => r.claim.text.includes('approximately seven square kilometers'))!;
    expect(area!.cells[1]!.sources).toEqual([{ articleId: seven.article.id, sentenceIndex: seven.claim.sentenceIndex }]);
    expect(area!.cells[0]!.sources).toEqual([null]);
  });

  it('tells the panel when the page is a copy of a stored article, and the date it was matched with', { timeout: 60_000 }, async () => {
    // The demo page carries seed article 2's text unchanged: the background recognises it while matching.
    const pageUrl = 'http://127.0.0.1/article-seed.html';
    const blocks = paragraphsOf('article-seed.html');
    const analysis = await call('analyzePage', { pageUrl, fresh: true, blocks });
    const found = (analysis.value as { sentences: Array<{ block: number; start: number; end: number; key: string }> }).sentences;
    const sentences = found.map((s) => ({ key: s.key, text: blocks[s.block]!.slice(s.start, s.end) }));
    expect((await call('matchSentences', { pageUrl, pageDate: '2023-02-15', sentences })).ok).toBe(true);
    const context = await call('getPageContext', { pageUrl });
    expect(context.value).toMatchObject({
      copyOf: [{ label: expect.stringMatching(/^Seed article 2/) }],
      pageDate: { date: '2023-02-15' },
    });
    // No copy and no date elsewhere; the model's state is reported (no worker here: never started).
    const elsewhere = (await call('getPageContext', { pageUrl: 'http://127.0.0.1/elsewhere.html' })).value;
    expect(elsewhere).toEqual({ copyOf: [], model: { state: 'idle', embedded: 0, claims: expect.any(Number) } });
  });
});
