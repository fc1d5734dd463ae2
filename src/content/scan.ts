/**
 * The whole name pipeline over one root, as one awaitable call: collect text
 * blocks, spot known names, build ranges. The content script uses it for each
 * (re)scan; `npm run bench` bundles it into test pages beside mark.js.
 *
 * Stable API (the benchmark depends on it):
 *   scanRoot(root, lexicon, options?) -> Promise<ScanResult>
 */
import type { EntityKind, Mention } from '../core/types';
import type { Lexicon } from '../core/entities';
import { createSpotContext, spotMentions, type SpotContext } from '../core/entities';
import { blockRange, type TextBlock } from './blocks';
import { collectBlocks } from './collect';
import { createSlicer } from './slicer';

/** One name found on the page, with the range that shows it. */
export interface ScannedMention {
  mention: Mention;
  kind: EntityKind;
  block: TextBlock;
  range: AbstractRange;
}

/** What one scan found and what it cost. */
export interface ScanResult {
  blocks: TextBlock[];
  mentions: ScannedMention[];
  /** Number of time slices the scan was cut into (1 = finished within one budget). */
  slices: number;
  /** Wall time from start to resolution, in ms (includes time yielded to the page). */
  elapsedMs: number;
}

/** Options for {@link scanRoot}. */
export interface ScanOptions {
  /** Stops the scan between slices (the promise rejects with an `AbortError`). */
  signal?: AbortSignal;
  /** Element never read (Parallax's own card host). */
  skip?: Element | null;
  /** Page-level spotting state; pass the same one to later partial rescans. */
  context?: SpotContext;
  /** Cap on nodes visited by the text walk. */
  maxNodes?: number;
  /** Milliseconds per slice (default 6). */
  budgetMs?: number;
}

/** Longest piece of one block spotted in one go (a giant block must not become one long task). */
export const CHUNK_CHARS = 8000;

/** Where to cut `text` at or before `limit`: after a line break or a sentence end, else a space. */
function cutPoint(text: string, from: number, limit: number): number {
  if (limit >= text.length) return text.length;
  const window = text.slice(from, limit);
  for (const mark of ['\n', '. ', ' ']) {
    const at = window.lastIndexOf(mark);
    if (at > 0) return from + at + mark.length;
  }
  return limit;
}

/** Spots names in already-collected blocks, in slices, building a range per mention. */
export async function spotBlocks(
  blocks: TextBlock[],
  lexicon: Lexicon,
  context: SpotContext,
  slicer: ReturnType<typeof createSlicer>,
): Promise<ScannedMention[]> {
  const found: ScannedMention[] = [];
  for (const block of blocks) {
    for (let from = 0; from < block.text.length;) {
      if (slicer.expired()) await slicer.next();
      const to = cutPoint(block.text, from, from + CHUNK_CHARS);
      const piece = from === 0 && to === block.text.length ? block.text : block.text.slice(from, to);
      for (const mention of spotMentions(piece, lexicon, context)) {
        const entity = lexicon.entities.get(mention.entityId);
        if (!entity) continue;
        const start = mention.start + from;
        const end = mention.end + from;
        const range = blockRange(block, start, end);
        if (range && !range.collapsed)
          found.push({ mention: from ? { ...mention, start, end } : mention, kind: entity.kind, block, range });
      }
      from = to;
    }
  }
  return found;
}

/**
 * Collects, spots and builds ranges for every known name under `root`, never
 * holding the main thread for more than one slice. Does not touch the DOM.
 */
export async function scanRoot(root: Element, lexicon: Lexicon, options: ScanOptions = {}): Promise<ScanResult> {
  const began = performance.now();
  const slicer = createSlicer(options.signal, options.budgetMs);
  const blocks = await collectBlocks(root, { signal: options.signal, skip: options.skip, maxNodes: options.maxNodes, slicer });
  const mentions = await spotBlocks(blocks, lexicon, options.context ?? createSpotContext(), slicer);
  return { blocks, mentions, slices: slicer.slices, elapsedMs: performance.now() - began };
}
