// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../src/content/detect';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/pages', name), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i}: officials said fighting continued through the night near the front line, and that repairs would take several days.</p>`,
  ).join('');

describe('detectArticle', () => {
  it('accepts the demo article and chooses its <article> or main as root', () => {
    const doc = parse(fixture('article-seed.html'));
    const result = detectArticle(doc, 'http://127.0.0.1/article-seed.html');
    expect(result.isArticle).toBe(true);
    expect(result.root && ['ARTICLE', 'MAIN', 'BODY'].includes(result.root.tagName)).toBe(true);
    expect(result.root!.textContent).toContain('Bakhmut');
  });

  it('accepts og:type=article pages with short live-blog paragraphs', () => {
    const doc = parse(fixture('hostile-body-swap.html'));
    expect(detectArticle(doc, 'http://x/live').isArticle).toBe(true);
  });

  it('accepts plain pages with enough long paragraphs and no metadata', () => {
    const doc = parse(`<html><body><div>${prose(6)}</div></body></html>`);
    const result = detectArticle(doc, 'http://x/story');
    expect(result).toMatchObject({ isArticle: true, reason: 'long paragraphs' });
  });

  it('prefers [itemprop=articleBody] as the root', () => {
    const doc = parse(`<html><body><nav>Home</nav><div itemprop="articleBody">${prose(3)}</div></body></html>`);
    const result = detectArticle(doc, 'http://x/story');
    expect(result.root?.getAttribute('itemprop')).toBe('articleBody');
  });

  it('scans the main text when the only <article> is a small teaser', () => {
    const doc = parse(
      `<html><body><main><div>${prose(6)}</div><aside><article><h3>Related</h3><p>${'A related story teaser with enough words to pass. '.repeat(4)}</p></article></aside></main></body></html>`,
    );
    const result = detectArticle(doc, 'http://x/story');
    expect(result).toMatchObject({ isArticle: true, reason: 'small article element' });
    expect(result.root?.tagName).toBe('MAIN');
  });

  it('rejects the search results fixture', () => {
    const doc = parse(fixture('search-results.html'));
    expect(detectArticle(doc, 'http://127.0.0.1/search-results.html').isArticle).toBe(false);
  });

  it('rejects search URLs even with long snippets', () => {
    const doc = parse(`<html><body><form role="search"><input name="q"></form>${prose(5)}</body></html>`);
    expect(detectArticle(doc, 'http://x/search?q=kyiv')).toMatchObject({ isArticle: false, reason: 'search results' });
  });

  it('rejects editors and web apps', () => {
    expect(detectArticle(parse(`<html><body contenteditable="true">${prose(5)}</body></html>`), 'http://x/').isArticle).toBe(false);
    expect(detectArticle(parse(`<html><body role="application">${prose(5)}</body></html>`), 'http://x/').isArticle).toBe(false);
    const editor = parse(`<html><body><div contenteditable="true">${prose(5)}</div></body></html>`);
    expect(detectArticle(editor, 'http://x/').isArticle).toBe(false);
  });

  it('rejects short pages', () => {
    expect(detectArticle(parse('<html><body><p>Kyiv weather today.</p></body></html>'), 'http://x/').isArticle).toBe(false);
  });
});
