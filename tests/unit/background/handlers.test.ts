import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';
import { contentSender, optionsSender, spoofSender } from './fakeBrowser';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { createHandlers, PRIVILEGED_METHODS } = await import('../../../src/background/handlers');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { countAll } = await import('../../../src/store');
const { LIMITS } = await import('../../../src/shared/schemas');

const handlers = createHandlers(async () => undefined);
const ARTICLE = 'Kyiv: The Ukrainian defence ministry said on Monday its forces advanced two kilometres near Bakhmut.';

beforeEach(() => invalidateLibraryCaches());
// Every test owns its database.
beforeEach(freshDatabase);

describe('privileged calls', () => {
  it('lists exactly the library-changing and library-listing methods as privileged', () => {
    expect([...PRIVILEGED_METHODS].sort()).toEqual([
      'deleteArticles',
      'dismissImportNotice',
      'exportLibrary',
      'getImportNotice',
      'getSiteSettings',
      'getStoredArticle',
      'importArticles',
      'importLibrary',
      'listArticles',
      'resetLibrary',
      'saveArticle',
      'setSiteSettings',
    ]);
  });

  it('refuses saveArticle and importArticles from a content script, writing nothing', async () => {
    await expect(handlers.saveArticle({ text: ARTICLE }, contentSender)).rejects.toThrow(/only accepted from Parallax's own pages/);
    await expect(handlers.importArticles({ jsonl: JSON.stringify({ text: ARTICLE }) }, contentSender)).rejects.toThrow(/own pages/);
    await expect(handlers.saveArticle({ text: ARTICLE }, spoofSender)).rejects.toThrow(/own pages/);
    expect((await countAll()).articles).toBe(0);
  });

  it('accepts saveArticle from the options page, idempotently', async () => {
    const first = await handlers.saveArticle({ text: ARTICLE, url: 'https://news.example/a' }, optionsSender);
    const second = await handlers.saveArticle({ text: ARTICLE, url: 'https://news.example/a' }, optionsSender);
    expect(first.added).toBe(true);
    expect(second).toEqual({ articleId: first.articleId, added: false });
    expect(first.articleId).toMatch(/^a_[0-9a-f]+$/);
    expect(await handlers.getLibraryStats({}, optionsSender)).toMatchObject({ articles: 1 });
  });
});

describe('param validation', () => {
  const sentence = (text: string, i = 0) => ({ key: `s${i}`, text });

  it(`rejects more than ${LIMITS.sentences} sentences with a clear error`, async () => {
    const sentences = Array.from({ length: LIMITS.sentences + 1 }, (_, i) => sentence('Bakhmut was attacked.', i));
    await expect(handlers.matchSentences({ pageUrl: 'https://x.example/', sentences }, contentSender)).rejects.toThrow(
      `Invalid matchSentences params: sentences: at most ${LIMITS.sentences} sentences per call (got ${LIMITS.sentences + 1})`,
    );
  });

  it('rejects an over-long sentence and names the field', async () => {
    const sentences = [sentence('ok'), sentence('x'.repeat(LIMITS.sentenceChars + 1), 1)];
    await expect(handlers.matchSentences({ pageUrl: 'https://x.example/', sentences }, contentSender)).rejects.toThrow(
      /sentences\.1\.text: longer than 2000 characters/,
    );
  });

  it('rejects wrong types and missing fields instead of crashing inside a handler', async () => {
    await expect(handlers.getEntityCard({ entityId: 7 } as never, contentSender)).rejects.toThrow(
      /Invalid getEntityCard params: entityId: must be a string/,
    );
    await expect(handlers.matchSentences({ pageUrl: 'https://x.example/' } as never, contentSender)).rejects.toThrow(
      'Invalid matchSentences params: sentences: missing',
    );
    await expect(handlers.saveArticle({ text: '   ' }, optionsSender)).rejects.toThrow(/text: must not be empty/);
    await expect(handlers.saveArticle({ text: ARTICLE, date: '15/02/2023' }, optionsSender)).rejects.toThrow(/ISO date/);
  });

  it("accepts a sentence's page block and refuses one that is not a whole number", async () => {
    const at = (block: unknown) => [{ ...sentence('Nothing to see here at all.'), block }] as never;
    await expect(handlers.matchSentences({ pageUrl: 'https://x.example/', sentences: at(4) }, contentSender)).resolves.toEqual([]);
    await expect(handlers.matchSentences({ pageUrl: 'https://x.example/', sentences: at(-1) }, contentSender)).rejects.toThrow(
      /sentences\.0\.block: must not be negative/,
    );
    await expect(handlers.matchSentences({ pageUrl: 'https://x.example/', sentences: at(1.5) }, contentSender)).rejects.toThrow(
      /sentences\.0\.block: must be a whole number/,
    );
  });

  it('accepts exactly the cap', async () => {
    const sentences = Array.from({ length: LIMITS.sentences }, (_, i) => sentence('Nothing to see here at all.', i));
    await expect(handlers.matchSentences({ pageUrl: 'https://x.example/', sentences }, contentSender)).resolves.toEqual([]);
  });

  it('answers an unknown entity with an error, not a crash', async () => {
    await expect(handlers.getEntityCard({ entityId: 'place:atlantis' }, contentSender)).rejects.toThrow(/Unknown entity/);
  });
});
