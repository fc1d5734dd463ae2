/**
 * The background's in-memory views of the library: the compiled lexicon and
 * the claim index. They are caches only: the worker may stop at any time, so
 * both are rebuilt lazily from the store on first use after a restart, and
 * kept in step with every article the background writes.
 */
import { forgetArticleSummaries } from './articleSummaries';
import { ClaimIndex } from '../core/matching';
import { compileLexicon, lexiconFromData, type Lexicon, type LexiconData } from '../core/entities';
import type { Claim, Entity } from '../core/types';
import { allClaims, allEntities, articleDates, getMeta, libraryRevision, setMeta } from '../store';
import { embedLibrary, invalidateVectors } from './vectors';
import { pagesQuiet } from './priority';

let lexiconDataPromise: Promise<LexiconData> | undefined;
let lexiconPromise: Promise<Lexicon> | undefined;
let indexPromise: Promise<ClaimIndex> | undefined;

/**
 * Forgets the caches after the library changed wholesale (seeding, import, delete, reset); the next
 * use rebuilds them from the store. New claims get their sentence vectors in the background.
 */
export function invalidateLibraryCaches(): void {
  forgetArticleSummaries();
  lexiconDataPromise = undefined;
  lexiconPromise = undefined;
  indexPromise = undefined;
  invalidateVectors();
  void embedLibrary({ changed: true });
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

/**
 * Every stored entity (curated and discovered) compiled once to JSON-safe
 * data: content scripts get this from `getLexicon`, so a cold page skips all
 * tokenising and folding.
 */
export function libraryLexiconData(): Promise<LexiconData> {
  return memo(
    () => lexiconDataPromise,
    (p) => (lexiconDataPromise = p),
    async () => compileLexicon(await allEntities()),
  );
}

/** The matcher over the same compiled data, for the background's own analysis. */
export function libraryLexicon(): Promise<Lexicon> {
  return memo(
    () => lexiconPromise,
    (p) => (lexiconPromise = p),
    async () => lexiconFromData(await libraryLexiconData()),
  );
}

/**
 * The claim index over every stored claim. Restored from the `meta` snapshot
 * when it was taken at the current library revision (no re-tokenising),
 * otherwise rebuilt from the claims and snapshotted again.
 */
export function libraryClaimIndex(): Promise<ClaimIndex> {
  return memo(
    () => indexPromise,
    (p) => (indexPromise = p),
    async () => {
      const [revision, snapshot] = await Promise.all([libraryRevision(), getMeta('claimIndex')]);
      if (snapshot && snapshot.revision === revision) {
        try {
          return ClaimIndex.fromSnapshot(snapshot.index);
        } catch {
          // An index format from another build: rebuild below.
        }
      }
      const [claims, dates] = await Promise.all([allClaims(), articleDates()]);
      const index = new ClaimIndex();
      index.add(claims, dates);
      snapshotClaimIndex(index, revision);
      return index;
    },
  );
}

/**
 * Saves the index as the snapshot of `revision`, once no page is being looked
 * up: serialising a large index takes the worker most of a second, and the
 * page that asked first should not wait for it. It is only an optimisation, so
 * a failure (or a worker stopped first, or mid-write) costs a rebuild next
 * time. A library changed meanwhile has a newer revision, so the snapshot is
 * never restored for it.
 */
function snapshotClaimIndex(index: ClaimIndex, revision: number): void {
  // Only the newest waits: two deferred writes could wake in either order, and an older one
  // written last would replace the newer snapshot.
  const waiting = pendingSnapshot !== undefined;
  pendingSnapshot = { index, revision };
  if (waiting) return;
  // Strictly: no question waits for a snapshot, and serialising it holds the worker most of a second.
  pagesQuiet(true)
    .then(() => {
      const latest = pendingSnapshot!;
      pendingSnapshot = undefined;
      return setMeta('claimIndex', { revision: latest.revision, index: latest.index.snapshot() });
    })
    .catch((error: unknown) => {
      pendingSnapshot = undefined;
      console.warn('Parallax: claim index snapshot not saved', error);
    });
}
/** The snapshot waiting for pages to be quiet, if any. */
let pendingSnapshot: { index: ClaimIndex; revision: number } | undefined;

/** The claim index, loaded (from the snapshot or the claims) before an import changes the library. */
export function claimIndexBeforeImport(): Promise<ClaimIndex> {
  return libraryClaimIndex();
}

/**
 * After an import committed: its new articles' claims join the loaded index
 * (no re-reading of every claim, which takes seconds in a large library), the
 * index is snapshotted at the new revision for the next worker start, and the
 * lexicon is rebuilt only if the import brought new names.
 */
export async function noteArticlesImported(
  articles: ReadonlyArray<{ articleId: string; claims: Claim[]; date: string | undefined }>,
  newNames: boolean,
): Promise<void> {
  forgetArticleSummaries();
  if (newNames) {
    lexiconDataPromise = undefined;
    lexiconPromise = undefined;
  }
  // The new claims get their sentence vectors in the background (lexical matching already works).
  void embedLibrary({ changed: true });
  const index = indexPromise;
  if (!index || !articles.length) return;
  try {
    const loaded = await index;
    // One `add`, as a rebuild from the store would make it: boilerplate is learnt over the whole batch.
    const dates: Record<string, string> = {};
    for (const { articleId, date } of articles) {
      loaded.remove(articleId);
      if (date) dates[articleId] = date;
    }
    loaded.add(
      articles.flatMap((a) => a.claims),
      dates,
    );
    snapshotClaimIndex(loaded, await libraryRevision());
  } catch {
    if (indexPromise === index) indexPromise = undefined;
  }
}

/**
 * Keeps loaded caches in step after an article was written, instead of
 * dropping them: re-reading every claim after each saved page would make the
 * next lookup wait seconds in a large library. Caches not loaded stay unloaded.
 * `replacedId`: the article this one replaced (an updated version of its URL).
 */
export async function noteArticleWritten(
  articleId: string,
  claims: Claim[],
  date: string | undefined,
  discovered: Entity[],
  replacedId?: string,
): Promise<void> {
  forgetArticleSummaries();
  const index = indexPromise;
  if (index) {
    try {
      const loaded = await index;
      if (replacedId) loaded.remove(replacedId);
      loaded.remove(articleId);
      loaded.add(claims, date ? { [articleId]: date } : undefined);
    } catch {
      if (indexPromise === index) indexPromise = undefined;
    }
  }
  if (discovered.length) {
    lexiconDataPromise = undefined;
    lexiconPromise = undefined;
  }
  void embedLibrary({ changed: true });
}
