/**
 * Chooses the TensorFlow.js backend. WebAssembly with SIMD is several times faster than the plain-JS
 * CPU backend for USE-lite's matrix products; the CPU backend stays as the fallback when the `.wasm`
 * files cannot be loaded (a CSP without `wasm-unsafe-eval`, for instance).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let wasmFailure = '';

/** Why the WebAssembly backend could not start ('' when it did, or was not asked for). */
export function wasmFailureReason(): string {
  return wasmFailure;
}

/** Where the backend's files live: `wasmPaths` is a URL or path prefix ending in `/`, or absent for CPU only. */
export interface BackendOptions {
  wasmPaths?: string;
}

/**
 * Sets the backend once: WebAssembly when `wasmPaths` is given and it initialises, else CPU.
 * Returns the name of the backend in use.
 */
export async function useBackend(options: BackendOptions = {}): Promise<string> {
  if (options.wasmPaths !== undefined) {
    // Single thread: the threaded build needs cross-origin isolation in a browser, and on a shared
    // 2-core machine one thread per embedder is the honest budget.
    setWasmPaths(options.wasmPaths);
    setThreadsCount(1);
    // Without this flag the backend picks its threaded binary wherever SharedArrayBuffer exists (an
    // extension's worker), which is neither shipped nor usable without cross-origin isolation.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    // TensorFlow.js reports a failed backend start on the console and answers `false`: keep its words.
    const warn = console.warn;
    const said: string[] = [];
    console.warn = (...args: unknown[]) => void said.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    try {
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return tf.getBackend();
      }
      wasmFailure = said.join('; ') || 'the WebAssembly backend did not initialise';
    } catch (error) {
      // Fall through to CPU, saying why: the CPU backend is several times slower.
      wasmFailure = error instanceof Error ? error.message : String(error);
    } finally {
      console.warn = warn;
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}
