/**
 * The background's in-memory views of the library: the compiled lexicon and
 * the claim index. They are caches only: the worker may stop at any time, so
 * both are rebuilt lazily from the store on first use after a restart, and
 * dropped whenever the library changes.
 */
import { ClaimIndex } from '../core/claimIndex';
import { buildLexicon, type Lexicon } from '../core/lexicon';
import { allClaims, allEntities, getMeta, libraryRevision, setMeta } from '../store';

let lexiconPromise: Promise<Lexicon> | undefined;
let indexPromise: Promise<ClaimIndex> | undefined;

/** Forgets the caches; the next use rebuilds them from the store. */
export function invalidateLibraryCaches(): void {
  lexiconPromise = undefined;
  indexPromise = undefined;
}

function memo<T>(get: () => Promise<T> | undefined, set: (p: Promise<T> | undefined) => void, build: () => Promise<T>): Promise<T> {
  const cached = get();
  if (cached) return cached;
  const building = build();
  set(building);
  // A failed build must not stick in the cache.
  building.catch(() => {
    if (get() === building) set(undefined);
  });
  return building;
}

/** The compiled lexicon of every stored entity (curated and discovered). */
export function libraryLexicon(): Promise<Lexicon> {
  return memo(() => lexiconPromise, (p) => (lexiconPromise = p), async () => buildLexicon(await allEntities()));
}

/**
 * The claim index over every stored claim. Restored from the `meta` snapshot
 * when it was taken at the current library revision (no re-tokenising),
 * otherwise rebuilt from the claims and snapshotted again.
 */
export function libraryClaimIndex(): Promise<ClaimIndex> {
  return memo(() => indexPromise, (p) => (indexPromise = p), async () => {
    const [revision, snapshot] = await Promise.all([libraryRevision(), getMeta('claimIndex')]);
    if (snapshot && snapshot.revision === revision) {
      try {
        return ClaimIndex.fromJSON(snapshot.index);
      } catch {
        // An index format from another build: rebuild below.
      }
    }
    const index = new ClaimIndex();
    index.add(await allClaims());
    // The snapshot is an optimisation: a failed write only costs a rebuild next time.
    await setMeta('claimIndex', { revision, index: index.toJSON() }).catch(() => undefined);
    return index;
  });
}
