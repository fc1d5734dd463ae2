/**
 * The claim index as the extension keeps it between service-worker starts: one IndexedDB value
 * that is fast to read and to restore. A pack's `ClaimIndexJSON` holds every claim as an object
 * graph, and structured-cloning 100,000 of them back, then rebuilding, kept a restarted worker
 * busy for seconds. Here the term ids sit in flat `Int32Array`s (cloned as one block of memory)
 * and the claims in one string of JSON lines, parsed one by one when a query first needs them.
 */

/**
 * The snapshot's format version: another value means another build wrote it (rebuild instead).
 * Earlier builds stored the pack's `ClaimIndexJSON` (its `version` is 1) under the same key.
 */
export const SNAPSHOT_VERSION = 2;

/** Flat lists: entry i is `values[ends[i-1] .. ends[i])`. */
export interface FlatLists {
  values: Int32Array;
  ends: Int32Array;
}

/** The claim index, serialised for the extension's own store. */
export interface ClaimIndexSnapshotData {
  version: typeof SNAPSHOT_VERSION;
  plain: boolean;
  /** Article ids and their dates (given or inferred), newline-joined, in the same order. */
  datedArticles: string;
  articleDays: string;
  /** The term dictionary (newline-joined) with per-term capitalised and total occurrences. */
  terms: string;
  cap: Int32Array;
  seen: Int32Array;
  /** Per doc: claim id, article id (newline-joined), its claim as one JSON line. */
  ids: string;
  articles: string;
  claims: string;
  /** Per doc: term ids, clause starts, speaker term ids. */
  termIds: FlatLists;
  clauses: FlatLists;
  speakers: FlatLists;
}

/** Packs lists of numbers into one `FlatLists`. */
export function flatten(lists: ReadonlyArray<ArrayLike<number> | undefined>): FlatLists {
  let total = 0;
  for (const list of lists) total += list?.length ?? 0;
  const values = new Int32Array(total);
  const ends = new Int32Array(lists.length);
  let at = 0;
  lists.forEach((list, i) => {
    if (list) for (let k = 0; k < list.length; k++) values[at++] = list[k]!;
    ends[i] = at;
  });
  return { values, ends };
}

/** Entry `i` of flat lists: a view, not a copy. */
export function entry(lists: FlatLists, i: number): Int32Array {
  return lists.values.subarray(i === 0 ? 0 : lists.ends[i - 1]!, lists.ends[i]!);
}

/** Joins strings that never contain a newline (ids, folded terms, JSON lines); throws otherwise. */
export function joinLines(values: readonly string[]): string {
  for (const v of values) if (v.includes('\n')) throw new Error('a snapshot value holds a newline');
  return values.join('\n');
}

/** The inverse of `joinLines` for `count` values. */
export function splitLines(text: string, count: number): string[] {
  if (count === 0) return [];
  const values = text.split('\n');
  if (values.length !== count) throw new Error(`snapshot damaged: ${values.length} values where ${count} were written`);
  return values;
}
