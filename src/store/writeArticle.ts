/**
 * Writing one analysed article: every row it owns (article, mentions, claims,
 * newly discovered entities, the library revision) in ONE transaction, so a
 * worker stopped mid-write leaves the whole article or nothing.
 *
 * The rows are prepared before the transaction opens; inside it, only the
 * transaction's own requests are awaited (IndexedDB commits a transaction as
 * soon as it has no pending request, so awaiting anything else would commit a
 * half-written article).
 */
import type { IDBPTransaction } from 'idb';
import type { AnalyzedArticle } from '../core/library';
import type { Claim, Entity, Sentence } from '../core/types';
import { db } from './db';
import { sortDateOf, type ArticleRecord, type MentionRecord, type ParallaxDB } from './schema';

/** What the store writes for one article: the core's `analyzeArticle` output. */
export type AnalyzedArticleInput = AnalyzedArticle;

/** The rows of one article, ready to write. */
export interface PreparedArticle {
  article: ArticleRecord;
  mentions: MentionRecord[];
  claims: Claim[];
  discovered: Entity[];
}

/** Stores an article write touches. */
export const ARTICLE_STORES = ['articles', 'mentions', 'claims', 'entities', 'meta'] as const;

type ArticleTx = IDBPTransaction<ParallaxDB, typeof ARTICLE_STORES extends readonly (infer S)[] ? S[] : never, 'readwrite'>;

/** Index of the sentence containing `offset` (binary search over sorted sentences), -1 if none. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s.index;
  }
  return -1;
}

/** Turns an analysed article into rows (pure; runs before any transaction opens). */
export function prepareArticleRecords(
  analyzed: AnalyzedArticleInput,
  extra: { seedNumber?: number; addedAt?: number } = {},
): PreparedArticle {
  const { meta } = analyzed;
  const article: ArticleRecord = {
    ...meta,
    text: analyzed.text,
    sentences: analyzed.sentences,
    addedAt: extra.addedAt ?? Date.now(),
    ...(sortDateOf(meta) ? { sortDate: sortDateOf(meta) } : {}),
    ...(extra.seedNumber !== undefined ? { seedNumber: extra.seedNumber } : {}),
  };
  const byKey = new Map<string, MentionRecord>();
  for (const m of analyzed.mentions) {
    const key = `${meta.id}:${m.start}`;
    // Two entities cannot share one start in the stored view; the first (spotter's choice) wins.
    if (!byKey.has(key)) {
      byKey.set(key, { ...m, key, articleId: meta.id, sentenceIndex: sentenceIndexAt(analyzed.sentences, m.start) });
    }
  }
  const mentions = [...byKey.values()];
  // Counted here, so the library list never walks every claim and mention key to count them.
  Object.assign(article, { claimCount: analyzed.claims.length, mentionCount: mentions.length });
  return { article, mentions, claims: analyzed.claims, discovered: analyzed.discovered };
}

/**
 * Writes prepared rows into an open transaction and resolves to whether the
 * article is new. The caller awaits `tx.done`. A re-write first deletes the
 * article's old mentions and claims, so a changed analysis leaves no stale rows.
 */
export async function writeArticleRecords(tx: ArticleTx, rows: PreparedArticle): Promise<boolean> {
  const id = rows.article.id;
  const articles = tx.objectStore('articles');
  const mentions = tx.objectStore('mentions');
  const claims = tx.objectStore('claims');
  const entities = tx.objectStore('entities');
  const meta = tx.objectStore('meta');
  const [existing, oldMentions, oldClaims, revision] = await Promise.all([
    articles.getKey(id),
    mentions.index('byArticle').getAllKeys(id),
    claims.index('byArticle').getAllKeys(id),
    meta.get('revision'),
  ]);
  await Promise.all([...oldMentions.map((k) => mentions.delete(k)), ...oldClaims.map((k) => claims.delete(k))]);
  const next = revision?.key === 'revision' ? revision.value + 1 : 1;
  const pending: Promise<unknown>[] = [];
  try {
    pending.push(articles.put(rows.article));
    for (const m of rows.mentions) pending.push(mentions.put(m));
    for (const c of rows.claims) pending.push(claims.put(c));
    // A discovered name never overwrites a curated (or earlier) entity with the same id.
    for (const e of rows.discovered) {
      pending.push(entities.getKey(e.id).then((key) => (key === undefined ? entities.put(e) : key)));
    }
    pending.push(meta.put({ key: 'revision', value: next }));
  } catch (error) {
    // A put threw synchronously (a row without its key): the queued ones will fail with
    // AbortError once the caller aborts; nobody else is listening to them.
    for (const p of pending) p.catch(() => undefined);
    throw error;
  }
  await Promise.all(pending);
  return existing === undefined;
}

/**
 * Stores one analysed article atomically. Resolves to `{ added }` (false when
 * the same text was already stored; its rows are then replaced in place).
 */
export async function putAnalyzedArticle(
  analyzed: AnalyzedArticleInput,
  extra: { seedNumber?: number } = {},
): Promise<{ articleId: string; added: boolean }> {
  const rows = prepareArticleRecords(analyzed, extra);
  const database = await db();
  const tx = database.transaction([...ARTICLE_STORES], 'readwrite');
  try {
    const [added] = await Promise.all([writeArticleRecords(tx, rows), tx.done]);
    return { articleId: rows.article.id, added };
  } catch (error) {
    // A put that throws (a row without its key) would otherwise let the rest commit.
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
