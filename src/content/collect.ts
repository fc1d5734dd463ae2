/**
 * Collects the text of a root element into blocks, in time slices, with a
 * cap on the nodes visited. One `TreeWalker` over elements and text; skipped
 * subtrees (scripts, form fields, editors, SVG, frames, our own host) are
 * rejected whole so their text is never read. Only the article's own text
 * is kept: navigation, captions, link lists and boxes about other stories are
 * left out (see `boilerplate.ts`).
 */
import { BoxJudge, isNonProse } from './boilerplate';
import { BLOCK_TAGS, type TextBlock } from './blocks';
import { createSlicer, type Slicer } from './slicer';

/** Elements whose content is never page prose (or is the user's own input). */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'BUTTON',
  'SVG',
  'MATH',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'CODE',
  'KBD',
  'SAMP',
  'HEAD',
]);

/** Options for {@link collectBlocks}. */
export interface CollectOptions {
  /** Aborts the walk between slices. */
  signal?: AbortSignal;
  /** Nodes (elements and text) visited at most; the rest of the page is left alone. */
  maxNodes?: number;
  /** Element to skip (Parallax's own card host). */
  skip?: Element | null;
  /** Shared slicer, so collection and spotting share one budget. */
  slicer?: Slicer;
  /**
   * The article's root when `root` is a part of it (a rescan of changed blocks):
   * a part inside navigation or a caption yields nothing, and boxes are judged up to here.
   */
  articleRoot?: Element | null;
  /** Keep every block, boxes about other stories included (default false). */
  keepBoxes?: boolean;
}

/** Default cap on visited nodes: enough for the longest real articles, bounded for hostile pages. */
export const MAX_NODES = 250_000;

/** True when an element's subtree must not be read or highlighted. */
export function isSkipped(el: Element, skip?: Element | null): boolean {
  if (el === skip) return true;
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return (el as HTMLElement).isContentEditable === true;
}

function blockOf(el: Element, root: Element, cache: Map<Element, Element>): Element {
  const cached = cache.get(el);
  if (cached) return cached;
  let block = el;
  while (block !== root && !BLOCK_TAGS.has(block.tagName.toUpperCase()) && block.parentElement) block = block.parentElement;
  cache.set(el, block);
  return block;
}

/** True when `el` or an ancestor up to (not including) `articleRoot` is navigation, a caption or the like. */
function insideNonProse(el: Element, articleRoot: Element): boolean {
  if (el === articleRoot || !articleRoot.contains(el)) return false;
  for (let at: Element | null = el; at && at !== articleRoot; at = at.parentElement) if (isNonProse(at)) return true;
  return false;
}

/** Walks `root` and returns its text blocks in document order. Rejects with AbortError when aborted. */
export async function collectBlocks(root: Element, options: CollectOptions = {}): Promise<TextBlock[]> {
  const doc = root.ownerDocument;
  const slicer = options.slicer ?? createSlicer(options.signal);
  const maxNodes = options.maxNodes ?? MAX_NODES;
  const skip = options.skip ?? null;
  const keepBoxes = options.keepBoxes === true;
  const articleRoot = options.articleRoot ?? root;
  if (!keepBoxes && insideNonProse(root, articleRoot)) return [];
  const filter = (node: Node): number => {
    if (node.nodeType !== 1) return 1; // NodeFilter.FILTER_ACCEPT
    const el = node as Element;
    // FILTER_REJECT skips the subtree; FILTER_SKIP descends
    return isSkipped(el, skip) || (!keepBoxes && el !== root && isNonProse(el)) ? 2 : 3;
  };
  const linkCache = new Map<Element, boolean>();
  const inLink = (el: Element) => {
    let linked = linkCache.get(el);
    if (linked === undefined) linkCache.set(el, (linked = el.closest('a[href]') !== null));
    return linked;
  };
  // SHOW_ELEMENT (1) | SHOW_TEXT (4); BR is the only element we stop at.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode: (node) => (node.nodeType === 1 && (node as Element).tagName.toUpperCase() === 'BR' ? 1 : filter(node)),
  });
  type Building = TextBlock & { parts: string[]; length: number; letters: number; linked: number };
  const blocks: Building[] = [];
  const byElement = new Map<Element, Building>();
  const cache = new Map<Element, Element>();
  let last: Building | null = null;
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited > maxNodes) break;
    if ((visited & 255) === 0 && slicer.expired()) {
      await slicer.next();
      if (!node.isConnected) break; // the page replaced this subtree mid-walk; a rescan follows
    }
    const parent = node.nodeType === 1 ? (node as Element).parentElement : node.parentElement;
    if (!parent) continue;
    const element = blockOf(parent, root, cache);
    let block = byElement.get(element);
    if (!block) {
      block = { element, text: '', nodes: [], starts: [], order: blocks.length, parts: [], length: 0, letters: 0, linked: 0 };
      byElement.set(element, block);
      blocks.push(block);
    } else if (block !== last) {
      block.parts.push('\n'); // resumed after a nested block: keep words apart
      block.length += 1;
    }
    last = block;
    if (node.nodeType === 1) {
      block.parts.push('\n');
      block.length += 1;
      continue;
    }
    const data = (node as Text).data;
    if (data.length === 0) continue;
    block.nodes.push(node as Text);
    block.starts.push(block.length);
    block.parts.push(data);
    block.length += data.length;
    const letters = data.length - (data.match(/\s/g)?.length ?? 0);
    block.letters += letters;
    if (letters && inLink(parent)) block.linked += letters;
  }
  const judge = keepBoxes ? null : new BoxJudge(articleRoot);
  const out: TextBlock[] = [];
  for (const block of blocks) {
    if (block.nodes.length === 0) continue;
    const text = block.parts.join('');
    if (!/\S/.test(text)) continue;
    if (judge?.isBoilerplate(block.element, text, block.linked, block.letters)) continue;
    out.push({ element: block.element, text, nodes: block.nodes, starts: block.starts, order: out.length });
  }
  return out;
}
