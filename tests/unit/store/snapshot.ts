/** Every row of every store, for "the store is exactly as it was" assertions. */
import { ALL_STORES, db } from '../../../src/store';

/** Rows per store name, read in one transaction. */
export async function snapshotStore(): Promise<Record<string, unknown[]>> {
  const database = await db();
  const names = [...database.objectStoreNames];
  const tx = database.transaction(names);
  const rows = await Promise.all(names.map((name) => tx.objectStore(name).getAll()));
  return Object.fromEntries(names.map((name, i) => [name, rows[i] ?? []]));
}

/** The store names every snapshot covers at least. */
export const SNAPSHOT_STORES = ALL_STORES;
