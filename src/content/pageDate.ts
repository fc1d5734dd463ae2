/**
 * The page's publication date, from the metadata news sites publish for
 * search engines and social cards. The matcher needs it: the same place on
 * another day is another event, and "on Wednesday" means nothing without it.
 * Reads only; returns `YYYY-MM-DD` or undefined.
 */

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="citation_publication_date"]',
  'meta[name="parsely-pub-date"]',
];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** `YYYY-MM-DD` from an ISO-like date string, when it is a plausible calendar day. */
export function isoDay(value: string | null | undefined): string | undefined {
  const match = ISO_DAY.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return match[0];
}

/** `datePublished` from the page's JSON-LD blocks (objects, arrays and `@graph`s). */
function jsonLdDate(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a page's broken JSON-LD is its own business
    }
    const stack = [data];
    for (let guard = 0; stack.length && guard < 200; guard++) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const day = isoDay(String((node as Record<string, unknown>).datePublished ?? ''));
        if (day) return day;
        const graph = (node as Record<string, unknown>)['@graph'];
        if (graph) stack.push(graph);
      }
    }
  }
  return undefined;
}

/** The page's publication day, from meta tags, JSON-LD, or the article's first `<time datetime>`. */
export function pageDate(doc: Document, root: Element | null = null): string | undefined {
  for (const selector of META_SELECTORS) {
    const day = isoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  return jsonLdDate(doc) ?? isoDay((root ?? doc).querySelector('time[datetime]')?.getAttribute('datetime'));
}
