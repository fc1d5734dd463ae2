import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from './freshDatabase';
import {
  ARTICLE_STORES,
  articleDates,
  articlesWithFacts,
  countAll,
  db,
  getArticle,
  getArticleByUrl,
  getEntity,
  libraryRevision,
  claimsByIds,
  claimsOfEntity,
  listArticles,
  mentionsOfEntity,
  openParallaxDB,
  prepareArticleRecords,
  putAnalyzedArticle,
  putEntities,
  sentenceIndexAt,
  writeArticleRecords,
} from '../../../src/store';
import { makeArticle } from './fixture';

// Every test owns its database.
beforeEach(freshDatabase);

describe('upgrade ladder', () => {
  it('upgrades a v1 library to the current version without losing rows, and indexes old rows', async () => {
    const v1 = await openParallaxDB({ version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual(['articles', 'entities', 'mentions']);
    const rows = prepareArticleRecords(makeArticle(1, { url: 'https://example.org/one' }));
    const tx = v1.transaction(['articles', 'mentions', 'entities'], 'readwrite');
    await Promise.all([
      tx.objectStore('articles').put(rows.article),
      ...rows.mentions.map((m) => tx.objectStore('mentions').put(m)),
      tx.objectStore('entities').put({ id: 'place:bakhmut', name: 'Bakhmut', kind: 'place', aliases: ['Artemivsk'], origin: 'gazetteer' }),
      tx.done,
    ]);
    v1.close();

    const v2 = await db();
    expect([...v2.objectStoreNames].sort()).toEqual(['articles', 'claims', 'entities', 'events', 'mentions', 'meta', 'vectors']);
    expect((await getArticle('a_test1'))?.text).toBe(rows.article.text);
    expect((await getEntity('place:bakhmut'))?.aliases).toEqual(['Artemivsk']);
    expect((await mentionsOfEntity('place:kyiv')).map((m) => m.key)).toEqual([rows.mentions[1]!.key]);
    // The byUrl index added by v2 covers the row written under v1.
    expect((await getArticleByUrl('https://example.org/one'))?.id).toBe('a_test1');
    expect((await countAll()).claims).toBe(0);
  });

  it('migrates v2 article rows to v3: each gets its sortDate and appears in byDate', async () => {
    const v2 = await openParallaxDB({ version: 2 });
    expect([...v2.transaction('articles').store.indexNames]).toEqual(['byUrl']);
    const dated = prepareArticleRecords(makeArticle(11)).article;
    const inferred = {
      ...dated,
      id: 'a_inferred',
      inferredDate: { value: '2023-02-15', inferred: true as const, evidence: 'on Wednesday, NATO meeting' },
    };
    const given = {
      ...dated,
      id: 'a_given',
      date: '2023-07-17',
      inferredDate: { value: '2023-07-01', inferred: true as const, evidence: 'x' },
    };
    const undated = { ...dated, id: 'a_undated' };
    for (const row of [inferred, given, undated]) delete (row as { sortDate?: string }).sortDate;
    const tx = v2.transaction(['articles', 'claims'], 'readwrite');
    await Promise.all([
      ...[inferred, given, undated].map((row) => tx.objectStore('articles').put(row)),
      tx.objectStore('claims').put(makeArticle(11).claims[0]!),
      tx.done,
    ]);
    v2.close();

    expect(await articleDates()).toEqual({ a_inferred: '2023-02-15', a_given: '2023-07-17' });
    expect((await getArticle('a_undated'))?.sortDate).toBeUndefined();
    expect((await getArticle('a_inferred'))?.text).toBe(dated.text);
    expect(await countAll()).toMatchObject({ articles: 3, claims: 1 });
  });
});

describe('article writes', () => {
  it('stores every row of an article and derives sentence indexes of mentions', async () => {
    const { added } = await putAnalyzedArticle(makeArticle(2));
    expect(added).toBe(true);
    expect(await countAll()).toMatchObject({ articles: 1, mentions: 2, claims: 2, entities: 1 });
    const [kyiv] = await mentionsOfEntity('place:kyiv');
    expect(kyiv?.sentenceIndex).toBe(1);
    expect((await claimsOfEntity('place:bakhmut')).map((c) => c.sentenceIndex)).toEqual([0]);
    expect(await libraryRevision()).toBe(1);
  });

  it('is idempotent: the same article twice, or concurrently, gives the same counts', async () => {
    await putAnalyzedArticle(makeArticle(3));
    const once = await countAll();
    const results = await Promise.all([putAnalyzedArticle(makeArticle(3)), putAnalyzedArticle(makeArticle(3))]);
    expect(results.map((r) => r.added)).toEqual([false, false]);
    expect(await countAll()).toEqual({ ...once, meta: once.meta });
    expect(await libraryRevision()).toBe(3);
  });

  it('replaces stale mentions and claims when an article is re-analysed', async () => {
    await putAnalyzedArticle(makeArticle(4));
    const changed = makeArticle(4);
    changed.mentions = changed.mentions.slice(0, 1);
    changed.claims = changed.claims.slice(0, 1);
    await putAnalyzedArticle(changed);
    expect(await countAll()).toMatchObject({ articles: 1, mentions: 1, claims: 1 });
    expect(await mentionsOfEntity('place:kyiv')).toEqual([]);
  });

  it('never lets a discovered name overwrite a curated entity', async () => {
    await putEntities([{ id: 'person:test-5', name: 'Curated', kind: 'person', aliases: ['C'], origin: 'gazetteer' }]);
    await putAnalyzedArticle(makeArticle(5));
    expect((await getEntity('person:test-5'))?.name).toBe('Curated');
  });

  it('an aborted transaction (worker stopped mid-write) leaves nothing behind', async () => {
    const rows = prepareArticleRecords(makeArticle(6));
    const tx = (await db()).transaction([...ARTICLE_STORES], 'readwrite');
    const writing = writeArticleRecords(tx, rows);
    // Wait until the article row is visible inside the transaction, then stop it like a killed worker would.
    let seen = false;
    for (let i = 0; i < 20 && !seen; i++) seen = (await tx.objectStore('articles').get('a_test6')) !== undefined;
    expect(seen).toBe(true);
    tx.abort();
    await expect(tx.done).rejects.toBeTruthy();
    await writing.catch(() => undefined);
    expect(await countAll()).toEqual({ articles: 0, entities: 0, mentions: 0, claims: 0, events: 0, meta: 0, vectors: 0 });
  });

  it('a row that fails mid-write rolls the whole article back', async () => {
    await putAnalyzedArticle(makeArticle(7));
    const before = await countAll();
    const bad = makeArticle(8);
    // A claim without its key path makes `put` throw after the article row was queued.
    (bad.claims[1] as { id?: string }).id = undefined;
    await expect(putAnalyzedArticle(bad)).rejects.toThrow();
    expect(await getArticle('a_test8')).toBeUndefined();
    expect(await countAll()).toEqual(before);
  });

  it('lists articles without their text and fetches claims in the order asked', async () => {
    await putAnalyzedArticle(makeArticle(9));
    const tenth = makeArticle(10);
    tenth.meta.date = '2024-01-02';
    await putAnalyzedArticle(tenth);
    expect(await articleDates()).toEqual({ a_test10: '2024-01-02' });
    const list = await listArticles();
    expect(list.map((a) => a.id).sort()).toEqual(['a_test10', 'a_test9']);
    expect(list[0]).not.toHaveProperty('text');
    const claims = await claimsByIds(['c_a_test10_1', 'missing', 'c_a_test9_0']);
    expect(claims.map((c) => c.id)).toEqual(['c_a_test10_1', 'c_a_test9_0']);
  });

  it('reads articles with their claims and mentions in one go, leaving out missing ones', async () => {
    await putAnalyzedArticle(makeArticle(9));
    await putAnalyzedArticle(makeArticle(10));
    const rows = await articlesWithFacts(['a_test10', 'missing', 'a_test9']);
    expect(rows.map((r) => r.article.id)).toEqual(['a_test10', 'a_test9']);
    for (const row of rows) {
      expect(row.claims.length).toBeGreaterThan(0);
      expect(row.claims.every((c) => c.articleId === row.article.id)).toBe(true);
      expect(row.mentions.length).toBeGreaterThan(0);
      expect(row.mentions.every((m) => m.articleId === row.article.id)).toBe(true);
    }
  });
});

describe('sentenceIndexAt', () => {
  it('finds the sentence containing an offset and -1 in gaps', () => {
    const sentences = [
      { index: 0, text: 'ab', start: 0, end: 2 },
      { index: 1, text: 'cd', start: 3, end: 5 },
    ];
    expect([0, 1, 2, 3, 4, 5].map((o) => sentenceIndexAt(sentences, o))).toEqual([0, 0, -1, 1, 1, -1]);
  });
});
