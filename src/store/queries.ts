/**
 * Small read and write functions over the library, one idea each (the idb
 * README's "keyval store" shape). Multi-row writes are one transaction.
 */
import type { ArticleMeta, Claim, Entity, NewsEvent } from '../core/types';
import { db } from './db';
import { ALL_STORES, type ArticleRecord, type MentionRecord, type MetaValues } from './schema';

/** An article without its text and sentences, for lists. */
export type ArticleListItem = Omit<ArticleRecord, 'text' | 'sentences'>;

/** One stored article with its text and sentences. */
export async function getArticle(id: string): Promise<ArticleRecord | undefined> {
  return (await db()).get('articles', id);
}

/** Several articles by id, in the order asked (missing ones left out). */
export async function articlesByIds(ids: readonly string[]): Promise<ArticleRecord[]> {
  const tx = (await db()).transaction('articles');
  const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
  return rows.filter((r): r is ArticleRecord => r !== undefined);
}

/** The stored article saved from this URL, if any. */
export async function getArticleByUrl(url: string): Promise<ArticleRecord | undefined> {
  return (await db()).getFromIndex('articles', 'byUrl', url);
}

/**
 * Article id -> date (given, else inferred) for every dated article, read
 * from the byDate index's keys alone: no article text is loaded.
 */
export async function articleDates(): Promise<Record<string, string>> {
  const tx = (await db()).transaction('articles');
  const dates: Record<string, string> = {};
  for (let cursor = await tx.store.index('byDate').openKeyCursor(); cursor; cursor = await cursor.continue()) {
    dates[cursor.primaryKey] = cursor.key;
  }
  return dates;
}

/** Every article's metadata (no text), oldest write first. */
export async function listArticles(): Promise<ArticleListItem[]> {
  const rows = await (await db()).getAll('articles');
  return rows
    .map(({ text: _text, sentences: _sentences, ...meta }) => meta)
    .sort((a, b) => a.addedAt - b.addedAt || (a.seedNumber ?? 0) - (b.seedNumber ?? 0));
}

/** Every article's metadata as the core's `ArticleMeta` (for event clustering). */
export async function allArticleMetas(): Promise<ArticleMeta[]> {
  return listArticles();
}

/** Every known entity. */
export async function allEntities(): Promise<Entity[]> {
  return (await db()).getAll('entities');
}

/** One entity by id. */
export async function getEntity(id: string): Promise<Entity | undefined> {
  return (await db()).get('entities', id);
}

/** Writes entities (curated gazetteer rows overwrite; that is how gazetteer fixes arrive). */
export async function putEntities(entities: readonly Entity[]): Promise<void> {
  const tx = (await db()).transaction('entities', 'readwrite');
  await Promise.all([...entities.map((e) => tx.store.put(e)), tx.done]);
}

/** Every mention of an entity across the library. */
export async function mentionsOfEntity(entityId: string): Promise<MentionRecord[]> {
  return (await db()).getAllFromIndex('mentions', 'byEntity', entityId);
}

/** Every mention in one article. */
export async function mentionsOfArticle(articleId: string): Promise<MentionRecord[]> {
  return (await db()).getAllFromIndex('mentions', 'byArticle', articleId);
}

/**
 * Articles with their claims and mentions, all read in one transaction: a card's evidence reads
 * dozens of articles per page, and a transaction per read cost the page a millisecond each.
 * Missing articles are left out.
 */
export async function articlesWithFacts(
  ids: readonly string[],
): Promise<Array<{ article: ArticleRecord; claims: Claim[]; mentions: MentionRecord[] }>> {
  const tx = (await db()).transaction(['articles', 'claims', 'mentions']);
  const rows = await Promise.all(
    ids.map((id) =>
      Promise.all([
        tx.objectStore('articles').get(id),
        tx.objectStore('claims').index('byArticle').getAll(id),
        tx.objectStore('mentions').index('byArticle').getAll(id),
      ]),
    ),
  );
  return rows.flatMap(([article, claims, mentions]) => (article ? [{ article, claims, mentions }] : []));
}

/** Claims by id, in the order asked (missing ones left out). */
export async function claimsByIds(ids: readonly string[]): Promise<Claim[]> {
  const tx = (await db()).transaction('claims');
  const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
  return rows.filter((c): c is Claim => c !== undefined);
}

/** Every claim of one article. */
export async function claimsOfArticle(articleId: string): Promise<Claim[]> {
  return (await db()).getAllFromIndex('claims', 'byArticle', articleId);
}

/** Every claim naming an entity. */
export async function claimsOfEntity(entityId: string): Promise<Claim[]> {
  return (await db()).getAllFromIndex('claims', 'byEntity', entityId);
}

/** Number of stored claims. */
export async function countClaims(): Promise<number> {
  return (await db()).count('claims');
}

/** Every stored claim's id (keys only: cheap even for a million claims). */
export async function allClaimIds(): Promise<string[]> {
  return (await db()).getAllKeys('claims');
}

/** Every stored claim (the claim index is rebuilt from these). */
export async function allClaims(): Promise<Claim[]> {
  return (await db()).getAll('claims');
}

/** Every stored event. */
export async function allEvents(): Promise<NewsEvent[]> {
  return (await db()).getAll('events');
}

/** Replaces the stored events and their snapshot marker in one transaction. */
export async function replaceEvents(events: readonly NewsEvent[], revision: number): Promise<void> {
  const tx = (await db()).transaction(['events', 'meta'], 'readwrite');
  const store = tx.objectStore('events');
  await store.clear();
  await Promise.all([
    ...events.map((e) => store.put(e)),
    tx.objectStore('meta').put({ key: 'events', value: { revision, at: Date.now() } }),
    tx.done,
  ]);
}

/** Reads one typed `meta` value. */
export async function getMeta<K extends keyof MetaValues>(key: K): Promise<MetaValues[K] | undefined> {
  const row = await (await db()).get('meta', key);
  return row?.key === key ? (row.value as MetaValues[K]) : undefined;
}

/** Writes one typed `meta` value. */
export async function setMeta<K extends keyof MetaValues>(key: K, value: MetaValues[K]): Promise<void> {
  await (await db()).put('meta', { key, value } as never);
}

/** The library revision: bumped by every article write, 0 for an empty library. */
export async function libraryRevision(): Promise<number> {
  return (await getMeta('revision')) ?? 0;
}

/** Row counts of every store, read in one transaction (a consistent snapshot). */
export async function countAll(): Promise<Record<(typeof ALL_STORES)[number], number>> {
  const tx = (await db()).transaction([...ALL_STORES]);
  const counts = await Promise.all(ALL_STORES.map((name) => tx.objectStore(name).count()));
  return Object.fromEntries(ALL_STORES.map((name, i) => [name, counts[i]!])) as Record<(typeof ALL_STORES)[number], number>;
}
