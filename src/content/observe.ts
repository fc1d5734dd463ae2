/**
 * DOM change tracking: the MutationObserver callback only records which
 * elements changed and (re)arms a debounce timer; the rescan happens later,
 * outside the callback. Past `MAX_RECORDS` mutations in one debounce window
 * we stop recording and ask for one full rescan instead (darkreader's rule).
 */

import { quietly } from './quiet';

/** Debounce before acting on DOM changes. */
export const DEBOUNCE_MS = 300;
/** More mutations than this in one window: one full rescan instead of many small ones. */
export const MAX_RECORDS = 1000;

/** What changed since the last flush: elements, or everything. */
export type DomChanges = { full: true } | { full: false; elements: Set<Element> };

/** Options for {@link watchDom}. */
export interface WatchOptions {
  /** Our own host: mutations inside it are ignored. */
  ownHost: () => Element | null;
  /** Called (debounced, outside the observer callback) with what changed. */
  onChanges: (changes: DomChanges) => void;
  signal: AbortSignal;
  delayMs?: number;
  maxRecords?: number;
}

/** Observes `target` (usually `<html>`, so body swaps are seen) until `signal` aborts. */
export function watchDom(target: Node, options: WatchOptions): void {
  const delay = options.delayMs ?? DEBOUNCE_MS;
  const max = options.maxRecords ?? MAX_RECORDS;
  let elements = new Set<Element>();
  let count = 0;
  let full = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const changes: DomChanges = full ? { full: true } : { full: false, elements };
    elements = new Set();
    count = 0;
    full = false;
    if (!options.signal.aborted) quietly(options.onChanges)(changes);
  };

  const observer = new MutationObserver((records) => {
    const host = options.ownHost();
    let relevant = false;
    for (const record of records) {
      const node = record.target;
      if (host && (node === host || host.contains(node))) continue;
      if (record.type === 'childList' && host && isOnly(record.addedNodes, host) && record.removedNodes.length === 0) continue;
      relevant = true;
      if (full) continue;
      if (++count > max) {
        full = true;
        elements.clear();
        continue;
      }
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (element) elements.add(element);
    }
    if (!relevant) return;
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });
  observer.observe(target, { childList: true, characterData: true, subtree: true });
  options.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}

function isOnly(nodes: NodeList, host: Element): boolean {
  return nodes.length === 1 && nodes[0] === host;
}
