/** Public face of `core/library`: import from here, not from its files. */
export * from './analyze';
export * from './articleInput';
export * from './corpusNames';
export { articleDate, calendarDay, isIsoDay, parseIsoDay, type ArticleDate, type IsoDay } from '../text';
export * from './libraryArticle';
export * from './libraryImport';
export * from './libraryPack';
export * from './pack';
export * from './packClaimVectors';
export * from './packMerge';
export * from './pageMatch';
export * from './seeds';
export * from './shard';
export * from './url';
export * from './vectorsMerge';
