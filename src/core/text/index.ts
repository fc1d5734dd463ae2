/** Public face of `core/text`: import from here, not from its files. */
export * from './clean';
export * from './hash';
export * from './normalize';
export * from './sentences';
export * from './spelling';
export * from './dates';
export * from './transliterate';
