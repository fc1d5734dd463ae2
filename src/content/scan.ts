/**
 * One (re)scan of the page's text, from collected blocks to painted ranges:
 *
 *   blocks ─► analyzePage (background, per batch) ─► name ranges ─► paint
 *                    └─ sentences ─► ClaimTracker ─► matchSentences ─► claim ranges ─► paint
 *
 * Names of each batch are painted as soon as its answer arrives, so claim
 * matching never delays the first highlights. Ranges are built in slices.
 */
import { BLOCK_TAGS, blockRange, type TextBlock } from './blocks';
import { batchesOf, nameEntries, sentencesOf, type AnalyzeBlocks, type EntityInfo } from './analysis';
import type { ClaimTracker, PageSentence } from './claims';
import type { ClaimEntry, HighlightEntry } from './rangeIndex';
import { createSlicer } from './slicer';

/** What a scan reads from and paints into: the page session. */
export interface ScanTarget {
  analyze: AnalyzeBlocks;
  claims: ClaimTracker;
  /** Names and kinds of the entities named on the page, filled from the background's answers. */
  entities: Map<string, EntityInfo>;
  /** Swaps entries in the index and the registered highlights. */
  replace(stale: HighlightEntry[], fresh: HighlightEntry[]): void;
}

/**
 * Analyses `blocks` and paints what the background found: `stale` entries
 * give way to the first batch's names. `fresh` for a full scan (a new
 * spotting context for the page), not for a rescan of changed blocks.
 */
export async function analyzeAndPaint(
  target: ScanTarget,
  blocks: TextBlock[],
  stale: HighlightEntry[],
  fresh: boolean,
  signal?: AbortSignal,
): Promise<void> {
  const sentences: PageSentence[] = [];
  let pending = stale;
  for (const batch of batchesOf(blocks)) {
    const analysis = await target.analyze(
      batch.map((b) => b.text),
      fresh && pending === stale,
    );
    if (signal?.aborted) return;
    // A new slicer after each await: time spent waiting for the background is not the page's.
    const names = analysis ? await nameEntries(batch, analysis, target.entities, createSlicer(signal)) : [];
    target.replace(pending, names);
    pending = [];
    if (analysis) sentences.push(...sentencesOf(batch, analysis));
  }
  if (pending.length) target.replace(pending, []);
  const matched = await target.claims.process(sentences, signal);
  if (signal?.aborted) return;
  await paintClaims(target, matched, signal);
  // The sentence model's links follow when ready; later scans do not wait for the model.
  void target.claims
    .refine(sentences, signal)
    .then((more) => (signal?.aborted ? undefined : paintClaims(target, more, signal)))
    .catch(() => undefined);
}

/** Claim ranges for matched sentences, built in slices, then painted. */
async function paintClaims(target: ScanTarget, matched: PageSentence[], signal?: AbortSignal): Promise<void> {
  if (matched.length === 0) return;
  const slicer = createSlicer(signal);
  const claims: ClaimEntry[] = [];
  for (const s of matched) {
    if (slicer.expired()) await slicer.next();
    const range = s.block.element.isConnected ? blockRange(s.block, s.start, s.end) : null;
    if (range) claims.push({ kind: 'claim', range, block: s.block, start: s.start, end: s.end, key: s.key });
  }
  target.replace([], claims);
}

/** Smallest set of block elements under `root` that contain every changed element; null when a full scan is needed. */
export function changedScopes(root: Element, elements: Set<Element>): Element[] | null {
  const scopes = new Set<Element>();
  for (const el of elements) {
    if (!el.isConnected || (!root.contains(el) && !el.contains(root))) continue;
    if (el.contains(root)) return null;
    let block: Element = el;
    while (block !== root && !BLOCK_TAGS.has(block.tagName.toUpperCase()) && block.parentElement) block = block.parentElement;
    if (block === root) return null;
    scopes.add(block);
  }
  return [...scopes].filter((s) => ![...scopes].some((o) => o !== s && o.contains(s)));
}
