/**
 * Managing the library through the handlers: delete, reset to the seeds,
 * export then import into a fresh profile, per-site switches, and who may ask.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';
import { contentSender, optionsSender } from './fakeBrowser';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { createHandlers } = await import('../../../src/background/handlers');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { seedLibrary } = await import('../../../src/background/seeding');
const { checkSender } = await import('../../../src/background/sender');
const { forgetSiteSettings } = await import('../../../src/background/siteSettings');
const store = await import('../../../src/store');

afterEach(() => {
  invalidateLibraryCaches();
  forgetSiteSettings();
});
beforeEach(freshDatabase);

const handlers = createHandlers(async () => undefined);
const TEXT = 'Kyiv: The Ukrainian defence ministry said on Monday its forces advanced two kilometres near Bakhmut.';

/** The library as a reader sees it: ids, metadata and counts (not when rows were written). */
async function libraryView() {
  const articles = await handlers.listArticles({}, optionsSender);
  return articles.map(({ addedAt: _a, origin: _o, seedNumber: _s, label: _l, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
}

describe('library management', () => {
  it('deletes an article with its claims and mentions, and bumps the revision', async () => {
    await seedLibrary();
    const { articleId } = await handlers.saveArticle({ text: TEXT, outlet: 'Example' }, optionsSender);
    const before = await store.countAll();
    const revision = await store.libraryRevision();
    const own = (await store.claimsOfArticle(articleId)).length;
    expect(own).toBeGreaterThan(0);
    expect(await handlers.deleteArticles({ ids: [articleId, 'a_missing'] }, optionsSender)).toEqual({ deleted: 1 });
    expect(await store.getArticle(articleId)).toBeUndefined();
    expect(await store.claimsOfArticle(articleId)).toEqual([]);
    expect(await store.mentionsOfArticle(articleId)).toEqual([]);
    expect(await store.countAll()).toMatchObject({ articles: before.articles - 1, claims: before.claims - own });
    expect(await store.libraryRevision()).toBe(revision + 1);
  });

  it('resets to the four seeds and keeps the site switches', async () => {
    await seedLibrary('9.9.9');
    await handlers.saveArticle({ text: TEXT }, optionsSender);
    await handlers.setSiteSettings({ host: 'News.Example', settings: { enabled: false, autoSave: true } }, optionsSender);
    expect(await handlers.resetLibrary({}, optionsSender)).toEqual({ articles: 4 });
    expect((await store.listArticles()).every((a) => a.origin === 'seed')).toBe(true);
    expect(await handlers.getSiteSettings({}, optionsSender)).toEqual({ 'news.example': { enabled: false, autoSave: true } });
  });

  it('export, then import into a fresh profile, gives the same library', async () => {
    await seedLibrary();
    await handlers.saveArticle({ text: TEXT, outlet: 'Example Wire', date: '2023-07-10', url: 'https://news.example/a' }, optionsSender);
    const exported = await handlers.exportLibrary({}, optionsSender);
    expect(exported).toMatchObject({ articles: 5, fileName: expect.stringMatching(/^parallax-library-\d{4}-\d\d-\d\d\.json$/) });
    const original = await libraryView();

    await freshDatabase();
    invalidateLibraryCaches();
    await seedLibrary();
    const summary = await handlers.importLibrary({ name: exported.fileName, content: exported.json }, optionsSender);
    expect(summary).toMatchObject({ ok: true, kind: 'pack', added: 1, merged: 4 });
    expect(await libraryView()).toEqual(original);

    // Into an empty store (no seeds): the seeds' inferred fields come with the pack.
    await freshDatabase();
    invalidateLibraryCaches();
    await store.putEntities((await import('../../../src/background/seedCorpus')).seedEntities());
    expect(await handlers.importLibrary({ name: 'x.json', content: exported.json }, optionsSender)).toMatchObject({ added: 5 });
    expect(await libraryView()).toEqual(original);
  });
});

describe('per-site switches and senders', () => {
  it('a site switched off gets no names and no matches; others are unaffected', async () => {
    await seedLibrary();
    const blocks = ['Ukrainian forces advanced near Bakhmut, the defence ministry in Kyiv said on Monday.'];
    const on = await handlers.analyzePage({ pageUrl: contentSender.url!, fresh: true, blocks }, contentSender);
    expect(on.mentions.length).toBeGreaterThan(0);
    await handlers.setSiteSettings({ host: 'news.example', settings: { enabled: false, autoSave: false } }, optionsSender);
    const off = await handlers.analyzePage({ pageUrl: contentSender.url!, fresh: true, blocks }, contentSender);
    expect(off).toEqual({ mentions: [], entities: [], sentences: [] });
    expect(
      await handlers.matchSentences({ pageUrl: contentSender.url!, sentences: [{ key: 's', text: blocks[0]! }] }, contentSender),
    ).toEqual([]);
    const other = { ...contentSender, url: 'https://other.example/story' };
    expect((await handlers.analyzePage({ pageUrl: other.url, fresh: true, blocks }, other)).mentions.length).toBeGreaterThan(0);
  });

  it('refuses switches and library changes from content scripts, and bad hosts from anyone', async () => {
    const settings = { enabled: false, autoSave: false };
    await expect(handlers.setSiteSettings({ host: 'a.example', settings }, contentSender)).rejects.toThrow(/own pages/);
    await expect(handlers.exportLibrary({}, contentSender)).rejects.toThrow(/own pages/);
    await expect(handlers.deleteArticles({ ids: ['a_1'] }, contentSender)).rejects.toThrow(/own pages/);
    await expect(handlers.resetLibrary({}, contentSender)).rejects.toThrow(/own pages/);
    await expect(handlers.setSiteSettings({ host: '<script>', settings }, optionsSender)).rejects.toThrow(/host name/);
    await expect(handlers.setSiteSettings({ host: 'a.example', settings: { enabled: 'no' } } as never, optionsSender)).rejects.toThrow(
      /settings/,
    );
  });

  it('lets a content script name only its own tab', () => {
    expect(checkSender('m', false, { tabId: 3 }, contentSender)).toEqual({ tabId: 3 });
    expect(() => checkSender('m', false, { tabId: 4 }, contentSender)).toThrow(/only ask about its own tab/);
    expect(() => checkSender('m', false, { tabId: 3 }, { ...contentSender, tab: undefined })).toThrow(/own tab/);
    expect(checkSender('m', false, { tabId: 99 }, optionsSender)).toEqual({ tabId: 99 });
  });
});
