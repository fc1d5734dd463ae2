import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, parseDateline } from '../../../../src/core/text';
import { splitSentences } from '../../../../src/core/text';
import { extractClaims } from '../../../../src/core/claims';

// Real saved pages (many sites and languages) beside the project: the text core must
// survive all of them, and they are not wire stories, so none should yield a dateline.
const PAGES = join(import.meta.dirname, '../../../../../shared/testpages/readability');

/** Crude page text: enough structure (block ends as newlines) for the text core. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h\d|li|br|figcaption|tr)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&(?:amp|quot|#39|lt|gt);/g, ' ')
    .replace(/[ \t]+/g, ' ');
}

const pages = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ name: f, text: pageText(readFileSync(join(PAGES, f), 'utf8')) }));

describe('the text core on real pages', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('cleans, splits and extracts claims from every page with consistent offsets and unique ids', () => {
    let claims = 0;
    for (const page of pages) {
      const cleaned = cleanArticle(page.text);
      const sentences = splitSentences(cleaned.text);
      for (const s of sentences) expect(cleaned.text.slice(s.start, s.end), page.name).toBe(s.text);
      const found = extractClaims({ articleId: page.name, text: cleaned.text, sentences, spot: () => [] });
      expect(new Set(found.map((c) => c.id)).size, page.name).toBe(found.length);
      for (const c of found) {
        expect(c.attribution?.speaker.length ?? 1, page.name).toBeGreaterThan(0);
        for (const q of c.quantities) expect(Number.isFinite(q.value), `${page.name}: ${q.text}`).toBe(true);
      }
      claims += found.length;
    }
    expect(claims).toBeGreaterThan(1000);
  });

  it('reads no dateline from page titles and site names', () => {
    const datelines = pages.map((p) => parseDateline(cleanArticle(p.text).text)).filter(Boolean);
    expect(datelines).toEqual([]);
  });

  it('keeps most of each page: removals are narrow', () => {
    for (const page of pages) {
      const cleaned = cleanArticle(page.text);
      const removedChars = cleaned.removed.reduce((n, r) => n + r.text.length, 0);
      expect(removedChars, page.name).toBeLessThanOrEqual(Math.max(2000, cleaned.text.length * 0.25));
    }
  });
});
