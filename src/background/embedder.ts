/**
 * Where the background gets sentence vectors from. The model runs in a dedicated worker, never on
 * a page's thread nor the background's: Firefox's event page starts the worker itself; Chrome's
 * service worker cannot, so it opens an offscreen document that hosts the worker (the `offscreen`
 * permission exists for this alone). The state is kept for the panel: loading, ready, or failed
 * with the reason, in which case matching goes on with words alone.
 */
import type { EmbedCallReply } from '../shared/embedCall';
import { ModelWorkerClient } from '../embed/workerClient';

/** What the panel says about the sentence model. */
export interface ModelState {
  state: 'idle' | 'loading' | 'ready' | 'failed';
  /** The runtime's backend when ready ('wasm' or 'cpu'), the error when failed. */
  detail?: string;
}

let modelState: ModelState = { state: 'idle' };

/** The model's state now. */
export function currentModelState(): ModelState {
  return modelState;
}

/**
 * Chrome's offscreen API and message sending, typed just enough. Chrome-only, so `chrome.*` is used
 * directly rather than through the polyfill (which does not wrap `offscreen`).
 */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}
type ChromeGlobal = { offscreen?: OffscreenApi; runtime?: { sendMessage(message: unknown): Promise<unknown> } };

function chromeApi(): ChromeGlobal | undefined {
  return (globalThis as { chrome?: ChromeGlobal }).chrome;
}

function offscreenApi(): OffscreenApi | undefined {
  return chromeApi()?.offscreen;
}

/** An embedder in this process instead of a worker: the background's tests run the Node runtime here. */
let inProcess: ((texts: string[]) => Promise<Float32Array[]>) | undefined;

/** Makes the background embed in this process with `embed` (undefined: back to the worker). */
export function useInProcessEmbedder(embed: ((texts: string[]) => Promise<Float32Array[]>) | undefined): void {
  inProcess = embed;
}

/** Whether this background can run the model at all (a Worker, Chrome's offscreen documents, or an in-process embedder). */
export function modelHostAvailable(): boolean {
  return inProcess !== undefined || typeof Worker === 'function' || offscreenApi() !== undefined;
}

let client: ModelWorkerClient | undefined;
let offscreenReady: Promise<void> | undefined;

/** Opens the offscreen document once (it survives the service worker's restarts; `hasDocument` tells). */
function ensureOffscreen(api: OffscreenApi): Promise<void> {
  offscreenReady ??= (async () => {
    if (api.hasDocument && (await api.hasDocument())) return;
    await api.createDocument({
      url: 'src/offscreen/index.html',
      reasons: ['WORKERS'],
      justification: 'Runs the bundled sentence model in a worker, off every page.',
    });
  })().catch((error: unknown) => {
    offscreenReady = undefined;
    throw error;
  });
  return offscreenReady;
}

async function embedRaw(texts: string[]): Promise<{ vectors: number[][]; backend: string }> {
  if (inProcess) return { vectors: (await inProcess(texts)).map((v) => Array.from(v)), backend: 'in-process' };
  if (typeof Worker === 'function') {
    client ??= new ModelWorkerClient(new Worker(new URL('../embed/worker.ts', import.meta.url)));
    const vectors = await client.embed(texts);
    return { vectors, backend: client.backend };
  }
  const api = offscreenApi();
  if (!api) throw new Error('no way to run the sentence model here (no Worker, no offscreen document)');
  await ensureOffscreen(api);
  const reply = (await chromeApi()?.runtime?.sendMessage({ type: 'parallax-embed', texts })) as EmbedCallReply | undefined;
  if (!reply) throw new Error('the offscreen document did not answer');
  if ('error' in reply) throw new Error(reply.error);
  return reply;
}

/**
 * Unit vectors of `texts`, in order. Rejects when the model cannot run; the state then says why
 * and later calls try again (a worker stopped by the browser is restarted).
 */
export async function embedTexts(texts: string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  if (modelState.state !== 'ready') modelState = { state: 'loading' };
  try {
    const { vectors, backend } = await embedRaw(texts);
    modelState = { state: 'ready', detail: backend };
    return vectors.map((v) => Float32Array.from(v));
  } catch (error) {
    client?.terminate();
    client = undefined;
    modelState = { state: 'failed', detail: error instanceof Error ? error.message : String(error) };
    throw error;
  }
}
