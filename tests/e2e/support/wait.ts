/**
 * Polling helpers: the e2e tests wait for conditions, never for fixed times,
 * so a fast machine is not slowed down and a slow one gets the full budget.
 */

/** Options for {@link waitFor}. */
export interface WaitOptions {
  /** Give up after this many ms (default 15 s). */
  timeout?: number;
  /** Pause between tries (default 100 ms). */
  interval?: number;
  /** Describes the condition in the timeout error. */
  what?: string;
}

/**
 * Calls `probe` until it returns something other than `undefined`, `null` or
 * `false`, and returns that value. Errors thrown by the probe count as "not
 * yet" (a page may be navigating) but the last one is reported on timeout.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: WaitOptions = {},
): Promise<T> {
  const { timeout = 15_000, interval = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value as T;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${String((lastError as Error)?.message ?? lastError)})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
