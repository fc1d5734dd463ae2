/**
 * Every test owns its database: a fresh fake-indexeddb factory per test, so no
 * test sees another's rows, whatever order they run in. idb opens through the
 * global `indexedDB` at call time, so replacing it (after closing the shared
 * connection) is all a test needs.
 */
import { IDBFactory } from 'fake-indexeddb';
import { closeDB } from '../../../src/store';

/** Closes the library's shared connection and gives the next open an empty IndexedDB. */
export async function freshDatabase(): Promise<void> {
  await closeDB();
  globalThis.indexedDB = new IDBFactory();
}
