/**
 * Importing a library pack or JSON Lines file, all or nothing:
 *
 *   readLibraryImport (whole file, one schema) ─► refused? answer why; the store is untouched
 *        ─► journal ─► analyse every article (progress) ─► commitImport: ONE transaction
 *        ─► the loaded claim index gains the new claims (snapshotted); the lexicon follows new names
 *
 * A stop anywhere after the journal (page closed, worker stopped) leaves no
 * row of the import: the transaction never committed. The journal tells the
 * next start (`recoverInterruptedImport`) to say so on the options page.
 */
import { analyzeWithOwnNames, articleDate, LearningLexicon, readLibraryImport } from '../core/library';
import type { ImportSummary } from '../shared/messages';
import {
  allEntities,
  beginImport,
  commitImport,
  prepareArticleRecords,
  recordFailedImport,
  type CommitProgress,
  type PreparedArticle,
} from '../store';
import { claimIndexBeforeImport, invalidateLibraryCaches, noteArticlesImported } from './library';
import { reportImportProgress } from './progress';

/** Articles analysed between two yields to the event loop. */
const YIELD_EVERY = 20;

/** Hooks for the import's progress (and, in tests, for cutting it off mid-write). */
export interface ImportHooks {
  onWrite?: CommitProgress;
}

/** Imports one file's text. Resolves to the summary; a refused or failed import changes nothing. */
export async function importLibraryFile(name: string, content: string, hooks: ImportHooks = {}): Promise<ImportSummary> {
  const reading = readLibraryImport(content);
  if (!reading.ok) return { ok: false, kind: reading.kind, error: reading.error, rejected: reading.rejected, added: 0, merged: 0 };
  const importId = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const total = reading.items.length;
  await beginImport({ id: importId, name, articles: total, startedAt: Date.now() });
  try {
    // Loaded first, so that the new claims join it after the commit instead of a rebuild from every claim.
    await claimIndexBeforeImport();
    // Analysis happens before the transaction opens: IndexedDB commits a transaction that waits on anything else.
    const names = new LearningLexicon(await allEntities());
    const knownNames = names.entities.length;
    const rows = new Map<string, PreparedArticle>();
    const addedAt = Date.now();
    for (const [i, item] of reading.items.entries()) {
      const analysed = analyzeWithOwnNames({ ...item.input, origin: 'import' }, names.lexicon, item.extra);
      names.learn(analysed.discovered);
      // The same text twice in one file is one article: the first one's metadata is kept.
      if (!rows.has(analysed.meta.id)) rows.set(analysed.meta.id, prepareArticleRecords(analysed, { addedAt: addedAt + i }));
      reportImportProgress(importId, 'analysing', i + 1, total);
      // Let the progress messages (and other callers) through between slices of analysis.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const { added, merged } = await commitImport([...rows.values()], (queued, all) => {
      reportImportProgress(importId, 'writing', queued, all);
      hooks.onWrite?.(queued, all);
    });
    const written = added.map((id) => rows.get(id)!.article);
    // Never throws: a cache it cannot keep in step is dropped, to be rebuilt from the store.
    await noteArticlesImported(
      written.map((a) => ({ articleId: a.id, claims: rows.get(a.id)!.claims, date: articleDate(a)?.date })),
      names.entities.length > knownNames,
    ).catch(() => invalidateLibraryCaches());
    return { ok: true, kind: reading.kind, added: added.length, merged: merged.length + (total - rows.size), rejected: [] };
  } catch (error) {
    const detail = String((error as Error)?.message ?? error);
    await recordFailedImport(detail).catch(() => undefined);
    return {
      ok: false,
      kind: reading.kind,
      error: `The import failed and nothing of it was stored: ${detail}`,
      rejected: [],
      added: 0,
      merged: 0,
    };
  }
}
