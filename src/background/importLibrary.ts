/**
 * Importing a library pack or JSON Lines file, all or nothing:
 *
 *   readLibraryImport (whole file, one schema) ─► refused? answer why; the store is untouched
 *        ─► journal ─► analyse every article (progress; the pack's claim vectors joined by sentence)
 *        ─► commitImport: ONE transaction ─► the pack's vectors stored after it, in the background
 *        ─► the loaded claim index gains the new claims (snapshotted); the lexicon follows new names
 *
 * A stop anywhere after the journal (page closed, worker stopped) leaves no
 * row of the import: the transaction never committed. The journal tells the
 * next start (`recoverInterruptedImport`) to say so on the options page.
 */
import { analyzeWithOwnNames, articleDate, claimTextKey, LearningLexicon, readLibraryImport, type ClaimVectorSet } from '../core/library';
import type { Claim } from '../core/types';
import { MODEL_DIM, MODEL_NAME } from '../embed/protocol';
import type { ImportSummary } from '../shared/messages';
import {
  allEntities,
  beginImport,
  commitImport,
  prepareArticleRecords,
  recordFailedImport,
  type CommitProgress,
  type PreparedArticle,
  type VectorRecord,
} from '../store';
import { claimIndexBeforeImport, invalidateLibraryCaches, noteArticlesImported } from './library';
import { reportImportProgress } from './progress';
import { storeImportedVectors } from './vectors';

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
    // Vectors are a cache of the model's work, not library rows: written after the commit, a round at a
    // time, so the import is not held up by them; a stop meanwhile only leaves claims for the model to embed.
    storeImportedVectors(
      packVectors(
        reading.vectors,
        added.flatMap((id) => rows.get(id)!.claims),
      ),
    );
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

/**
 * The pack's vectors of these claims (by sentence), when they come from the model this build runs:
 * stored with the claims, so the background embeds only the claims the pack had no vector for.
 */
function packVectors(set: ClaimVectorSet | undefined, claims: readonly Claim[]): VectorRecord[] {
  if (!set || set.model !== MODEL_NAME || set.dim !== MODEL_DIM) return [];
  const out: VectorRecord[] = [];
  for (const claim of claims) {
    const vector = set.byKey.get(claimTextKey(claim.text));
    // A copy: a view would make IndexedDB store the whole section's buffer with every row.
    if (vector)
      out.push({ claimId: claim.id, articleId: claim.articleId, model: MODEL_NAME, codes: vector.codes.slice(), scale: vector.scale });
  }
  return out;
}
