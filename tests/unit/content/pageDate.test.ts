// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isoDay, pageDate } from '../../../src/content/pageDate';

function docWith(head: string, body = ''): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}

describe('pageDate', () => {
  it('reads article:published_time first', () => {
    const doc = docWith('<meta property="article:published_time" content="2023-02-15T09:12:00Z"><meta name="date" content="2020-01-01">');
    expect(pageDate(doc)).toBe('2023-02-15');
  });

  it('falls back to JSON-LD datePublished, inside a @graph too, and survives broken JSON-LD', () => {
    const doc = docWith(
      '<script type="application/ld+json">{ broken</script>' +
        '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-07-17T06:00:00+03:00"}]}</script>',
    );
    expect(pageDate(doc)).toBe('2023-07-17');
  });

  it("uses the article's first <time datetime> when there is no metadata", () => {
    const doc = docWith(
      '',
      '<nav><time datetime="2001-01-01">old</time></nav><article><time datetime="2023-03-01">1 March</time></article>',
    );
    expect(pageDate(doc, doc.querySelector('article'))).toBe('2023-03-01');
  });

  it('returns undefined for pages without a date and for nonsense values', () => {
    expect(pageDate(docWith('<meta name="date" content="yesterday">'))).toBeUndefined();
    expect(isoDay('2023-13-40')).toBeUndefined();
    expect(isoDay('0999-01-01')).toBeUndefined();
  });
});
