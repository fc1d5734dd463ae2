/**
 * Chooses the TensorFlow.js backend. WebAssembly with SIMD is several times faster than the plain-JS
 * CPU backend for USE-lite's matrix products; the CPU backend stays as the fallback when the `.wasm`
 * files cannot be loaded (a CSP without `wasm-unsafe-eval`, for instance).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

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
    try {
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return tf.getBackend();
      }
    } catch {
      // fall through to CPU
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}
