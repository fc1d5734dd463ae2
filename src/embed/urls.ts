/**
 * Loading the model from URLs, for an extension page (background, offscreen document or worker)
 * that ships the same files in its package, e.g. `chrome.runtime.getURL('models/use/')`. Uses only
 * `fetch`, nothing Node- or DOM-specific.
 */
import type { ModelFiles } from './model';
import type { ModelSource } from './source';

/** Where the bundled files are: `modelBase` holds model.json, shards and vocab.json; `wasmBase` the `.wasm` files. */
export interface ModelUrls {
  modelBase: string;
  wasmBase?: string;
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`embed: ${url} answered ${res.status}`);
  return res;
}

/** A {@link ModelSource} that fetches the bundled files; without `wasmBase` it runs on the CPU backend. */
export function urlModelSource(urls: ModelUrls): ModelSource {
  const base = urls.modelBase.endsWith('/') ? urls.modelBase : urls.modelBase + '/';
  return async () => {
    const modelJson = (await (await fetchOk(base + 'model.json')).json()) as ModelFiles['modelJson'];
    const paths = modelJson.weightsManifest.flatMap((g) => g.paths);
    const shards = await Promise.all(paths.map(async (p) => (await fetchOk(base + p)).arrayBuffer()));
    const vocabulary = (await (await fetchOk(base + 'vocab.json')).json()) as ModelFiles['vocabulary'];
    return { files: { modelJson, shards, vocabulary }, backend: urls.wasmBase ? { wasmPaths: urls.wasmBase } : {} };
  };
}
