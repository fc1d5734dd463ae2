/** Public face of `core/entities`: import from here, not from its files. */
export * from './discover';
export * from './lexicon';
export * from './spot';
export * from './wordScan';
