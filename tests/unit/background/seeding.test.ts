import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { seedIfNeeded, seedLibrary } = await import('../../../src/background/seeding');
const { seedTexts } = await import('../../../src/background/seedCorpus');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const store = await import('../../../src/store');

afterEach(async () => {
  invalidateLibraryCaches();
});
// Every test owns its database.
beforeEach(freshDatabase);

/** Counts that must not change when seeding is repeated (meta holds snapshots and is allowed to). */
async function libraryCounts() {
  const { articles, entities, mentions, claims } = await store.countAll();
  return { articles, entities, mentions, claims };
}

describe('seeding', () => {
  it('bundles the four seed texts in file order', () => {
    const seeds = seedTexts();
    expect(seeds.map((s) => s.number)).toEqual([1, 2, 3, 4]);
    expect(seeds[1]!.text.startsWith('Kyiv:')).toBe(true);
    expect(seeds.every((s) => s.text.length > 500)).toBe(true);
  });

  it('stores the seeds with their sidecar metadata and marks them inferred', async () => {
    const marker = await seedLibrary();
    expect(marker.articleIds).toHaveLength(4);
    const articles = await store.listArticles();
    expect(articles.map((a) => a.seedNumber)).toEqual([1, 2, 3, 4]);
    expect(articles.every((a) => a.origin === 'seed' && a.outlet === undefined && a.url === undefined)).toBe(true);
    expect(articles[1]!.dateline).toMatchObject({ value: 'Kyiv', inferred: true });
    const counts = await libraryCounts();
    expect(counts.articles).toBe(4);
    expect(counts.mentions).toBeGreaterThan(20);
    expect(counts.claims).toBeGreaterThan(20);
  });

  it('seeding twice, or twice at once, gives the same record counts', async () => {
    await seedLibrary();
    const once = await libraryCounts();
    await seedLibrary();
    expect(await libraryCounts()).toEqual(once);
    invalidateLibraryCaches();
    await Promise.all([seedLibrary(), seedLibrary()]);
    expect(await libraryCounts()).toEqual(once);
  });

  it('seeds only when the marker is missing, and completes an interrupted seed', async () => {
    const first = await seedIfNeeded();
    expect(first.seeded).toBe(true);
    const full = await libraryCounts();
    expect((await seedIfNeeded()).seeded).toBe(false);
    // A new build re-seeds once, in place.
    expect((await seedIfNeeded('2.0.0')).seeded).toBe(true);
    expect((await seedIfNeeded('2.0.0')).seeded).toBe(false);
    expect(await libraryCounts()).toEqual(full);

    // A worker stopped mid-seed: some articles written, marker never written.
    await freshDatabase();
    invalidateLibraryCaches();
    const [firstSeed] = seedTexts();
    const { ingestArticle } = await import('../../../src/background/ingest');
    await store.putEntities((await import('../../../src/background/seedCorpus')).seedEntities());
    await ingestArticle({ text: firstSeed!.text }, { origin: 'seed', seedNumber: 1 });
    expect(await store.getMeta('seed')).toBeUndefined();

    const resumed = await seedIfNeeded();
    expect(resumed.seeded).toBe(true);
    expect(await libraryCounts()).toEqual(full);
  });
});
