/**
 * What on an article page is not the article's own text: navigation,
 * breadcrumbs, "Also read" and related-links boxes, tag lists, captions and
 * teasers for other stories. Sites put all of these inside their `<article>`
 * element too, so the decision is made by structure, not by where the root is:
 *
 *   - elements that are never prose (`nav`, `aside`, `figcaption`, `footer`,
 *     ARIA landmarks other than main and article): their subtree is not read;
 *   - blocks whose text is mostly link text (a link list, a tag list, a
 *     paragraph that is only "Also read: <headline>"), or that open with such
 *     a pointer and link something;
 *   - blocks inside an element whose class or id says related / promo /
 *     teaser / tags / breadcrumb / share, when that element is itself
 *     link-heavy or short: the hint alone is weak, as sites use such words on
 *     wrappers of the story itself.
 */

/** Elements whose subtree is never the article's running text. */
const NON_PROSE_TAGS = new Set(['NAV', 'ASIDE', 'FIGCAPTION', 'FOOTER', 'MENU', 'DIALOG']);

/** ARIA roles of landmarks and widgets that are not the story. */
const NON_PROSE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'tablist', 'dialog']);

/** Class/id words of boxes around other stories (a weak hint: confirmed by links or shortness). */
const BOX_HINT =
  /(^|[\s_-])(related|relatedlinks|promo|promos|teaser|teasers|tags?|tag-?list|topics|keywords|breadcrumbs?|share|sharing|social|newsletter|recommended|recommendations|read-?more|also-?read|more-?stories|most-?read|trending|popular|outbrain|taboola|sidebar|widget)($|[\s_-])/i;

/** A block is link text from this share of its letters on. */
export const LINK_DENSITY = 0.5;
/** A paragraph must be almost all link (prose links a word or two, a pointer links a whole headline). */
const PARAGRAPH_LINK_DENSITY = 0.8;
/** A hinted box with this share of link text, or this little text, is another story's box. */
const HINTED_LINK_DENSITY = 0.25;
const HINTED_SHORT_CHARS = 300;

/** Words that open a pointer to another story. */
const POINTER = /^\s*(also read|read also|read more|more on this|see also|related( stories| articles| coverage)?|recommended|more from)\b/i;

/** True when an element (not the scan's root) holds no article prose at all: skip its subtree. */
export function isNonProse(el: Element): boolean {
  if (NON_PROSE_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && NON_PROSE_ROLES.has(role.trim().toLowerCase())) return true;
  const label = el.getAttribute('aria-label');
  return label !== null && /breadcrumb/i.test(label);
}

const letters = (text: string) => text.replace(/\s+/g, '').length;

/** Share of an element's letters that are inside links. */
function linkDensity(el: Element): number {
  const total = letters(el.textContent ?? '');
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a[href]')) if (!a.parentElement?.closest('a[href]')) linked += letters(a.textContent ?? '');
  return Math.min(1, linked / total);
}

/** Decides, per text block, whether it is the article's own text. One instance per scan (it caches). */
export class BoxJudge {
  private readonly hinted = new Map<Element, boolean>();

  constructor(private readonly root: Element) {}

  /**
   * True when a block is not the article's text. `linkedLetters` and
   * `allLetters` count the block's own text (collected by the walker).
   */
  isBoilerplate(element: Element, text: string, linkedLetters: number, allLetters: number): boolean {
    if (allLetters === 0) return false;
    const density = linkedLetters / allLetters;
    const tag = element.tagName.toUpperCase();
    // The story's own title is kept even where a site links it to itself.
    if (tag !== 'H1' && density >= (tag === 'P' ? PARAGRAPH_LINK_DENSITY : LINK_DENSITY)) return true;
    if (density > 0 && POINTER.test(text)) return true;
    return this.inHintedBox(element);
  }

  /** Whether an ancestor (below the root) is a hinted box confirmed by link text or shortness. */
  private inHintedBox(element: Element): boolean {
    for (let el: Element | null = element; el && el !== this.root; el = el.parentElement) {
      let box = this.hinted.get(el);
      if (box === undefined) {
        const hint = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
        box = BOX_HINT.test(hint) && (letters(el.textContent ?? '') < HINTED_SHORT_CHARS || linkDensity(el) >= HINTED_LINK_DENSITY);
        this.hinted.set(el, box);
      }
      if (box) return true;
    }
    return false;
  }
}
