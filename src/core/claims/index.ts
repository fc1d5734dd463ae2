/** Public face of `core/claims`: import from here, not from its files. */
export * from './attribution';
export * from './claims';
export * from './quantities';
export * from './time';
