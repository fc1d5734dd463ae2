/**
 * Vite's client types: `import.meta.glob` and `?raw` imports, with which the
 * background bundles the seed corpus.
 */
/// <reference types="vite/client" />
