/**
 * The CSS Custom Highlight API layer: one registered `Highlight` per kind
 * (`parallax-place`, `parallax-person`, `parallax-org`, `parallax-claim`).
 * Their default `::highlight()` styles are the content script's manifest
 * stylesheet (highlights.css), so nothing here touches the page's styles or
 * DOM. Users may restyle the names in their own CSS.
 */

/** The highlight kinds, in paint priority order (names above claims). */
export const HIGHLIGHT_KINDS = ['place', 'person', 'org', 'claim'] as const;
/** One highlight kind. */
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** The registered name of a kind's highlight. */
export const highlightName = (kind: HighlightKind): string => `parallax-${kind}`;

type HighlightRegistry = Map<string, Highlight> & { highlightsFromPoint?: unknown };

/** The page's highlight registry, or null where the API is missing. */
export function highlightRegistry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  if (!css?.highlights || typeof (globalThis as { Highlight?: unknown }).Highlight !== 'function') return null;
  return css.highlights;
}

/**
 * Owns Parallax's registered highlights; `destroy()` unregisters them. A kind is registered with
 * its first range, not before: registering a highlight makes the browser re-check the whole
 * document's painting, which a page with nothing to mark should not pay for.
 */
export class HighlightLayer {
  private readonly highlights = new Map<HighlightKind, Highlight>();
  constructor(private readonly registry: HighlightRegistry) {
    HIGHLIGHT_KINDS.forEach((kind, i) => {
      const highlight = new Highlight();
      highlight.priority = HIGHLIGHT_KINDS.length - i;
      this.highlights.set(kind, highlight);
    });
  }

  /** Adds ranges of one kind (registering the kind's highlight with its first range). */
  add(kind: HighlightKind, ranges: Iterable<AbstractRange>): void {
    const highlight = this.highlights.get(kind)!;
    for (const range of ranges) highlight.add(range);
    const name = highlightName(kind);
    if (highlight.size > 0 && this.registry.get(name) !== highlight) this.registry.set(name, highlight);
  }

  /** Removes ranges of one kind. */
  remove(kind: HighlightKind, ranges: Iterable<AbstractRange>): void {
    const highlight = this.highlights.get(kind)!;
    for (const range of ranges) highlight.delete(range);
  }

  /** Drops every range, keeping the registrations. */
  clear(): void {
    for (const highlight of this.highlights.values()) highlight.clear();
  }

  /** The kind a registered highlight object stands for. */
  kindOf(highlight: unknown): HighlightKind | undefined {
    for (const [kind, own] of this.highlights) if (own === highlight) return kind;
    return undefined;
  }

  /** Number of ranges of one kind. */
  size(kind: HighlightKind): number {
    return this.highlights.get(kind)!.size;
  }

  /** Unregisters our highlights (only if still ours). */
  destroy(): void {
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      if (this.registry.get(highlightName(kind)) === highlight) this.registry.delete(highlightName(kind));
    }
  }
}
