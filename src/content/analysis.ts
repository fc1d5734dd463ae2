/**
 * The page's side of `analyzePage`: blocks go to the background in batches
 * (their text only), and its answer comes back as offsets into those blocks,
 * which become ranges here, in slices. The answer is checked against the
 * blocks it is about (index, offsets, kind), so a stale or odd answer can
 * only be dropped, never throw or paint outside a block.
 */
import type { EntityKind } from '../core/types';
import type { PageAnalysis } from '../shared/messages';
import { blockRange, type TextBlock } from './blocks';
import type { PageSentence } from './claims';
import type { NameEntry } from './rangeIndex';
import type { Slicer } from './slicer';

/** Asks the background about a batch of block texts; `fresh` starts the page's spotting context anew. Null when it could not answer. */
export type AnalyzeBlocks = (blocks: string[], fresh: boolean) => Promise<PageAnalysis | null>;

/** What the popup and the cards show for an entity named on the page. */
export interface EntityInfo {
  name: string;
  kind: EntityKind;
}

/** Characters per `analyzePage` call: small enough that the first names arrive early on a huge page. */
export const BATCH_CHARS = 200_000;
/** Blocks per `analyzePage` call. */
export const BATCH_BLOCKS = 2_000;
/** Ranges built between two looks at the slice clock. */
const RANGES_PER_CHECK = 64;
const KINDS = new Set<string>(['place', 'person', 'org']);

/** Blocks cut into batches of at most {@link BATCH_CHARS} characters and {@link BATCH_BLOCKS} blocks (a giant block goes alone). */
export function batchesOf(blocks: TextBlock[]): TextBlock[][] {
  const batches: TextBlock[][] = [];
  let batch: TextBlock[] = [];
  let chars = 0;
  for (const block of blocks) {
    if (batch.length && (chars + block.text.length > BATCH_CHARS || batch.length >= BATCH_BLOCKS)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(block);
    chars += block.text.length;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/** The block an answer's offsets point into, or undefined when they do not fit it. */
function blockAt(batch: TextBlock[], index: number, start: number, end: number): TextBlock | undefined {
  const block = Number.isInteger(index) ? batch[index] : undefined;
  if (!block || !Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  return start >= 0 && start < end && end <= block.text.length ? block : undefined;
}

/**
 * Name entries for one analysed batch, ranges built in slices. Records each
 * named entity's name and kind in `entities`.
 */
export async function nameEntries(
  batch: TextBlock[],
  analysis: PageAnalysis,
  entities: Map<string, EntityInfo>,
  slicer: Slicer,
): Promise<NameEntry[]> {
  for (const e of analysis.entities) if (KINDS.has(e.kind)) entities.set(e.id, { name: e.name, kind: e.kind });
  const entries: NameEntry[] = [];
  for (let i = 0; i < analysis.mentions.length; i++) {
    if (i % RANGES_PER_CHECK === 0 && slicer.expired()) await slicer.next();
    const { block: index, start, end, entityId, surface } = analysis.mentions[i]!;
    const block = blockAt(batch, index, start, end);
    const entity = entities.get(entityId);
    if (!block || !entity) continue;
    const range = blockRange(block, start, end);
    if (range && !range.collapsed) entries.push({ kind: entity.kind, range, block, start, end, entityId, surface: String(surface) });
  }
  return entries;
}

/** The batch's sentences to match, tied to their blocks. */
export function sentencesOf(batch: TextBlock[], analysis: PageAnalysis): PageSentence[] {
  const out: PageSentence[] = [];
  for (const { block: index, start, end, key } of analysis.sentences) {
    const block = blockAt(batch, index, start, end);
    if (block && typeof key === 'string') out.push({ key, block, start, end });
  }
  return out;
}
