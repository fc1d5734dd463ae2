/**
 * Every highlighted range Parallax registered, indexed three ways: by text
 * node (a sorted list of local spans, for caret-based hit tests), by range
 * object (for `highlightsFromPoint` results) and in document order (for
 * keyboard stepping).
 */
import type { TextBlock } from './blocks';
import type { EntityKind } from '../core/types';

interface EntryBase {
  range: AbstractRange;
  block: TextBlock;
  /** Offsets in `block.text`. */
  start: number;
  end: number;
}

/** A known name on the page: the entity the background spotted and the words that name it. */
export interface NameEntry extends EntryBase {
  kind: EntityKind;
  entityId: string;
  surface: string;
}

/** A page sentence that other stored articles also report; `key` is its id in `matchSentences`. */
export interface ClaimEntry extends EntryBase {
  kind: 'claim';
  key: string;
}

/** One highlighted range and what it stands for. */
export type HighlightEntry = NameEntry | ClaimEntry;

interface Span {
  from: number;
  to: number;
  entry: HighlightEntry;
}

/** The index; entries are added and removed whole. */
export class RangeIndex {
  private readonly byNode = new Map<Text, Span[]>();
  private readonly byRange = new Map<AbstractRange, HighlightEntry>();
  private sorted: HighlightEntry[] | null = null;

  /** Number of entries. */
  get size(): number {
    return this.byRange.size;
  }

  /** All entries (unordered). */
  entries(): IterableIterator<HighlightEntry> {
    return this.byRange.values();
  }

  /** Adds an entry, registering a span on every text node it covers. */
  add(entry: HighlightEntry): void {
    this.byRange.set(entry.range, entry);
    this.sorted = null;
    const { block } = entry;
    for (let i = 0; i < block.nodes.length; i++) {
      const nodeStart = block.starts[i]!;
      const node = block.nodes[i]!;
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= entry.start) continue;
      if (nodeStart >= entry.end) break;
      const span = { from: Math.max(0, entry.start - nodeStart), to: Math.min(node.data.length, entry.end - nodeStart), entry };
      const list = this.byNode.get(node);
      if (!list) this.byNode.set(node, [span]);
      else {
        let at = list.length;
        while (at > 0 && list[at - 1]!.from > span.from) at--;
        list.splice(at, 0, span);
      }
    }
  }

  /** Removes entries (and their spans). */
  remove(entries: Iterable<HighlightEntry>): void {
    const gone = new Set(entries);
    if (gone.size === 0) return;
    this.sorted = null;
    const nodes = new Set<Text>();
    for (const entry of gone) {
      this.byRange.delete(entry.range);
      for (const node of entry.block.nodes) nodes.add(node);
    }
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const kept = list.filter((s) => !gone.has(s.entry));
      if (kept.length) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
  }

  /** Entries whose range covers character `offset` of `node` (or ends right at it). */
  at(node: Node, offset: number): HighlightEntry[] {
    const list = this.byNode.get(node as Text);
    if (!list) return [];
    const out: HighlightEntry[] = [];
    for (const span of list) {
      if (span.from > offset) break;
      if (offset <= span.to) out.push(span.entry);
    }
    return out;
  }

  /** The entry registered for a range object. */
  forRange(range: AbstractRange): HighlightEntry | undefined {
    return this.byRange.get(range);
  }

  /** Entries in document order (cached until the index changes). */
  ordered(): HighlightEntry[] {
    if (this.sorted) return this.sorted;
    const list = [...this.byRange.values()].filter((e) => e.range.startContainer.isConnected);
    list.sort((a, b) => {
      const na = a.range.startContainer;
      const nb = b.range.startContainer;
      if (na === nb) return a.range.startOffset - b.range.startOffset || kindRank(a) - kindRank(b);
      return na.compareDocumentPosition(nb) & 4 /* FOLLOWING */ ? -1 : 1;
    });
    return (this.sorted = list);
  }

  /** Drops everything. */
  clear(): void {
    this.byNode.clear();
    this.byRange.clear();
    this.sorted = null;
  }
}

/** Names before the claim sentence that starts at the same point. */
function kindRank(entry: HighlightEntry): number {
  return entry.kind === 'claim' ? 1 : 0;
}
