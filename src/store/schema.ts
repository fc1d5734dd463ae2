/**
 * The IndexedDB schema of the Parallax library and its upgrade ladder.
 *
 *   version 1: articles, entities (byKind), mentions (byEntity, byArticle)
 *   version 2: + claims (byArticle, byEntity multiEntry), events, meta;
 *              articles gain a byUrl index (built over the v1 rows in place)
 *   version 3: articles gain `sortDate` (given date, else inferred) and a byDate
 *              index, so article dates are read from the index without loading texts;
 *              older rows are migrated in the upgrade transaction
 *   version 4: + vectors (byArticle): each claim's int8 sentence vector, embedded
 *              once in the background, never per page
 *
 * Every step is an `if (oldVersion < N)` block, so a database at any older
 * version climbs the ladder without losing rows. A step also checks
 * `newVersion`, so a test can open a database at an old version on purpose.
 */
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { ClaimIndexSnapshotData } from '../core/matching';
import { articleDate } from '../core/library';
import type { ArticleMeta, Claim, Entity, Mention, NewsEvent, Sentence } from '../core/types';

/** Database name in every browser profile. */
export const DB_NAME = 'parallax';
/** The current schema version; the top of the ladder. */
export const DB_VERSION = 4;

/** An article row: its metadata, the cleaned text and its sentences. */
export interface ArticleRecord extends ArticleMeta {
  text: string;
  sentences: Sentence[];
  /** 1-based position among the bundled seeds, for "Seed article N" labels. */
  seedNumber?: number;
  /** When the row was written (ms since epoch), for "recently added" lists. */
  addedAt: number;
  /** The given date, else the inferred one (YYYY-MM-DD); indexed by `byDate`. */
  sortDate?: string;
  /** Claims and mentions written with the article (rows written before these fields are counted from the indexes). */
  claimCount?: number;
  mentionCount?: number;
  /** Pages read with "save articles I read here" on that carry this article's text: copies, not other outlets. */
  copies?: ArticleCopy[];
}

/** A syndicated copy of a stored article, seen at another URL (never stored as an article of its own). */
export interface ArticleCopy {
  url: string;
  title?: string;
  /** When it was first seen (ms since epoch). */
  seenAt: number;
}

/** The date an article row is filed under: the core's date rule (given first, else inferred). */
export function sortDateOf(article: Pick<ArticleMeta, 'date' | 'inferredDate'>): string | undefined {
  return articleDate(article)?.date;
}

/** A mention row; the key `${articleId}:${start}` makes re-writing an article idempotent. */
export interface MentionRecord extends Mention {
  key: string;
  articleId: string;
  /** Index of the sentence that contains the mention, -1 when none does. */
  sentenceIndex: number;
}

/** A claim's sentence vector: int8 codes and their scale, from the named model. */
export interface VectorRecord {
  claimId: string;
  articleId: string;
  /** The sentence model it comes from; vectors of another model are re-embedded. */
  model: string;
  codes: Int8Array;
  scale: number;
}

/** What the library has seeded, written last in a seeding run. */
export interface SeedMarker {
  /** Hash of the bundled seed texts, gazetteer and sidecar: a new build with new seeds re-seeds. */
  version: string;
  articleIds: string[];
  at: number;
}

/** Events as last clustered, with the library revision they were clustered at. */
export interface EventsSnapshot {
  revision: number;
  at: number;
}

/** A claim-index snapshot, valid only while the library revision is unchanged. */
export interface ClaimIndexSnapshot {
  revision: number;
  index: ClaimIndexSnapshotData;
}

/** The typed `meta` rows: one key, one value type. */
export interface MetaValues {
  seed: SeedMarker;
  /** Incremented in the same transaction as every article write. */
  revision: number;
  claimIndex: ClaimIndexSnapshot;
  events: EventsSnapshot;
  /** An import being written; deleted in the import's own transaction, so one left over was cut off. */
  importJournal: ImportJournal;
  /** What happened to the last import that did not finish, for the options page to say once. */
  importNotice: ImportNotice;
  /** Per-site switches, by host name (kept by a library reset). */
  sites: Record<string, SiteSettings>;
}

/** An import in progress: written before the import's transaction opens. */
export interface ImportJournal {
  id: string;
  /** The file's name, as the reader chose it. */
  name: string;
  articles: number;
  startedAt: number;
}

/** An import that did not finish: stopped mid-way (found at the next start) or failed while writing. */
export interface ImportNotice extends ImportJournal {
  outcome: 'interrupted' | 'failed';
  detail?: string;
  at: number;
}

/** The reader's switches for one site. */
export interface SiteSettings {
  /** False: Parallax neither highlights nor matches on this site. */
  enabled: boolean;
  /** "Save articles I read here": the background saves each article read on the site once. */
  autoSave: boolean;
}

/** A `meta` row. */
export type MetaRecord = { [K in keyof MetaValues]: { key: K; value: MetaValues[K] } }[keyof MetaValues];

/** The library's IndexedDB schema, as a type. */
export interface ParallaxDB extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { byUrl: string; byDate: string } };
  entities: { key: string; value: Entity; indexes: { byKind: string } };
  mentions: { key: string; value: MentionRecord; indexes: { byEntity: string; byArticle: string } };
  claims: { key: string; value: Claim; indexes: { byArticle: string; byEntity: string } };
  events: { key: string; value: NewsEvent };
  meta: { key: string; value: MetaRecord };
  vectors: { key: string; value: VectorRecord; indexes: { byArticle: string } };
}

/** Every store name, for whole-library transactions. */
export const ALL_STORES = ['articles', 'entities', 'mentions', 'claims', 'events', 'meta', 'vectors'] as const;

type UpgradeTx = IDBPTransaction<ParallaxDB, StoreNames<ParallaxDB>[], 'versionchange'>;

/**
 * The upgrade ladder. `newVersion` bounds the climb so that old versions can be
 * created on purpose (the upgrade test writes a v1 library, then reopens at v2).
 */
export function upgradeParallaxDB(db: IDBPDatabase<ParallaxDB>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1 && newVersion >= 1) {
    // v1 had no byUrl index: it is added in v2 on the existing store.
    db.createObjectStore('articles', { keyPath: 'id' });
    const entities = db.createObjectStore('entities', { keyPath: 'id' });
    entities.createIndex('byKind', 'kind');
    const mentions = db.createObjectStore('mentions', { keyPath: 'key' });
    mentions.createIndex('byEntity', 'entityId');
    mentions.createIndex('byArticle', 'articleId');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    const claims = db.createObjectStore('claims', { keyPath: 'id' });
    claims.createIndex('byArticle', 'articleId');
    claims.createIndex('byEntity', 'entities', { multiEntry: true });
    db.createObjectStore('events', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
    // Indexing an existing store runs over its v1 rows inside this upgrade transaction.
    tx.objectStore('articles').createIndex('byUrl', 'url');
  }
  if (oldVersion < 3 && newVersion >= 3) {
    const articles = tx.objectStore('articles');
    articles.createIndex('byDate', 'sortDate');
    // The upgrade transaction stays open while its own requests chain; a failure aborts the upgrade.
    void fileUnderDates(articles).catch(() => tx.abort());
  }
  if (oldVersion < 4 && newVersion >= 4) {
    // Empty at first: the background embeds every claim without a vector after the upgrade.
    db.createObjectStore('vectors', { keyPath: 'claimId' }).createIndex('byArticle', 'articleId');
  }
}

/** v3 migration: gives every older article row its `sortDate`. */
async function fileUnderDates(articles: IDBPObjectStore<ParallaxDB, StoreNames<ParallaxDB>[], 'articles', 'versionchange'>): Promise<void> {
  let cursor = await articles.openCursor();
  while (cursor) {
    const row = cursor.value;
    const date = sortDateOf(row);
    if (date && row.sortDate !== date) await cursor.update({ ...row, sortDate: date });
    cursor = await cursor.continue();
  }
}
