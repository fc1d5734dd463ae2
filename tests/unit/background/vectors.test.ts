/**
 * The library's embedding job: every stored claim gets one vector, read from the store a round at a
 * time (ids first), and a claim deleted from the library loses its vector.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { importLibraryFile } = await import('../../../src/background/importLibrary');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { useInProcessEmbedder } = await import('../../../src/background/embedder');
const { embedLibrary, embedProgress, invalidateVectors } = await import('../../../src/background/vectors');
const store = await import('../../../src/store');

/** A stand-in model: a vector from the text's length and first letters (the job, not the model, is under test). */
const embedded: string[] = [];
function fakeModel(texts: string[]): Promise<Float32Array[]> {
  embedded.push(...texts);
  return Promise.resolve(texts.map((t) => Float32Array.from({ length: 8 }, (_, i) => (t.charCodeAt(i) || 1) / 128 + t.length / 1000)));
}

beforeEach(async () => {
  await freshDatabase();
  embedded.length = 0;
  useInProcessEmbedder(fakeModel);
});
afterEach(() => {
  useInProcessEmbedder(undefined);
  invalidateLibraryCaches();
  invalidateVectors();
});

const pack = (texts: string[]) =>
  JSON.stringify({ format: 'parallax-library', version: 1, articles: texts.map((text, i) => ({ text, outlet: `Outlet ${i}` })) });

it('embeds every stored claim once, reading claims a round at a time, and drops the vectors of deleted claims', async () => {
  const texts = Array.from(
    { length: 24 },
    (_, i) => `Kyiv: Ukrainian forces said on Monday they had repelled ${i + 20} attacks near town number ${i + 1}, the ministry said.`,
  );
  await importLibraryFile('library.json', pack(texts)); // starts the job (the import reads the index's claims)
  const claimsRead = vi.spyOn(store, 'allClaims');
  await embedLibrary(); // the running job, when the import's is still going
  const claims = await store.allClaims();
  expect(claims.length).toBeGreaterThan(16); // more than one round
  expect(await store.vectorClaimIds()).toEqual(new Set(claims.map((c) => c.id)));
  expect(embedded.length).toBe(claims.length);
  expect(embedProgress.done).toBe(embedProgress.total);
  expect(claimsRead).toHaveBeenCalledTimes(1); // only this test's own read: the job reads ids, then rounds

  // Nothing missing: a second run embeds nothing.
  await embedLibrary({ changed: true });
  expect(embedded.length).toBe(claims.length);

  const gone = claims[0]!;
  await store.deleteArticles([gone.articleId]);
  await embedLibrary({ changed: true });
  const left = new Set((await store.allClaims()).map((c) => c.id));
  expect(await store.vectorClaimIds()).toEqual(left);
  expect(left.has(gone.id)).toBe(false);
});

/** The stand-in model at the shipped model's length, so its vectors may travel in a pack. */
function fakeModel512(texts: string[]): Promise<Float32Array[]> {
  embedded.push(...texts);
  return Promise.resolve(
    texts.map((t) => Float32Array.from({ length: 512 }, (_, i) => Math.sin(t.length + i * (t.charCodeAt(i % t.length) || 1)))),
  );
}

it('carries the claim vectors in an exported pack, so importing it into a fresh profile embeds nothing again', async () => {
  useInProcessEmbedder(fakeModel512);
  const texts = Array.from(
    { length: 6 },
    (_, i) => `Kyiv: Ukrainian forces said on Monday they had repelled ${i + 30} attacks near town number ${i + 1}, the ministry said.`,
  );
  expect((await importLibraryFile('library.json', pack(texts))).ok).toBe(true);
  await embedLibrary();
  const before = new Map((await store.allVectors()).map((row) => [row.claimId, Array.from(row.codes)]));
  expect(before.size).toBe((await store.allClaims()).length);

  const { exportLibrary } = await import('../../../src/background/manage');
  const exported = await exportLibrary();
  expect(JSON.parse(exported.json).claimVectors).toMatchObject({ model: 'use-lite-512', dim: 512 });

  await freshDatabase();
  invalidateLibraryCaches();
  invalidateVectors();
  embedded.length = 0;
  const reimport = await importLibraryFile('export.json', exported.json);
  expect(reimport.error).toBeUndefined();
  await embedLibrary();
  expect(embedded).toEqual([]); // every claim came with its vector
  const after = new Map((await store.allVectors()).map((row) => [row.claimId, Array.from(row.codes)]));
  expect(after).toEqual(before);

  // Vectors of another model are not used: those claims are embedded as before.
  const other = JSON.parse(exported.json);
  other.claimVectors.model = 'another-model';
  await freshDatabase();
  invalidateLibraryCaches();
  invalidateVectors();
  expect((await importLibraryFile('other.json', JSON.stringify(other))).ok).toBe(true);
  await embedLibrary();
  expect(embedded.length).toBe(before.size);
});
