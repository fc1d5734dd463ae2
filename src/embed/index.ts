/**
 * The sentence-model runtime (Universal Sentence Encoder lite on TensorFlow.js), the public face.
 *
 * Usage in Node: `useNodeModel(); const vecs = await embedSentences(['...'])` (import `useNodeModel`
 * from `src/embed/node`, which is kept apart because it needs `node:fs`). In an extension page:
 * `setModelSource(urlModelSource({ modelBase, wasmBase }))` once, then the same `embedSentences`.
 */
export { embedSentences, embedBackend, getEmbedder, setModelSource, DEFAULT_BATCH, type ModelSource } from './source';
export { createEmbedder, type Embedder, type ModelFiles } from './model';
export { useBackend, type BackendOptions } from './backend';
export { urlModelSource, type ModelUrls } from './urls';
