/** Public face of `core/events`: import from here, not from its files. */
export * from './events';
