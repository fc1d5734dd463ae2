/**
 * Opening the library database: one module-level `dbPromise`, reopened when
 * the browser closes the connection or another context needs to upgrade.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, upgradeParallaxDB, type ParallaxDB } from './schema';

/** Options for `openParallaxDB`; tests use other names and old versions. */
export interface OpenOptions {
  name?: string;
  version?: number;
}

/** Opens (creating or upgrading) a library database. Callers own the connection. */
export function openParallaxDB(options: OpenOptions = {}): Promise<IDBPDatabase<ParallaxDB>> {
  const version = options.version ?? DB_VERSION;
  return openDB<ParallaxDB>(options.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      upgradeParallaxDB(db, oldVersion, newVersion ?? version, tx);
    },
  });
}

let dbPromise: Promise<IDBPDatabase<ParallaxDB>> | undefined;

/** The shared connection to the library, opened on first use. */
export function db(): Promise<IDBPDatabase<ParallaxDB>> {
  if (!dbPromise) {
    const opening = openDB<ParallaxDB>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        upgradeParallaxDB(database, oldVersion, newVersion ?? DB_VERSION, tx);
      },
      // A newer build in another context wants to upgrade: let it, reopen on next use.
      blocking() {
        void opening.then((database) => database.close());
        if (dbPromise === opening) dbPromise = undefined;
      },
      // The browser closed the connection (storage cleared, disk error): reopen on next use.
      terminated() {
        if (dbPromise === opening) dbPromise = undefined;
      },
    });
    // A failed open must not stick: the next call tries again.
    opening.catch(() => {
      if (dbPromise === opening) dbPromise = undefined;
    });
    dbPromise = opening;
  }
  return dbPromise;
}

/** Closes the shared connection (tests, and before deleting the database). */
export async function closeDB(): Promise<void> {
  const current = dbPromise;
  dbPromise = undefined;
  if (current) (await current).close();
}
