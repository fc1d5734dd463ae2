/**
 * How many of a page's highlights fall inside boxes that are not the
 * article's own text, judged from the page's structure by a reviewer's rule
 * that is deliberately simpler than (and independent of) the content
 * script's: navigation, asides, captions, footers, ARIA landmarks other than
 * the story, breadcrumbs, elements of under 2,000 characters whose class or
 * id names a related / promo / teaser / tags / share / sidebar box, and links
 * inside list items.
 */
import type { TestPage } from './support/driver';

/** Highlights of a page, all and inside such boxes (with a few examples). */
export interface BoxCount {
  total: number;
  inBoxes: number;
  examples: string[];
}

/** Counts the page's `parallax-*` ranges inside boxes. */
export function countBoxHighlights(page: TestPage): Promise<BoxCount> {
  return page.evaluate(() => {
    const BOX =
      'nav, aside, figcaption, footer, [role="navigation"], [role="complementary"], [role="contentinfo"], [aria-label*="breadcrumb" i], li a[href]';
    const HINT = /related|promo|teaser|tags|breadcrumb|share|sidebar|most-?read|recommend|newsletter|also-?read|read-?more/i;
    const out = { total: 0, inBoxes: 0, examples: [] as string[] };
    const highlights = (globalThis as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS?.highlights;
    if (!highlights) return out;
    for (const [name, highlight] of highlights) {
      if (!name.startsWith('parallax-')) continue;
      for (const r of highlight) {
        out.total++;
        const node = r.startContainer;
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        if (!el) continue;
        let boxed = el.closest(BOX) !== null;
        for (let at: Element | null = el; at && !boxed && at !== document.body; at = at.parentElement) {
          // A box is small: a hint word on a wrapper of the whole story ("is-showingReadNextSidebar") is no box.
          if (at.tagName === 'ARTICLE' || at.tagName === 'MAIN' || (at.textContent ?? '').length > 2000) continue;
          const hint = `${typeof at.className === 'string' ? at.className : ''} ${at.id}`;
          if (HINT.test(hint)) boxed = true;
        }
        if (!boxed) continue;
        out.inBoxes++;
        if (out.examples.length < 3) out.examples.push(`${name}: ${(node.textContent ?? '').slice(r.startOffset, r.endOffset)}`);
      }
    }
    return out;
  }, null);
}
