/**
 * The background's kept article summaries: read from the store once, forgotten with every
 * change to the library, and never kept from a read that a change overtook.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { articleSummaries, forgetArticleSummaries } = await import('../../../src/background/articleSummaries');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { db } = await import('../../../src/store');

/** Writes an article row straight into the store, as a save or an import leaves it. */
async function putArticle(id: string, title: string): Promise<void> {
  await (await db()).put('articles', { id, origin: 'saved', addedAt: 1, title, text: 'Text.', sentences: [] } as never);
}

beforeEach(async () => {
  await freshDatabase();
  forgetArticleSummaries();
});

describe('articleSummaries', () => {
  it('names stored articles and leaves out ids the store does not hold', async () => {
    await putArticle('a_1', 'Front line');
    const summaries = await articleSummaries(['a_1', 'a_missing', 'a_1']);
    expect([...summaries.keys()]).toEqual(['a_1']);
    expect(summaries.get('a_1')?.label).toBe('Front line');
  });

  it('reads an article once, and again after the library changed', async () => {
    await putArticle('a_1', 'Front line');
    await articleSummaries(['a_1']);
    await putArticle('a_1', 'Front line, updated');
    // not read again: the kept summary answers (a write through the background forgets it)
    expect((await articleSummaries(['a_1'])).get('a_1')?.title).toBe('Front line');
    invalidateLibraryCaches();
    expect((await articleSummaries(['a_1'])).get('a_1')?.title).toBe('Front line, updated');
  });

  it('does not keep what a read brought back after the library changed under it', async () => {
    await putArticle('a_1', 'Old');
    const reading = articleSummaries(['a_1']);
    forgetArticleSummaries();
    await putArticle('a_1', 'New');
    await reading;
    expect((await articleSummaries(['a_1'])).get('a_1')?.title).toBe('New');
  });
});
