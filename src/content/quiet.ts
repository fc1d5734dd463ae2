/**
 * Errors from Parallax must never surface in the page (they would show in its
 * console and in its error handlers). Callbacks that the browser invokes for
 * us (timers, listeners, observers) go through `quietly`.
 */

/** Wraps a callback so that anything it throws is swallowed. */
export function quietly<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch {
      // Nothing useful to do in someone else's page; the next scan or hover starts afresh.
    }
  };
}
