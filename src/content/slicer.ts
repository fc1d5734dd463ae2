/**
 * Cooperative time slicing for work done in the host page's main thread.
 * Issue 2 allows no task over 50 ms; we aim far lower (one slice of ~6 ms),
 * like uBlock's `doSurvey`, and yield to the page between slices.
 */

/** Default budget of one slice, in milliseconds. */
export const SLICE_MS = 6;

/** A clock over one piece of sliced work. */
export interface Slicer {
  /** True once the current slice has used its budget: the caller should `await next()`. */
  expired(): boolean;
  /** Yields to the page, then starts a new slice. Rejects with `AbortError` when aborted. */
  next(): Promise<void>;
  /** Number of slices started so far. */
  readonly slices: number;
}

type SchedulerLike = { yield?: () => Promise<void> };

/** Yields the main thread: `scheduler.yield` where available, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Creates a slicer with `budgetMs` per slice that stops when `signal` aborts. */
export function createSlicer(signal?: AbortSignal, budgetMs = SLICE_MS): Slicer {
  let sliceStart = performance.now();
  let slices = 1;
  return {
    expired: () => performance.now() - sliceStart >= budgetMs,
    async next() {
      await yieldToPage();
      if (signal?.aborted) throw abortError();
      sliceStart = performance.now();
      slices++;
    },
    get slices() {
      return slices;
    },
  };
}

/** The error sliced work rejects with once aborted (callers treat it as a quiet stop). */
export function abortError(): Error {
  const error = new Error('Parallax scan aborted');
  error.name = 'AbortError';
  return error;
}

/** True for the error of an aborted scan. */
export function isAbort(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'AbortError';
}
