/**
 * Pages first, background work after. The library's embedding job (vectors.ts) can run for an
 * hour after a large JSON Lines import; it must not make the page being read wait. Lexical
 * lookups (a page's `analyzePage` and `matchSentences`) mark themselves busy here, and the job
 * waits for a quiet moment before each of its short rounds. A model question that waits for the
 * job itself marks itself urgent, so the job never waits for the very page asking for it.
 */

/** How long after the last page lookup the background work waits. */
const QUIET_MS = 400;

let busy = 0;
let lastDone = 0;
let urgent = 0;

/** Runs a page's lookup, holding background work back until it and the next ones are done. */
export async function asPageLookup<T>(work: () => Promise<T>): Promise<T> {
  busy++;
  try {
    return await work();
  } finally {
    busy--;
    lastDone = Date.now();
  }
}

/** Runs work that waits for the background job (a model question), letting the job go on meanwhile. */
export async function asUrgent<T>(work: () => Promise<T>): Promise<T> {
  urgent++;
  try {
    return await work();
  } finally {
    urgent--;
  }
}

/**
 * Resolves once no page lookup is running or has just ended; at once when something urgent waits,
 * unless `strict` (work no question waits for, or that would stall a lookup's own store reads).
 */
export async function pagesQuiet(strict = false): Promise<void> {
  for (;;) {
    if (urgent > 0 && !strict) return;
    const wait = busy > 0 ? QUIET_MS : lastDone + QUIET_MS - Date.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
