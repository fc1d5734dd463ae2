/**
 * Articles saved while reading: an updated version of a URL replaces the old
 * one, and a syndicated copy is noted on the stored article it copies. Each
 * is one transaction, so a worker stopped mid-write leaves either the old
 * version or the new one, never both and never neither.
 */
import { db } from './db';
import type { ArticleCopy } from './schema';
import { ARTICLE_STORES, writeArticleRecords, type PreparedArticle } from './writeArticle';

/** Copies noted per article, at most: a wire story may be carried by many sites. */
export const MAX_COPIES = 200;

/**
 * Replaces the article `oldId` (the earlier version of the same URL) with the
 * new rows: the old article, its claims, mentions and claim vectors go, the new ones are
 * written, in one transaction. The copies noted on the old version move to the new one.
 */
export async function replaceArticleVersion(oldId: string, rows: PreparedArticle): Promise<void> {
  const tx = (await db()).transaction([...ARTICLE_STORES, 'vectors'], 'readwrite');
  try {
    const articles = tx.objectStore('articles');
    const [old, claimKeys, mentionKeys, vectorKeys] = await Promise.all([
      articles.get(oldId),
      tx.objectStore('claims').index('byArticle').getAllKeys(oldId),
      tx.objectStore('mentions').index('byArticle').getAllKeys(oldId),
      tx.objectStore('vectors').index('byArticle').getAllKeys(oldId),
    ]);
    if (oldId !== rows.article.id) {
      await Promise.all([
        articles.delete(oldId),
        ...claimKeys.map((k) => tx.objectStore('claims').delete(k)),
        ...mentionKeys.map((k) => tx.objectStore('mentions').delete(k)),
        ...vectorKeys.map((k) => tx.objectStore('vectors').delete(k)),
      ]);
    }
    const copies = old?.copies ?? [];
    const article = copies.length ? { ...rows.article, copies } : rows.article;
    // The transaction spans the article stores plus `vectors`; the writer touches only the former.
    const articleTx = tx as unknown as Parameters<typeof writeArticleRecords>[0];
    await Promise.all([writeArticleRecords(articleTx, { ...rows, article }), tx.done]);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** Notes that `copy.url` carries the stored article `articleId`; false when it was already noted (or the article is gone). */
export async function noteArticleCopy(articleId: string, copy: ArticleCopy): Promise<boolean> {
  const tx = (await db()).transaction('articles', 'readwrite');
  const article = await tx.store.get(articleId);
  if (!article || article.url === copy.url || article.copies?.some((c) => c.url === copy.url)) {
    await tx.done;
    return false;
  }
  const copies = [...(article.copies ?? []), copy].slice(-MAX_COPIES);
  await Promise.all([tx.store.put({ ...article, copies }), tx.done]);
  return true;
}
