/** Public face of `core/matching`: import from here, not from its files. */
export * from './claimIndex';
export * from './compare';
export * from './terms';
export * from './stem';
export * from './relation';
export * from './boilerplate';
export * from './copies';
export * from './modelLinks';
export * from './nearest';
export * from './evidence';
export { SNAPSHOT_VERSION, type ClaimIndexSnapshotData } from './indexSnapshot';
