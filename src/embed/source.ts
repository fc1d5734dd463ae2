/**
 * The one lazily-loaded model behind {@link embedSentences}. Where the files come from is a
 * {@link ModelSource} set once by the host (Node: `node.ts`; extension: `urls.ts`), so callers only
 * ever see `embedSentences(texts)`.
 */
import { useBackend, type BackendOptions } from './backend';
import { createEmbedder, type Embedder, type ModelFiles } from './model';

/** Loads the model's files and says which backend to run them on. */
export type ModelSource = () => Promise<{ files: ModelFiles; backend: BackendOptions }>;

let source: ModelSource | undefined;
let loading: Promise<Embedder> | undefined;
let backendName = '';

/** Sets where the model comes from. Replacing the source drops the loaded model. */
export function setModelSource(next: ModelSource): void {
  source = next;
  if (loading) void loading.then((e) => e.dispose()).catch(() => undefined);
  loading = undefined;
}

/** The loaded model, loading it on first use. Rejects if no source was set or the files fail to load. */
export function getEmbedder(): Promise<Embedder> {
  if (!source) return Promise.reject(new Error('embed: no model source set (call setModelSource, or useNodeModel in Node)'));
  if (!loading) {
    const from = source;
    loading = (async () => {
      const { files, backend } = await from();
      backendName = await useBackend(backend);
      return createEmbedder(files);
    })();
    // A failed load is not cached, so a later call can retry (e.g. after the host fixes its paths).
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/** Name of the TensorFlow.js backend in use ('' before the first load). */
export function embedBackend(): string {
  return backendName;
}

/** Default batch: USE-lite cost grows with total tokens, and 32 sentences keep peak memory small. */
export const DEFAULT_BATCH = 32;

/**
 * Embeds sentences with the shipped sentence model: one unit-length 512-d vector per text, in order.
 * Batches internally; `onProgress` sees the count done after each batch.
 */
export async function embedSentences(
  texts: string[],
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<Float32Array[]> {
  const embedder = await getEmbedder();
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += size) {
    out.push(...(await embedder.embed(texts.slice(i, i + size))));
    options.onProgress?.(out.length);
  }
  return out;
}
