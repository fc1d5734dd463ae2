/**
 * The CSS Custom Highlight API layer: one registered `Highlight` per kind
 * (`parallax-place`, `parallax-person`, `parallax-org`, `parallax-claim`) and
 * their default `::highlight()` styles, adopted as a constructed stylesheet so
 * the page's DOM never changes. Users may restyle the names in their own CSS.
 */

/** The highlight kinds, in paint priority order (names above claims). */
export const HIGHLIGHT_KINDS = ['place', 'person', 'org', 'claim'] as const;
/** One highlight kind. */
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** The registered name of a kind's highlight. */
export const highlightName = (kind: HighlightKind): string => `parallax-${kind}`;

/**
 * Default styles: a tinted background plus an underline, readable on light and
 * dark pages (semi-transparent tints; `text-decoration` is ignored in
 * `::highlight` by some engines, the background still shows). Claims get the
 * faintest tint: on a well-covered story most sentences may be claims.
 */
export const HIGHLIGHT_CSS = `
::highlight(parallax-place) { background-color: rgba(38, 139, 210, 0.16); text-decoration: underline 2px rgba(38, 139, 210, 0.85); text-underline-offset: 3px; }
::highlight(parallax-person) { background-color: rgba(211, 54, 130, 0.14); text-decoration: underline 2px rgba(211, 54, 130, 0.85); text-underline-offset: 3px; }
::highlight(parallax-org) { background-color: rgba(133, 153, 0, 0.16); text-decoration: underline 2px rgba(133, 153, 0, 0.9); text-underline-offset: 3px; }
::highlight(parallax-claim) { background-color: rgba(203, 75, 22, 0.06); text-decoration: underline dotted 2px rgba(203, 75, 22, 0.75); text-underline-offset: 4px; }
`;

type HighlightRegistry = Map<string, Highlight> & { highlightsFromPoint?: unknown };

/** The page's highlight registry, or null where the API is missing. */
export function highlightRegistry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  if (!css?.highlights || typeof (globalThis as { Highlight?: unknown }).Highlight !== 'function') return null;
  return css.highlights;
}

/** Owns Parallax's registered highlights and stylesheet; `destroy()` removes both. */
export class HighlightLayer {
  private readonly highlights = new Map<HighlightKind, Highlight>();
  private sheet: CSSStyleSheet | null = null;
  private styled = false;

  constructor(
    private readonly doc: Document,
    private readonly registry: HighlightRegistry,
  ) {
    HIGHLIGHT_KINDS.forEach((kind, i) => {
      const highlight = new Highlight();
      highlight.priority = HIGHLIGHT_KINDS.length - i;
      this.highlights.set(kind, highlight);
      registry.set(highlightName(kind), highlight);
    });
  }

  /** Adds ranges of one kind. */
  add(kind: HighlightKind, ranges: Iterable<AbstractRange>): void {
    const highlight = this.highlights.get(kind)!;
    // Styles only once there is something to paint: adopting a sheet restyles the whole page,
    // which a page without a single known name should not pay for.
    if (!this.styled) this.adoptStyles();
    for (const range of ranges) highlight.add(range);
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

  /** Unregisters our highlights (only if still ours) and removes the stylesheet. */
  destroy(): void {
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      if (this.registry.get(highlightName(kind)) === highlight) this.registry.delete(highlightName(kind));
    }
    if (this.sheet && this.doc.adoptedStyleSheets) {
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.sheet = null;
  }

  /** Constructed stylesheet in `adoptedStyleSheets`: styles without a `<style>` element in the page. */
  private adoptStyles(): void {
    this.styled = true;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      this.doc.adoptedStyleSheets = [...(this.doc.adoptedStyleSheets ?? []), sheet];
      this.sheet = sheet;
    } catch {
      // No constructable stylesheets: highlights stay registered and users' own ::highlight() rules still apply.
      this.sheet = null;
    }
  }
}
