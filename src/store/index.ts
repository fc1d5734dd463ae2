/**
 * The library store: IndexedDB through idb. Import from here, not from the
 * individual files.
 */
export { db, closeDB, openParallaxDB, type OpenOptions } from './db';
export * from './schema';
export * from './queries';
export {
  putAnalyzedArticle,
  prepareArticleRecords,
  writeArticleRecords,
  sentenceIndexAt,
  ARTICLE_STORES,
  type AnalyzedArticleInput,
  type PreparedArticle,
} from './writeArticle';
export {
  beginImport,
  commitImport,
  recoverInterruptedImport,
  recordFailedImport,
  importNotice,
  dismissImportNotice,
  type CommitProgress,
} from './importCommit';
export { articleCounts, allArticles, deleteArticles, clearLibrary, siteSettings, setSiteSettings } from './manage';
export { allVectors, vectorClaimIds, vectorCount, putVectors, deleteVectors } from './vectors';
export { replaceArticleVersion, noteArticleCopy, MAX_COPIES } from './savedVersions';
