/**
 * The library's claim vectors in the background: embedded once per claim (after seeding, after
 * each save or import, in the background, while lexical matching already works), stored as int8
 * in IndexedDB, and held in memory as one `ClaimVectors` for the model's lookups. A cache like the
 * claim index: rebuilt from the store after the worker restarts.
 */
import { ClaimVectors } from '../core/matching';
import { quantise } from '../core/ranking';
import { MODEL_NAME } from '../embed/protocol';
import { allClaimIds, allVectors, claimsByIds, deleteVectors, putVectors, vectorClaimIds, type VectorRecord } from '../store';
import { embedTexts, modelHostAvailable } from './embedder';
import { pagesQuiet } from './priority';

/**
 * Claims embedded per round: one store write, a point where progress is visible, and where the
 * job gives way to pages being read (about half a second of the model's time).
 */
const ROUND = 16;

let vectorsPromise: Promise<ClaimVectors> | undefined;
let job: Promise<void> | undefined;
let again = false;
/**
 * Whether the library may hold claims without a vector: true after a start (unknown) and after every
 * change, false once a job found nothing missing. A page's model question then costs no store read.
 */
let dirty = true;
/** Claims embedded and still to embed in the running job, for the panel. */
export const embedProgress = { done: 0, total: 0 };

/** Forgets the in-memory vectors (after a delete, a reset or an import); the next use reloads them. */
export function invalidateVectors(): void {
  vectorsPromise = undefined;
}

/** The stored vectors of the current model, loaded once. */
export function libraryVectors(): Promise<ClaimVectors> {
  vectorsPromise ??= (async () => {
    const store = new ClaimVectors();
    for (const row of await allVectors()) {
      if (row.model === MODEL_NAME) store.add(row.claimId, row.articleId, { codes: row.codes, scale: row.scale });
    }
    return store;
  })().catch((error: unknown) => {
    vectorsPromise = undefined;
    throw error;
  });
  return vectorsPromise;
}

/** Rows written per transaction when storing an import's vectors (a short commit: a page's reads queue behind it). */
const STORE_ROUND = 500;
/** Imported vectors still being written: the embedding job waits for them (they spare it its work). */
let pendingVectors: Promise<void> = Promise.resolve();

/**
 * Stores the vectors an imported pack carried for its claims, after the import committed, a round at
 * a time whenever no page is being looked up, and adds them to the loaded cache. The embedding job
 * waits for them, then embeds only what is still missing (also what a stop meanwhile left out).
 */
export function storeImportedVectors(rows: readonly VectorRecord[]): void {
  if (!rows.length) return;
  pendingVectors = pendingVectors.then(async () => {
    try {
      for (let i = 0; i < rows.length; i += STORE_ROUND) {
        // Strictly between page lookups, even while a model question waits: the store answers one
        // request at a time, so a lookup's reads would queue behind these writes.
        await pagesQuiet(true);
        const round = rows.slice(i, i + STORE_ROUND);
        await putVectors(round);
        const loaded = vectorsPromise;
        if (loaded) {
          const vectors = await loaded;
          for (const row of round) vectors.add(row.claimId, row.articleId, row);
        }
      }
    } catch (error) {
      console.warn('Parallax: imported vectors not stored; the model embeds those claims', error);
    }
  });
}

/**
 * Embeds every stored claim that has no vector yet, in rounds, and drops vectors whose claim is
 * gone. One job at a time; a call while it runs makes it look again when done. Resolves when the
 * library is fully embedded or the model failed (the error is the model state's, not thrown).
 */
export function embedLibrary(options: { changed?: boolean } = {}): Promise<void> {
  if (options.changed) dirty = true;
  if (!modelHostAvailable() || (!dirty && !job)) return Promise.resolve();
  if (job) {
    again = true;
    return job;
  }
  job = (async () => {
    do {
      again = false;
      dirty = false;
      await embedMissing();
    } while (again);
  })()
    .catch((error: unknown) => {
      dirty = true; // not all embedded: the next question tries again
      console.warn('Parallax: claims not embedded', error);
    })
    .finally(() => {
      job = undefined;
    });
  return job;
}

async function embedMissing(): Promise<void> {
  await pendingVectors;
  // Ids only, then each round's claims: reading every claim of a large library at once held the
  // worker for a second, and a page looked up meanwhile waited for it.
  await pagesQuiet();
  const [ids, have] = await Promise.all([allClaimIds(), vectorClaimIds()]);
  const live = new Set(ids);
  await deleteVectors([...have].filter((id) => !live.has(id)));
  const missing = ids.filter((id) => !have.has(id));
  embedProgress.done = 0;
  embedProgress.total = missing.length;
  for (let i = 0; i < missing.length; i += ROUND) {
    await pagesQuiet();
    const round = await claimsByIds(missing.slice(i, i + ROUND)); // a claim deleted meanwhile is skipped
    const embedded = round.length ? await embedTexts(round.map((c) => c.text)) : [];
    const rows: VectorRecord[] = round.map((c, k) => ({
      claimId: c.id,
      articleId: c.articleId,
      model: MODEL_NAME,
      ...quantise(embedded[k]!),
    }));
    if (rows.length) await putVectors(rows);
    // The cache as it is now (a library change may have replaced it since the job began).
    const vectors = await libraryVectors();
    for (const row of rows) vectors.add(row.claimId, row.articleId, row);
    embedProgress.done += Math.min(ROUND, missing.length - i);
  }
}
