/**
 * Every older schema version, with data in every store it had, upgrades to the
 * current one and keeps everything: each row is found again through the
 * current queries and indexes. A new version adds itself by raising DB_VERSION.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from './freshDatabase';
import { makeArticle } from './fixture';
import {
  articleDates,
  articleCounts,
  claimsOfArticle,
  countAll,
  DB_VERSION,
  db,
  getArticle,
  getArticleByUrl,
  getEntity,
  getMeta,
  mentionsOfEntity,
  openParallaxDB,
  prepareArticleRecords,
  allEvents,
} from '../../../src/store';

beforeEach(freshDatabase);

/** Two dated articles with every row they own, written with the stores version `v` had. */
async function writeAtVersion(v: number): Promise<{ ids: string[] }> {
  const database = await openParallaxDB({ version: v });
  const stores: string[] = [...database.objectStoreNames];
  const rows = [1, 2].map((n) => {
    const analysed = makeArticle(n, { url: `https://example.org/${n}` });
    analysed.meta.date = `2023-0${n}-15`;
    return prepareArticleRecords(analysed);
  });
  // Rows of a version before v3 had no sortDate: the v3 step must file them.
  if (v < 3) for (const r of rows) delete r.article.sortDate;
  const tx = database.transaction(stores as never[], 'readwrite');
  const put = (name: string, value: unknown) => (stores.includes(name) ? tx.objectStore(name as never).put(value as never) : undefined);
  await Promise.all([
    ...rows.flatMap((r) => [
      put('articles', r.article),
      ...r.mentions.map((m) => put('mentions', m)),
      ...r.claims.map((c) => put('claims', c)),
      ...r.discovered.map((e) => put('entities', e)),
    ]),
    put('events', { id: 'e_1', claimIds: [rows[0]!.claims[0]!.id], articleIds: [rows[0]!.article.id], entities: [], label: 'x' }),
    put('meta', { key: 'revision', value: 7 }),
    put('meta', { key: 'seed', value: { version: 'old', articleIds: [], at: 1 } }),
    tx.done,
  ]);
  database.close();
  return { ids: rows.map((r) => r.article.id) };
}

describe('upgrades from every previous schema version', () => {
  const versions = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);

  it.each(versions)('v%i with data upgrades to the current version and finds everything', async (v) => {
    const { ids } = await writeAtVersion(v);
    const database = await db();
    expect(database.version).toBe(DB_VERSION);
    for (const [n, id] of ids.entries()) {
      const article = await getArticle(id);
      expect(article?.text).toContain(`day ${n + 1}`);
      expect((await getArticleByUrl(`https://example.org/${n + 1}`))?.id).toBe(id);
      if (v >= 2) expect((await claimsOfArticle(id)).length).toBe(2);
    }
    // Every old row is in the indexes added after it was written.
    expect(await articleDates()).toEqual({ [ids[0]!]: '2023-01-15', [ids[1]!]: '2023-02-15' });
    expect((await mentionsOfEntity('place:bakhmut')).map((m) => m.articleId).sort()).toEqual([...ids].sort());
    expect((await getEntity('person:test-1'))?.name).toBe('Test Person 1');
    const counts = await articleCounts();
    expect(counts[ids[0]!]).toEqual({ claims: v >= 2 ? 2 : 0, mentions: 2 });
    const all = await countAll();
    expect(all).toMatchObject({ articles: 2, mentions: 4, entities: 2, claims: v >= 2 ? 4 : 0 });
    if (v >= 2) {
      expect(await getMeta('revision')).toBe(7);
      expect((await allEvents()).map((e) => e.id)).toEqual(['e_1']);
    }
  });
});
