/**
 * Which Parallax highlight is under a viewport point. Uses
 * `CSS.highlights.highlightsFromPoint` where the browser has it, else the
 * caret position at the point and the per-node span lists, confirmed against
 * the range's client rects (a caret snaps to the nearest text even in margins).
 */
import { liveRange } from './blocks';
import type { HighlightEntry, RangeIndex } from './rangeIndex';

type HitResult = { highlight?: unknown; ranges?: AbstractRange[] } | object;
type RegistryWithHits = { highlightsFromPoint?: (x: number, y: number) => HitResult[] };
type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** Names win over the claim sentence around them; then the shortest range. */
function pick(entries: HighlightEntry[]): HighlightEntry | null {
  let best: HighlightEntry | null = null;
  for (const e of entries) {
    if (!best) best = e;
    else if ((best.kind === 'claim') !== (e.kind === 'claim')) best = e.kind === 'claim' ? best : e;
    else if (e.end - e.start < best.end - best.start) best = e;
  }
  return best;
}

function rectsContain(range: AbstractRange, x: number, y: number): boolean {
  const rects = liveRange(range).getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

function caretAt(doc: CaretDoc, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The entry under `(x, y)`, or null. */
export function entryAtPoint(doc: Document, registry: unknown, index: RangeIndex, x: number, y: number): HighlightEntry | null {
  if (index.size === 0) return null;
  const hitsFrom = (registry as RegistryWithHits | null)?.highlightsFromPoint;
  if (typeof hitsFrom === 'function') {
    try {
      const hits = hitsFrom.call(registry, x, y);
      const found: HighlightEntry[] = [];
      let rangesGiven = false;
      for (const hit of hits) {
        const ranges = (hit as { ranges?: AbstractRange[] }).ranges;
        if (!Array.isArray(ranges)) continue;
        rangesGiven = true;
        for (const range of ranges) {
          const entry = index.forRange(range);
          if (entry) found.push(entry);
        }
      }
      if (rangesGiven) return pick(found);
    } catch {
      // An older shape of the API: fall back to the caret.
    }
  }
  const caret = caretAt(doc as CaretDoc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const candidates = index.at(caret.node, caret.offset).filter((e) => rectsContain(e.range, x, y));
  return pick(candidates);
}
