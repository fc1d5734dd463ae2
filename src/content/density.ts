/**
 * Highlight density: a name that runs through a whole story ("Ukraine" in a
 * war report, named twenty times) would turn the page into underlines. By
 * default each spelling of each name is painted at its first mention only;
 * later mentions are counted (the popup lists how often a name occurs) but
 * neither painted nor hoverable. Each spelling keeps its own first mention,
 * so "Kiev" is shown even on a page that says "Kyiv" first. The reader may
 * choose every mention, or none (names then only counted; claims still painted).
 */
import { DEFAULT_READING, type NameDensity } from '../shared/readingSettings';
import type { HighlightEntry, NameEntry } from './rangeIndex';

export type { NameDensity };

/** The default density: the first mention of each spelling. */
export const DEFAULT_DENSITY: NameDensity = DEFAULT_READING.names;

/** Unpainted mentions of one entity in one block. */
interface QuietMentions {
  count: number;
  surfaces: Set<string>;
}

const keyOf = (e: NameEntry) => `${e.entityId}\u0001${e.surface.toLowerCase()}`;

/** Decides which name entries are painted, and counts the quiet ones per block. */
export class DensityFilter {
  private readonly painted = new Map<string, NameEntry>();
  /** Unpainted mentions per block element, per entity id: how many, and their spellings. */
  private readonly quiet = new Map<Element, Map<string, QuietMentions>>();

  constructor(private readonly density: NameDensity = DEFAULT_DENSITY) {}

  /**
   * Forgets `stale` entries (their spelling may be painted again at its next
   * mention) and the quiet counts of rescanned blocks; `full` forgets everything.
   */
  forget(stale: readonly HighlightEntry[], rescanned: Iterable<Element>, full: boolean): void {
    if (full) {
      this.painted.clear();
      this.quiet.clear();
      return;
    }
    for (const e of stale) if (e.kind !== 'claim' && this.painted.get(keyOf(e)) === e) this.painted.delete(keyOf(e));
    for (const element of rescanned) this.quiet.delete(element);
  }

  /** The entries to paint from `fresh`, in order; the rest are counted as quiet mentions. */
  keep(fresh: readonly HighlightEntry[]): HighlightEntry[] {
    if (this.density === 'all') return [...fresh];
    const out: HighlightEntry[] = [];
    for (const e of fresh) {
      if (e.kind === 'claim' || (this.density === 'first' && !this.painted.has(keyOf(e)))) {
        if (e.kind !== 'claim') this.painted.set(keyOf(e), e);
        out.push(e);
        continue;
      }
      const element = e.block.element;
      let counts = this.quiet.get(element);
      if (!counts) this.quiet.set(element, (counts = new Map()));
      const seen = counts.get(e.entityId) ?? { count: 0, surfaces: new Set<string>() };
      seen.count++;
      seen.surfaces.add(e.surface);
      counts.set(e.entityId, seen);
    }
    return out;
  }

  /** Unpainted mentions of each entity on the page. */
  quietCounts(): Map<string, number> {
    const total = new Map<string, number>();
    for (const counts of this.quiet.values()) for (const [id, seen] of counts) total.set(id, (total.get(id) ?? 0) + seen.count);
    return total;
  }

  /** Spellings of each entity's unpainted mentions. */
  quietSurfaces(): Map<string, Set<string>> {
    const all = new Map<string, Set<string>>();
    for (const counts of this.quiet.values())
      for (const [id, seen] of counts) for (const s of seen.surfaces) all.set(id, (all.get(id) ?? new Set()).add(s));
    return all;
  }
}
