/**
 * Text blocks: the text of one block-level element, gathered from its text
 * nodes so that a name split across inline elements ("Volodymyr <b>Zelensky</b>")
 * is one string for the spotter, with a map from block offsets back to nodes.
 */

/** The text of one block element and where each piece came from. */
export interface TextBlock {
  /** Nearest block-level ancestor of the text nodes. */
  element: Element;
  /** Concatenated text (a newline stands for `<br>` and for interruptions by nested blocks). */
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins. */
  starts: number[];
  /** Position of the block in the scan, for document order. */
  order: number;
}

/** A text position: a node and an offset in it. */
export interface NodePoint {
  node: Text;
  offset: number;
}

/** Tags whose element starts a new block of text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Finds the node holding block offset `offset`; `atEnd` prefers the node that ends there. */
export function pointAt(block: TextBlock, offset: number, atEnd = false): NodePoint | null {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  // Last node whose start is < offset (atEnd) or <= offset (start).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (atEnd ? s < offset : s <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  const local = offset - starts[lo]!;
  const length = node.data.length;
  if (local < 0) return { node, offset: 0 };
  // Offset inside a separator we inserted: clamp to the node's end.
  return { node, offset: Math.min(local, length) };
}

/**
 * A range over block offsets `[start, end)`. Prefers `StaticRange` (cheap, not
 * live: we rebuild on DOM changes anyway); falls back to a live `Range`.
 */
export function blockRange(block: TextBlock, start: number, end: number): AbstractRange | null {
  const from = pointAt(block, start, false);
  const to = pointAt(block, end, true);
  if (!from || !to) return null;
  const init = { startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset };
  if (typeof StaticRange === 'function') return new StaticRange(init);
  const range = block.element.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Length of a node in range offsets. */
function nodeLength(node: Node): number {
  return node.nodeType === 3 || node.nodeType === 8 ? (node as CharacterData).length : node.childNodes.length;
}

/**
 * A live `Range` equal to an abstract range (for geometry: `StaticRange` has
 * none). Offsets are clamped: a `StaticRange` does not follow text edits, and
 * the page may have shortened a node since the last scan.
 */
export function liveRange(range: AbstractRange): Range {
  if (range instanceof Range) return range;
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, Math.min(range.startOffset, nodeLength(range.startContainer)));
  live.setEnd(range.endContainer, Math.min(range.endOffset, nodeLength(range.endContainer)));
  return live;
}
