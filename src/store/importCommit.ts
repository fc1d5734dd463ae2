/**
 * Writing an import all at once. The import is journalled first (its own
 * small transaction), then every row of every new article, the revision and
 * the journal's deletion go into ONE transaction:
 *
 *   beginImport ─► journal row ─► commitImport: [articles, mentions, claims, entities, revision, −journal]
 *                                      │ aborted (page closed, worker stopped, error)?
 *                                      └► nothing of it is stored; the journal row is still there
 *   next start ─► recoverInterruptedImport ─► journal becomes an `importNotice` for the options page
 *
 * IndexedDB rolls back an unfinished transaction by itself, so no half-import
 * can survive; the journal only exists so that the reader is told.
 */
import type { Entity } from '../core/types';
import { db } from './db';
import type { ImportJournal, ImportNotice } from './schema';
import { ARTICLE_STORES, type PreparedArticle } from './writeArticle';

/** Records that an import starts (before any of its rows are written). */
export async function beginImport(journal: ImportJournal): Promise<void> {
  await (await db()).put('meta', { key: 'importJournal', value: journal });
}

/** Called as rows are queued: the import's progress, and where tests cut it off. */
export type CommitProgress = (queued: number, total: number) => void;

/**
 * Writes the articles not yet stored, in one transaction that also removes
 * the journal. Articles already stored (same content hash) are left exactly
 * as they are and counted as merged. Rejects (and writes nothing) on any error.
 */
export async function commitImport(
  rows: readonly PreparedArticle[],
  onQueued?: CommitProgress,
): Promise<{ added: string[]; merged: string[] }> {
  const database = await db();
  const tx = database.transaction([...ARTICLE_STORES], 'readwrite');
  const done = tx.done;
  // Every failure below ends in an abort; the rejection is read once, here.
  done.catch(() => undefined);
  const pending: Promise<unknown>[] = [];
  try {
    const articles = tx.objectStore('articles');
    const entities = tx.objectStore('entities');
    const meta = tx.objectStore('meta');
    const discovered = new Map<string, Entity>();
    for (const r of rows) for (const e of r.discovered) if (!discovered.has(e.id)) discovered.set(e.id, e);
    const [existing, known, revision] = await Promise.all([
      Promise.all(rows.map((r) => articles.getKey(r.article.id))),
      Promise.all([...discovered.keys()].map((id) => entities.getKey(id))),
      meta.get('revision'),
    ]);
    const added: string[] = [];
    const merged: string[] = [];
    rows.forEach((r, i) => {
      if (existing[i] !== undefined) merged.push(r.article.id);
      else {
        added.push(r.article.id);
        pending.push(articles.put(r.article));
        for (const m of r.mentions) pending.push(tx.objectStore('mentions').put(m));
        for (const c of r.claims) pending.push(tx.objectStore('claims').put(c));
      }
      onQueued?.(i + 1, rows.length);
    });
    // A name discovered by an import never replaces a curated (or earlier) entity with its id.
    [...discovered.values()].forEach((e, i) => known[i] === undefined && pending.push(entities.put(e)));
    const next = revision?.key === 'revision' ? revision.value + 1 : 1;
    if (added.length) pending.push(meta.put({ key: 'revision', value: next }));
    pending.push(meta.delete('importJournal'));
    await Promise.all([...pending, done]);
    return { added, merged };
  } catch (error) {
    // The queued requests fail with AbortError once aborted; nobody else listens to them.
    for (const p of pending) p.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await done.catch(() => undefined);
    throw error;
  }
}

/** Turns the journal of an import that did not commit into a notice (one transaction). */
async function journalToNotice(outcome: ImportNotice['outcome'], detail?: string): Promise<ImportNotice | undefined> {
  const tx = (await db()).transaction('meta', 'readwrite');
  const row = await tx.store.get('importJournal');
  if (row?.key !== 'importJournal') {
    await tx.done;
    return undefined;
  }
  const notice: ImportNotice = { ...row.value, outcome, at: Date.now(), ...(detail ? { detail } : {}) };
  await Promise.all([tx.store.put({ key: 'importNotice', value: notice }), tx.store.delete('importJournal'), tx.done]);
  return notice;
}

/** At start: an import journal still present means that import was cut off; say so once. */
export function recoverInterruptedImport(): Promise<ImportNotice | undefined> {
  return journalToNotice('interrupted');
}

/** An import failed while this worker was alive: the same notice, with the reason. */
export function recordFailedImport(detail: string): Promise<ImportNotice | undefined> {
  return journalToNotice('failed', detail);
}

/** The notice about an unfinished import, if any. */
export async function importNotice(): Promise<ImportNotice | undefined> {
  const row = await (await db()).get('meta', 'importNotice');
  return row?.key === 'importNotice' ? row.value : undefined;
}

/** The reader has seen the notice. */
export async function dismissImportNotice(): Promise<void> {
  await (await db()).delete('meta', 'importNotice');
}
