/**
 * The background as a browser runs it: each test starts a fresh worker (its
 * modules imported anew, as a restarted service worker does) on its own empty
 * IndexedDB, which the first message seeds. No test depends on another's writes.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as LibraryModule from '../../../src/background/library';
import type * as SeedCorpusModule from '../../../src/background/seedCorpus';
import type * as Matching from '../../../src/core/matching';
import type * as Store from '../../../src/store';
import type { FakeBrowser } from './fakeBrowser';
import { contentSender, optionsSender } from './fakeBrowser';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

type Reply = { ok: boolean; value?: unknown; error?: string };
type Listener = (message: unknown, sender: unknown) => Promise<Reply> | undefined;

let fakeBrowser: FakeBrowser;
let onMessage: Listener;
let call: (method: string, params: unknown, sender?: unknown) => Promise<Reply>;
let invalidateLibraryCaches: typeof LibraryModule.invalidateLibraryCaches;
let seedTexts: typeof SeedCorpusModule.seedTexts;
let store: typeof Store;
let ClaimIndex: typeof Matching.ClaimIndex;

beforeEach(async () => {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  // The mocked browser outlives module resets (as the real one outlives a worker): forget the old worker's listeners.
  fakeBrowser = (await import('../../../src/shared/browser')).browser as unknown as FakeBrowser;
  vi.clearAllMocks();
  // Importing the entry point is what a (re)started worker does.
  await import('../../../src/background/index');
  ({ invalidateLibraryCaches } = await import('../../../src/background/library'));
  ({ seedTexts } = await import('../../../src/background/seedCorpus'));
  store = await import('../../../src/store');
  ({ ClaimIndex } = await import('../../../src/core/matching'));
  onMessage = fakeBrowser.runtime.onMessage.addListener.mock.calls[0]![0] as unknown as Listener;
  call = (method, params, sender = contentSender) => onMessage({ parallax: 1, method, params }, sender)!;
});

afterEach(() => store.closeDB());

describe('background entry point', () => {
  it('registers every listener synchronously at import', () => {
    for (const event of [
      fakeBrowser.runtime.onInstalled,
      fakeBrowser.runtime.onStartup,
      fakeBrowser.runtime.onMessage,
      fakeBrowser.commands.onCommand,
    ]) {
      expect(event.addListener).toHaveBeenCalledTimes(1);
    }
  });

  it('ignores messages that are not ours and refuses other extensions', async () => {
    expect(onMessage({ hello: 1 }, contentSender)).toBeUndefined();
    expect(onMessage({ parallax: 1, method: 'toString', params: {} }, contentSender)).toBeUndefined();
    await expect(call('getLibraryStats', {}, { id: 'someone-else', url: 'chrome-extension://someone-else/' })).resolves.toEqual({
      ok: false,
      error: 'Sender not allowed.',
    });
  });

  it('answers the first message after seeding, from a content script', async () => {
    const stats = await call('getLibraryStats', {});
    expect(stats).toMatchObject({ ok: true, value: { articles: 4 } });
    const lexicon = await call('getLexicon', {});
    const data = lexicon.value as { format: number; entities: Array<{ id: string }> };
    expect(lexicon.ok && data.format === 1 && data.entities.some((e) => e.id === 'place:bakhmut')).toBe(true);
  });

  it('matches a page sentence against the seeds and stays quiet on an unrelated one', async () => {
    // Seed 2's report of the ministry's Telegram post, read as if it were a page.
    const page = seedTexts()[1]!
      .text.split('\n')
      .find((l) => l.includes('retreated at random'))!;
    const reply = await call('matchSentences', { pageUrl: 'https://news.example/kyiv', sentences: [{ key: 'k1', text: page }] });
    expect(reply.ok).toBe(true);
    const matches = reply.value as Array<{
      key: string;
      reports: Array<{ article: { label: string; outlet?: string }; claim: { text: string }; difference: unknown }>;
    }>;
    expect(matches.map((m) => m.key)).toEqual(['k1']);
    const labels = matches[0]!.reports.map((r) => r.article.label);
    expect(labels).toContain('Seed article 1 · New Delhi dateline · credits Reuters · 15 Feb 2023 (inferred)');
    expect(matches[0]!.reports.every((r) => r.article.outlet === undefined && r.difference)).toBe(true);

    // An unrelated sentence finds nothing.
    const none = await call('matchSentences', {
      pageUrl: 'https://x.example/',
      sentences: [{ key: 'k2', text: 'The recipe needs two cups of flour and an egg.' }],
    });
    expect(none).toEqual({ ok: true, value: [] });
  });

  it('builds the comparison panel from the matched claims: events across seeds and a dated timeline', async () => {
    const page = seedTexts()[1]!
      .text.split('\n')
      .find((l) => l.includes('retreated at random'))!;
    const reply = await call('matchSentences', { pageUrl: 'https://news.example/kyiv', sentences: [{ key: 'k1', text: page }] });
    const reports = (reply.value as Array<{ reports: Array<{ claim: { id: string; entities: string[] } }> }>)[0]!.reports;
    const claimIds = reports.map((r) => r.claim.id);
    const entityIds = [...new Set(reports.flatMap((r) => r.claim.entities))];
    const panel = await call('getComparison', { claimIds, entityIds });
    expect(panel.ok).toBe(true);
    const { events, timeline } = panel.value as {
      events: Array<{
        event: { claimIds: string[]; articleIds: string[] };
        reports: Array<{ claim: { id: string }; article: { label: string } }>;
      }>;
      timeline: Array<{ date: string; dateInferred: boolean }>;
    };
    expect(events.length).toBeGreaterThan(0);
    for (const { event, reports: versions } of events) {
      expect(event.claimIds.some((id) => claimIds.includes(id))).toBe(true);
      expect(new Set(event.articleIds).size).toBeGreaterThanOrEqual(2);
      expect(versions.length).toBe(event.claimIds.length);
    }
    expect(timeline.map((t) => t.date)).toEqual([...timeline.map((t) => t.date)].sort());
  });

  it("clusters a claim's neighbourhood into the same event as the full clustering (large-library path)", async () => {
    const { libraryEvents, localEvents } = await import('../../../src/background/events');
    await call('getLibraryStats', {}); // the first message seeds the library
    const full = await libraryEvents();
    const multi = full.find((e) => e.articleIds.length >= 2);
    expect(multi).toBeDefined();
    const [claim] = await store.claimsByIds([multi!.claimIds[0]!]);
    const local = await localEvents([claim!]);
    const around = local.find((e) => e.claimIds.includes(claim!.id));
    expect(around?.claimIds).toEqual(multi!.claimIds);
  });

  it("leaves the page's own stored copy out of its matches", async () => {
    const text = 'Odesa: The Ukrainian navy said on Thursday it destroyed four Russian drones over the port of Odesa overnight.';
    const url = 'https://news.example/odesa';
    expect(await call('saveArticle', { text, url: `${url}#top` }, optionsSender)).toMatchObject({ ok: true, value: { added: true } });
    const sentences = [{ key: 'o', text }];
    const elsewhere = await call('matchSentences', { pageUrl: 'https://other.example/copy', sentences });
    const own = await call('matchSentences', { pageUrl: `${url}#comments`, sentences });
    const labels = (r: typeof own) =>
      (r.value as Array<{ reports: Array<{ article: { url?: string } }> }>).flatMap((m) => m.reports.map((x) => x.article.url));
    expect(labels(elsewhere)).toContain(url);
    expect(labels(own)).not.toContain(url);
  });

  it('recognises a seed reprinted under another URL as the page itself, and still shows the other seeds', async () => {
    const seed = seedTexts()[1]!.text;
    const sentences = seed
      .split('\n')
      .filter((l) => l.length > 60 && !/^Also read/i.test(l))
      .map((text, i) => ({ key: `s${i}`, text }));
    const reply = await call('matchSentences', { pageUrl: 'https://reprint.example/story', sentences });
    expect(reply.ok).toBe(true);
    const reports = (reply.value as Array<{ reports: Array<{ article: { label: string }; claim: { text: string } }> }>).flatMap(
      (m) => m.reports,
    );
    expect(reports.some((r) => r.article.label.startsWith('Seed article 2'))).toBe(false);
    expect(reports.some((r) => r.article.label.startsWith('Seed article 1'))).toBe(true);
  });

  it("uses the page's date to tell another day's events apart (related, not the same claim)", async () => {
    // Seed 4 (1 March 2023, inferred) on attacks around Bakhmut; seed 2 (15 February) also reports attacks there.
    const text = seedTexts()[3]!
      .text.split('\n')
      .find((l) => l.includes('repelled 85 Russian attacks'))!;
    const labels = async (pageDate?: string) => {
      const reply = await call('matchSentences', {
        pageUrl: 'https://x.example/',
        ...(pageDate ? { pageDate } : {}),
        sentences: [{ key: 'k', text }],
      });
      return (reply.value as Array<{ reports: Array<{ article: { label: string }; relation: string; reasons: string[] }> }>).flatMap((m) =>
        m.reports.map((r) => `${r.article.label} ${r.relation} ${r.reasons.join(',')}`),
      );
    };
    expect((await labels()).some((l) => l.startsWith('Seed article 2') && l.includes(' same'))).toBe(true);
    // With the page's date, 15 February's report of attacks is another day's event: related, never the same claim.
    const dated = await labels('2023-03-01');
    expect(dated.filter((l) => l.startsWith('Seed article 2'))).toEqual([expect.stringMatching(/ related other-day/)]);
    expect(dated.some((l) => l.startsWith('Seed article 4') && l.includes(' same'))).toBe(true);
  });

  it('keeps its caches in step with writes, and rebuilds the same index after a restart', async () => {
    const sentence = {
      key: 'k',
      text: 'Russian forces carried out relentless attacks on the eastern Ukrainian city of Bakhmut on Wednesday.',
    };
    // A saved article updates the loaded index in place; the restarted worker must rebuild the same one.
    await call('matchSentences', { pageUrl: 'https://a.example/', sentences: [sentence] });
    const saved = 'Kyiv: Russian forces carried out relentless attacks on Bakhmut on Wednesday, the Ukrainian military said.';
    expect(await call('saveArticle', { text: saved }, optionsSender)).toMatchObject({ ok: true });
    const live = await call('matchSentences', { pageUrl: 'https://a.example/', sentences: [sentence] });
    expect((live.value as unknown[]).length).toBeGreaterThan(0);

    // A restart rebuilds from the store (and snapshots the index at the current revision)...
    invalidateLibraryCaches();
    const rebuilt = await call('matchSentences', { pageUrl: 'https://a.example/', sentences: [sentence] });
    expect(rebuilt).toEqual(live);
    const revision = await store.libraryRevision();
    // The snapshot is written once no page is being looked up (a moment after the reply).
    await vi.waitFor(async () => expect((await store.getMeta('claimIndex'))?.revision).toBe(revision), { timeout: 3000 });
    expect((await store.getMeta('claimIndex'))?.index.termIds.ends.length).toBe((await store.countAll()).claims);

    // ...and the next restart restores that snapshot instead of re-reading every claim.
    const restore = vi.spyOn(ClaimIndex, 'fromSnapshot');
    invalidateLibraryCaches();
    const restored = await call('matchSentences', { pageUrl: 'https://a.example/', sentences: [sentence] });
    expect(restore).toHaveBeenCalledTimes(1);
    expect(restored).toEqual(live);
    restore.mockRestore();
  });

  it('gives an entity card with the seed sentences that mention it, oldest article first', async () => {
    const reply = await call('getEntityCard', { entityId: 'place:bakhmut' });
    expect(reply.ok).toBe(true);
    const card = reply.value as { articles: Array<{ article: { date?: string }; sentences: string[] }> };
    expect(card.articles.length).toBeGreaterThanOrEqual(2);
    const dates = card.articles.map((a) => a.article.date ?? '9999');
    expect([...dates].sort()).toEqual(dates);
    expect(card.articles.every((a) => a.sentences.length > 0 && a.sentences.every((s) => /Bakhmut|Artemivsk|Bakhmut/i.test(s)))).toBe(true);
  });

  it('steps highlights in the active tab on the keyboard commands', async () => {
    const onCommand = fakeBrowser.commands.onCommand.addListener.mock.calls[0]![0] as unknown as (c: string) => void;
    // Resolves when the command reaches the tab: no polling, no sleeping.
    const sent = new Promise<unknown[]>((resolve) =>
      fakeBrowser.tabs.sendMessage.mockImplementation(async (...args) => {
        resolve(args);
        return { ok: true, value: null };
      }),
    );
    onCommand('previous-highlight');
    expect(await sent).toEqual([42, { parallax: 1, method: 'stepHighlight', params: { direction: -1 } }, { frameId: 0 }]);
  });

  it('lets the options page import while content scripts may not', async () => {
    const jsonl = JSON.stringify({ text: 'Warsaw: Poland said on Wednesday it would send more tanks to Ukraine.' });
    expect(await call('importArticles', { jsonl })).toMatchObject({ ok: false, error: expect.stringMatching(/own pages/) });
    expect(await call('importArticles', { jsonl }, optionsSender)).toMatchObject({ ok: true, value: { added: 1, errors: [] } });
  });
});
