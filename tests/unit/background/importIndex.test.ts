/**
 * An import keeps the background's claim index in step instead of dropping it:
 * in a large library, rebuilding it from every stored claim takes seconds, and
 * the first page after an import would wait for that.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { importLibraryFile } = await import('../../../src/background/importLibrary');
const { invalidateLibraryCaches, libraryClaimIndex } = await import('../../../src/background/library');
const store = await import('../../../src/store');

beforeEach(freshDatabase);
afterEach(() => invalidateLibraryCaches());

const pack = (texts: string[]) =>
  JSON.stringify({ format: 'parallax-library', version: 1, articles: texts.map((text, i) => ({ text, outlet: `Outlet ${i}` })) });

it('the loaded index gains the imported claims, is not rebuilt, and is snapshotted at the new revision', async () => {
  await importLibraryFile(
    'first.json',
    pack(['Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday, the defence ministry said.']),
  );
  const index = await libraryClaimIndex();
  const sizeBefore = index.size;
  const claimsRead = vi.spyOn(store, 'allClaims');
  const summary = await importLibraryFile(
    'second.json',
    pack(['Warsaw: Poland said on Wednesday it would send more tanks to Ukraine, the defence minister told reporters.']),
  );
  expect(summary).toMatchObject({ ok: true, added: 1 });
  expect(await libraryClaimIndex()).toBe(index);
  expect(claimsRead).not.toHaveBeenCalled();
  const stored = await store.allClaims();
  expect(index.size).toBe(stored.length);
  expect(index.size).toBeGreaterThan(sizeBefore);
  for (const claim of stored) expect(index.getClaim(claim.id)?.text).toBe(claim.text);
  await vi.waitFor(async () => expect((await store.getMeta('claimIndex'))?.revision).toBe(await store.libraryRevision()), {
    timeout: 3000,
  });
  // A refused import leaves the loaded index alone too.
  expect((await importLibraryFile('bad.json', '{"format": "parallax-library", "version": 1, "articles": [{"text": 5}]}')).ok).toBe(false);
  expect(await libraryClaimIndex()).toBe(index);
});

it('articles carry their claim and mention counts, so the library list needs no walk over every key', async () => {
  const { libraryArticles } = await import('../../../src/background/manage');
  await importLibraryFile(
    'one.json',
    pack(['Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday, the defence ministry said.']),
  );
  const [row] = await store.listArticles();
  expect(row!.claimCount).toBe((await store.claimsOfArticle(row!.id)).length);
  expect(row!.mentionCount).toBe((await store.mentionsOfArticle(row!.id)).length);
  expect(row!.mentionCount).toBeGreaterThan(0);
  const [listed] = await libraryArticles();
  expect(listed).toMatchObject({ id: row!.id, claims: row!.claimCount, mentions: row!.mentionCount });
  expect(listed).not.toHaveProperty('claimCount');
});
