/**
 * Saving what the reader reads: once per page, an updated version of a URL
 * replacing the old one, a syndicated copy noted on the stored article and
 * never stored as another outlet; and the per-site switch that triggers it.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';
import { fakeBrowser, optionsSender, contentSender } from './fakeBrowser';
import { vi } from 'vitest';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { saveReadArticle } = await import('../../../src/background/readingSave');
const { autoSavePage, forgetHandledPages } = await import('../../../src/background/autoSave');
const { createHandlers } = await import('../../../src/background/handlers');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { forgetSiteSettings } = await import('../../../src/background/siteSettings');
const store = await import('../../../src/store');

const seedsDir = path.join(import.meta.dirname, '..', '..', '..', 'seeds');
const [SEED_A, SEED_B] = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
const URL_A = 'https://news.example/2023/ukraine-story';
const URL_WIRE = 'https://other.example/world/ukraine-story-copy';

const handlers = createHandlers(async () => undefined);

beforeEach(async () => {
  await freshDatabase();
  forgetSiteSettings();
  forgetHandledPages();
  fakeBrowser.tabs.sendMessage.mockReset();
});
afterEach(() => invalidateLibraryCaches());

describe('saveReadArticle', () => {
  it('saves a page once: the same text at the same URL again stores nothing', async () => {
    const first = await saveReadArticle({ text: SEED_A!, url: URL_A, title: 'Story' });
    const again = await saveReadArticle({ text: SEED_A!, url: URL_A, title: 'Story' });
    expect(first).toMatchObject({ added: true, status: 'added' });
    expect(again).toEqual({ articleId: first.articleId, added: false, status: 'unchanged' });
    expect((await store.countAll()).articles).toBe(1);
  });

  it('an updated version of the same URL replaces the old one, claims and all', async () => {
    const old = await saveReadArticle({ text: SEED_A!, url: URL_A });
    const oldClaims = await store.claimsOfArticle(old.articleId);
    expect(oldClaims.length).toBeGreaterThan(0);
    const vector = { articleId: old.articleId, model: 'test', codes: new Int8Array([1, 2]), scale: 1 };
    await store.putVectors(oldClaims.map((c) => ({ ...vector, claimId: c.id })));
    const updated =
      SEED_A!.replace(/\.\s*$/, '.') + '\n\nUpdate: officials later confirmed the figures to reporters in Kyiv on Tuesday evening.';
    const result = await saveReadArticle({ text: updated, url: URL_A });
    expect(result.status).toBe('updated');
    expect(result.articleId).not.toBe(old.articleId);
    expect(await store.getArticle(old.articleId)).toBeUndefined();
    expect(await store.claimsOfArticle(old.articleId)).toEqual([]);
    expect(await store.mentionsOfArticle(old.articleId)).toEqual([]);
    expect(await store.vectorClaimIds()).toEqual(new Set());
    expect((await store.getArticleByUrl(URL_A))?.id).toBe(result.articleId);
    expect((await store.countAll()).articles).toBe(1);
  });

  it('a syndicated copy at another URL is noted on the stored article, not stored as another outlet', async () => {
    const original = await saveReadArticle({ text: SEED_A!, url: URL_A, outlet: 'News Example' } as never);
    const claimsBefore = (await store.countAll()).claims;
    // The wire copy: the same report with the carrier's own line at the top and its last paragraph cut.
    const paragraphs = SEED_A!.trim().split(/\n\s*\n/);
    const copyText = ['Published by Other Example with wire services.', ...paragraphs.slice(0, Math.max(2, paragraphs.length - 1))].join(
      '\n\n',
    );
    const result = await saveReadArticle({ text: copyText, url: URL_WIRE, title: 'Wire copy' });
    expect(result).toEqual({ articleId: original.articleId, added: false, status: 'copy' });
    expect((await store.countAll()).articles).toBe(1);
    expect((await store.countAll()).claims).toBe(claimsBefore);
    expect(await store.getArticleByUrl(URL_WIRE)).toBeUndefined();
    expect((await store.getArticle(original.articleId))?.copies).toEqual([
      { url: URL_WIRE, title: 'Wire copy', seenAt: expect.any(Number) },
    ]);
    // Read again: noted once.
    await saveReadArticle({ text: copyText, url: URL_WIRE, title: 'Wire copy' });
    expect((await store.getArticle(original.articleId))?.copies).toHaveLength(1);
  });

  it('the same text under another URL is a copy too; a different story is a new article', async () => {
    const original = await saveReadArticle({ text: SEED_A!, url: URL_A });
    expect(await saveReadArticle({ text: SEED_A!, url: URL_WIRE })).toEqual({
      articleId: original.articleId,
      added: false,
      status: 'copy',
    });
    const other = await saveReadArticle({ text: SEED_B!, url: 'https://news.example/2023/another-story' });
    expect(other.status).toBe('added');
    expect((await store.countAll()).articles).toBe(2);
  });

  it('the popup Save goes the same way (an update replaces the URL, a repeat adds nothing)', async () => {
    const saved = await handlers.saveArticle({ text: SEED_A!, url: `${URL_A}#comments` }, optionsSender);
    expect(saved.added).toBe(true);
    expect(await handlers.saveArticle({ text: SEED_A!, url: URL_A }, optionsSender)).toEqual({ articleId: saved.articleId, added: false });
    const updated = await handlers.saveArticle({ text: SEED_B!, url: URL_A }, optionsSender);
    expect(await store.getArticle(saved.articleId)).toBeUndefined();
    expect((await store.getArticleByUrl(URL_A))?.id).toBe(updated.articleId);
  });
});

describe('"save articles I read here"', () => {
  const reader = { ...contentSender, url: `${URL_A}#top`, frameId: 0 };
  const extracted = () =>
    fakeBrowser.tabs.sendMessage.mockImplementation(async () => ({ ok: true, value: { text: SEED_A, title: 'Story' } }));

  it('does nothing on a site without the switch (the page is not even asked for its text)', async () => {
    extracted();
    expect(await autoSavePage(reader)).toBe('off');
    await handlers.setSiteSettings({ host: 'news.example', settings: { enabled: true, autoSave: false } }, optionsSender);
    expect(await autoSavePage(reader)).toBe('off');
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
    expect((await store.countAll()).articles).toBe(0);
  });

  it('with the switch on, saves the page read once, under its URL without the fragment', async () => {
    extracted();
    await handlers.setSiteSettings({ host: 'news.example', settings: { enabled: true, autoSave: true } }, optionsSender);
    expect(await autoSavePage(reader)).toBe('added');
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(3, { parallax: 1, method: 'extractArticle', params: {} }, { frameId: 0 });
    expect(await autoSavePage(reader)).toBe('handled');
    forgetHandledPages(); // a restarted worker: the store says the page is already there
    expect(await autoSavePage(reader)).toBe('unchanged');
    expect((await store.getArticleByUrl(URL_A))?.title).toBe('Story');
    expect((await store.countAll()).articles).toBe(1);
    // Frames and pages that are no article are left alone.
    expect(await autoSavePage({ ...reader, frameId: 2 })).toBe('off');
    fakeBrowser.tabs.sendMessage.mockImplementation(async () => ({ ok: true, value: null }));
    expect(await autoSavePage({ ...reader, url: 'https://news.example/search?q=x' })).toBe('not-an-article');
  });

  it('refuses what the page hands over when it breaks the article schema', async () => {
    fakeBrowser.tabs.sendMessage.mockImplementation(async () => ({ ok: true, value: { text: '   ', title: 7 } }));
    await handlers.setSiteSettings({ host: 'news.example', settings: { enabled: true, autoSave: true } }, optionsSender);
    await expect(autoSavePage(reader)).rejects.toThrow(/Invalid saveArticle params/);
    expect((await store.countAll()).articles).toBe(0);
  });
});
