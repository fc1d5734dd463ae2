/**
 * The sentence-model worker: loads Universal Sentence Encoder lite from the files bundled in the
 * extension (`/models/use/`, the WebAssembly backend from `/wasm/`) on its first request and answers
 * each `EmbedRequest` with unit vectors. A dedicated worker, so that 20-40 ms of model time per
 * sentence never runs on the page's thread, nor on the extension pages' (popup, options) thread.
 */
import type { EmbedReply, EmbedRequest } from './protocol';
import { embedBackend, embedSentences, setModelSource } from './source';
import { wasmFailureReason } from './backend';
import { urlModelSource } from './urls';

/** The worker's own scope, typed just enough (the project's DOM typings describe a window). */
interface WorkerScope {
  location: { href: string };
  onmessage: ((event: { data: EmbedRequest }) => void) | null;
  postMessage(message: EmbedReply): void;
}

const scope = globalThis as unknown as WorkerScope;
const extensionRoot = new URL('/', scope.location.href).href;
setModelSource(urlModelSource({ modelBase: extensionRoot + 'models/use/', wasmBase: extensionRoot + 'wasm/' }));

/** Requests run one at a time, in order: the model is one resource. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, texts } = event.data;
  queue = queue.then(async () => {
    try {
      const vectors = await embedSentences(texts);
      const failure = wasmFailureReason();
      const backend = embedBackend() + (failure ? ` (WebAssembly failed: ${failure})` : '');
      scope.postMessage({ id, vectors: vectors.map((v) => Array.from(v)), backend });
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
};
