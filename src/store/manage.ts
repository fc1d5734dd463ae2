/**
 * Managing the library from the options page: per-article counts, deleting
 * articles with everything they own, clearing for a reset, and the per-site
 * switches. Each write is one transaction.
 */
import { db } from './db';
import { ALL_STORES, type ArticleRecord, type SiteSettings } from './schema';

/** Claims and mentions per article id, read from index keys alone (no rows loaded). */
export async function articleCounts(): Promise<Record<string, { claims: number; mentions: number }>> {
  const tx = (await db()).transaction(['claims', 'mentions']);
  const counts: Record<string, { claims: number; mentions: number }> = {};
  const bump = (id: string, field: 'claims' | 'mentions') => ((counts[id] ??= { claims: 0, mentions: 0 })[field] += 1);
  for (let c = await tx.objectStore('claims').index('byArticle').openKeyCursor(); c; c = await c.continue()) bump(c.key, 'claims');
  for (let c = await tx.objectStore('mentions').index('byArticle').openKeyCursor(); c; c = await c.continue()) bump(c.key, 'mentions');
  return counts;
}

/** Every stored article with its text (the export). */
export async function allArticles(): Promise<ArticleRecord[]> {
  return (await db()).getAll('articles');
}

/**
 * Deletes articles with their claims and mentions, and bumps the revision (so
 * the claim index and events are rebuilt), in one transaction. Entities stay:
 * a name once learnt is still a name. Resolves to the ids of deleted claims.
 */
export async function deleteArticles(ids: readonly string[]): Promise<{ deleted: string[]; claimIds: string[] }> {
  const tx = (await db()).transaction(['articles', 'claims', 'mentions', 'meta', 'vectors'], 'readwrite');
  const articles = tx.objectStore('articles');
  const claims = tx.objectStore('claims');
  const mentions = tx.objectStore('mentions');
  const vectors = tx.objectStore('vectors');
  const [present, claimKeys, mentionKeys, vectorKeys, revision] = await Promise.all([
    Promise.all(ids.map((id) => articles.getKey(id))),
    Promise.all(ids.map((id) => claims.index('byArticle').getAllKeys(id))),
    Promise.all(ids.map((id) => mentions.index('byArticle').getAllKeys(id))),
    Promise.all(ids.map((id) => vectors.index('byArticle').getAllKeys(id))),
    tx.objectStore('meta').get('revision'),
  ]);
  const deleted = ids.filter((_, i) => present[i] !== undefined);
  const claimIds = claimKeys.flat();
  const next = revision?.key === 'revision' ? revision.value + 1 : 1;
  await Promise.all([
    ...deleted.map((id) => articles.delete(id)),
    ...claimIds.map((k) => claims.delete(k)),
    ...mentionKeys.flat().map((k) => mentions.delete(k)),
    ...vectorKeys.flat().map((k) => vectors.delete(k)),
    ...(deleted.length ? [tx.objectStore('meta').put({ key: 'revision', value: next })] : []),
    tx.done,
  ]);
  return { deleted, claimIds };
}

/** Meta rows that are the reader's, not the library's: a reset keeps them. */
const KEPT_META = ['sites', 'importNotice'] as const;

/**
 * Empties the library for a reset (seeding follows): every store, in one
 * transaction, except the reader's own settings. The seed marker goes too, so
 * a reset stopped before seeding ends is completed by the next start.
 */
export async function clearLibrary(): Promise<void> {
  const database = await db();
  const stores = ALL_STORES.filter((name) => database.objectStoreNames.contains(name));
  const tx = database.transaction([...stores], 'readwrite');
  const meta = tx.objectStore('meta');
  const kept = await Promise.all(KEPT_META.map((key) => meta.get(key)));
  await Promise.all([
    ...stores.map((name) => tx.objectStore(name).clear()),
    ...kept.map((row) => (row ? meta.put(row) : undefined)),
    tx.done,
  ]);
}

/** The per-site switches, by host name. */
export async function siteSettings(): Promise<Record<string, SiteSettings>> {
  const row = await (await db()).get('meta', 'sites');
  return row?.key === 'sites' ? row.value : {};
}

/** Sets (or, with `undefined`, forgets) one site's switches; read and write in one transaction. */
export async function setSiteSettings(host: string, settings: SiteSettings | undefined): Promise<Record<string, SiteSettings>> {
  const tx = (await db()).transaction('meta', 'readwrite');
  const row = await tx.store.get('sites');
  const sites = { ...(row?.key === 'sites' ? row.value : {}) };
  if (settings) sites[host] = settings;
  else delete sites[host];
  await Promise.all([tx.store.put({ key: 'sites', value: sites }), tx.done]);
  return sites;
}
