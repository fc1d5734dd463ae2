/**
 * Import progress for the options page. The background broadcasts to the
 * extension's own pages (`runtime.sendMessage` never reaches web pages or
 * content scripts); at most one message per 100 ms and one at each phase's end.
 */
import { browser } from '../shared/browser';
import type { ImportProgress } from '../shared/messages';

const INTERVAL_MS = 100;
let lastSent = 0;

/** Sends one progress message unless one went out less than 100 ms ago. */
export function reportImportProgress(importId: string, phase: ImportProgress['phase'], done: number, total: number): void {
  const now = Date.now();
  if (done < total && now - lastSent < INTERVAL_MS) return;
  lastSent = now;
  const message = { parallax: 1, method: 'importProgress', params: { importId, phase, done, total } satisfies ImportProgress };
  // No options page open: nobody receives it, which is fine.
  void Promise.resolve()
    .then(() => browser.runtime.sendMessage(message))
    .catch(() => undefined);
}
