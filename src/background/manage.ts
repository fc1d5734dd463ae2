/**
 * Library management for the options page: the list with counts, deleting
 * articles, resetting to the seeds, exporting a pack. Every call that changes
 * the library drops the background's caches, which are rebuilt from the store.
 */
import { buildLibraryPack, claimTextKey, encodeClaimVectors, IMPORT_LIMITS } from '../core/library';
import { MODEL_DIM, MODEL_NAME } from '../embed/protocol';
import type { BackgroundCalls, LibraryArticle } from '../shared/messages';
import {
  allArticles,
  allClaims,
  allVectors,
  articleCounts,
  clearLibrary,
  countAll,
  deleteArticles,
  listArticles,
  type VectorRecord,
} from '../store';
import { invalidateLibraryCaches } from './library';
import { seedLibrary } from './seeding';
import { articleLabel } from './summary';

type Result<M extends keyof BackgroundCalls> = BackgroundCalls[M]['result'];

/** Every stored article's metadata, label and counts, oldest added first. */
export async function libraryArticles(): Promise<LibraryArticle[]> {
  const articles = await listArticles();
  // Rows carry their counts since they were written with them; older rows are counted from the index keys
  // (a walk over every claim and mention key: seconds at 10,000 articles).
  const counts = articles.every((a) => a.claimCount !== undefined && a.mentionCount !== undefined) ? {} : await articleCounts();
  return articles.map(({ sortDate: _sortDate, claimCount, mentionCount, copies: _copies, ...article }) => ({
    ...article,
    label: articleLabel(article),
    claims: counts[article.id]?.claims ?? claimCount ?? 0,
    mentions: counts[article.id]?.mentions ?? mentionCount ?? 0,
  }));
}

/** Deletes articles with their claims and mentions; the claim index and events follow the new revision. */
export async function deleteLibraryArticles(ids: readonly string[]): Promise<Result<'deleteArticles'>> {
  try {
    const { deleted } = await deleteArticles(ids);
    return { deleted: deleted.length };
  } finally {
    invalidateLibraryCaches();
  }
}

/** Empties the library and seeds it again; the reader's site switches stay. */
export async function resetLibrary(build: string): Promise<Result<'resetLibrary'>> {
  try {
    await clearLibrary();
    await seedLibrary(build);
  } finally {
    invalidateLibraryCaches();
  }
  return { articles: (await countAll()).articles };
}

/** Characters a vector takes in a pack: its base64 codes, key, scale and separators. */
const VECTOR_CHARS = Math.ceil(MODEL_DIM / 3) * 4 + 48;

/**
 * The whole library as a pack, serialised, with a file name for the download. The claims' vectors
 * travel with the texts, so the importing profile does not embed them again; as many as keep the
 * file within the import limit (a claim without one is embedded after the import, as before).
 */
export async function exportLibrary(now: Date = new Date()): Promise<Result<'exportLibrary'>> {
  const [articles, claims, vectors] = await Promise.all([allArticles(), allClaims(), allVectors()]);
  const rows = articles.sort((a, b) => a.addedAt - b.addedAt || (a.seedNumber ?? 0) - (b.seedNumber ?? 0));
  const textOnly = JSON.stringify(buildLibraryPack(rows, now));
  const room = Math.max(0, Math.floor((IMPORT_LIMITS.chars - textOnly.length - 4096) / VECTOR_CHARS));
  const textOf = new Map(claims.map((c) => [c.id, c.text]));
  const byKey = new Map<string, VectorRecord>();
  for (const row of vectors) {
    if (byKey.size >= room) break;
    const text = row.model === MODEL_NAME && row.codes.length === MODEL_DIM ? textOf.get(row.claimId) : undefined;
    if (text !== undefined) byKey.set(claimTextKey(text), row);
  }
  const json = byKey.size ? JSON.stringify(buildLibraryPack(rows, now, encodeClaimVectors(MODEL_NAME, MODEL_DIM, byKey))) : textOnly;
  return { fileName: `parallax-library-${now.toISOString().slice(0, 10)}.json`, json, articles: rows.length };
}
