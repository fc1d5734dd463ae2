// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { blockRange, liveRange, pointAt } from '../../../src/content/blocks';
import { collectBlocks } from '../../../src/content/collect';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('collectBlocks', () => {
  it('joins inline pieces of one block and keeps blocks apart', async () => {
    document.body.innerHTML = '<article><p>President Volodymyr <b>Zel</b><i>ensky</i> spoke.</p><p>In <a href="#">Kyiv</a>.</p></article>';
    const blocks = await collectBlocks(document.body);
    expect(blocks.map((b) => b.text)).toEqual(['President Volodymyr Zelensky spoke.', 'In Kyiv.']);
    expect(blocks[0]!.nodes).toHaveLength(4);
  });

  it('never reads form fields, editors, scripts, styles, svg or templates', async () => {
    document.body.innerHTML = `<article>
      <p>Visible Bakhmut.</p>
      <input value="Input Kyiv"><textarea>Textarea Kyiv</textarea><select><option>Option Kyiv</option></select>
      <div contenteditable="true"><p>Editable Kyiv</p></div>
      <div contenteditable="plaintext-only">Plain Kyiv</div>
      <script>var s = "Script Kyiv";</script><style>.kyiv{}</style><noscript>Noscript Kyiv</noscript>
      <svg><text>Svg Kyiv</text></svg><template><p>Template Kyiv</p></template>
      <p>Also <span>Luhansk</span>.</p></article>`;
    const text = (await collectBlocks(document.body)).map((b) => b.text).join('|');
    expect(text).toContain('Visible Bakhmut.');
    expect(text).toContain('Also Luhansk.');
    expect(text).not.toContain('Kyiv');
  });

  it('skips the element it is told to skip (our own host)', async () => {
    document.body.innerHTML = '<p>Page text about Kharkiv.</p><parallax-card-host>Card text about Kyiv</parallax-card-host>';
    const host = document.querySelector('parallax-card-host')!;
    const text = (await collectBlocks(document.body, { skip: host })).map((b) => b.text).join('|');
    expect(text).toBe('Page text about Kharkiv.');
  });

  it('separates <br> lines and text around nested blocks', async () => {
    document.body.innerHTML = '<div>Kyiv<br>Bakhmut<p>inner</p>after</div>';
    const blocks = await collectBlocks(document.body);
    const outer = blocks.find((b) => b.element.tagName === 'DIV')!;
    expect(outer.text).toBe('Kyiv\nBakhmut\nafter');
    expect(blocks.find((b) => b.element.tagName === 'P')!.text).toBe('inner');
  });

  it('maps block offsets back to the right nodes and offsets', async () => {
    document.body.innerHTML = '<p>Officials in <em>Kyi</em>v said <strong>Hanna Malyar</strong> spoke.</p>';
    const [block] = await collectBlocks(document.body);
    const at = (s: string) => block!.text.indexOf(s);
    const start = at('Kyiv');
    const range = liveRange(blockRange(block!, start, start + 4)!);
    expect(range.toString()).toBe('Kyiv');
    expect(range.startContainer.textContent).toBe('Kyi');
    expect(range.endContainer.textContent).toBe('v said ');
    expect(pointAt(block!, at('Malyar'))).toMatchObject({ offset: 6 });
    const name = liveRange(blockRange(block!, at('Hanna'), at('Hanna') + 'Hanna Malyar'.length)!);
    expect(name.toString()).toBe('Hanna Malyar');
    // An end exactly at a node boundary stays in the node that ends there.
    const end = pointAt(block!, at('Kyi') + 3, true)!;
    expect(end.node.data).toBe('Kyi');
    expect(end.offset).toBe(3);
  });

  it('clamps ranges whose text the page has since shortened', async () => {
    document.body.innerHTML = '<p>Fighting near Bakhmut</p>';
    const [block] = await collectBlocks(document.body);
    const stale = {
      startContainer: block!.nodes[0]!,
      startOffset: 14,
      endContainer: block!.nodes[0]!,
      endOffset: 21,
      collapsed: false,
    } as AbstractRange;
    block!.nodes[0]!.data = 'Fighting';
    expect(() => liveRange(stale)).not.toThrow();
    expect(liveRange(stale).toString()).toBe('');
  });

  it('handles thousands of tiny text nodes and stops at the node cap', async () => {
    const story = document.createElement('article');
    for (let p = 0; p < 400; p++) {
      const para = document.createElement('p');
      for (let s = 0; s < 50; s++) {
        const span = document.createElement('span');
        span.textContent = s === 25 && p % 10 === 0 ? ' Bakhmut ' : ` word${s}`;
        para.appendChild(span);
      }
      story.appendChild(para);
    }
    document.body.appendChild(story);
    const all = await collectBlocks(document.body);
    expect(all).toHaveLength(400);
    expect(all.reduce((n, b) => n + b.nodes.length, 0)).toBe(20_000);
    expect(all.filter((b) => b.text.includes('Bakhmut'))).toHaveLength(40);
    const capped = await collectBlocks(document.body, { maxNodes: 1000 });
    expect(capped.reduce((n, b) => n + b.nodes.length, 0)).toBe(1000);
  });
});

describe("only the article's own text", () => {
  const page = `<article>
    <nav aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/europe">Ukraine</a></nav>
    <div class="crumbs" aria-label="breadcrumb"><a href="/">News</a> / <a href="/kyiv">Kyiv</a></div>
    <header><h1><a href="/this-story">Fighting near Bakhmut</a></h1><p class="standfirst">Officials in Kyiv spoke on Monday.</p></header>
    <p>Ukrainian officials said fighting continued near Bakhmut, and <a href="/luhansk">Luhansk</a> saw shelling overnight.</p>
    <figure><img alt=""><figcaption>Soldiers near Kramatorsk in March.</figcaption></figure>
    <p><strong>Also read:</strong> <a href="/other">Power restored in Kharkiv after strikes</a></p>
    <p>Read more: <a href="/more">Odesa</a></p>
    <aside><h3>Most read</h3><p>Mariupol anniversary marked</p></aside>
    <ul class="story-list"><li><a href="/a">Zaporizhzhia plant loses power</a></li><li><a href="/b">Sievierodonetsk a year on</a></li></ul>
    <div class="article-tags">Topics: <a href="/t/crimea">Crimea</a> <a href="/t/donbas">Donbas</a></div>
    <div class="teaser"><a href="/c"><h4>Kupiansk under fire</h4></a><p>Residents of Izium described the night.</p></div>
    <div role="complementary"><p>Sponsored: travel to Lviv this summer, with guides who know the city well and its history.</p></div>
    <p>The ministry in Kyiv gave no figures. In <a href="/kherson">Kherson</a>, power was cut.</p>
    <footer>Tags: <a href="/t/melitopol">Melitopol</a></footer>
  </article>`;

  it('leaves out navigation, breadcrumbs, captions, "Also read" pointers, link lists, tag lists, teasers and asides', async () => {
    document.body.innerHTML = page;
    const text = (await collectBlocks(document.querySelector('article')!)).map((b) => b.text).join('|');
    for (const kept of [
      'Fighting near Bakhmut',
      'Officials in Kyiv spoke',
      'Luhansk saw shelling',
      'The ministry in Kyiv',
      'In Kherson, power',
    ])
      expect(text).toContain(kept);
    for (const left of [
      'Home',
      'News',
      'Kramatorsk',
      'Kharkiv',
      'Odesa',
      'Mariupol',
      'Zaporizhzhia',
      'Sievierodonetsk',
      'Crimea',
      'Kupiansk',
      'Izium',
      'Lviv',
      'Melitopol',
    ])
      expect(text, left).not.toContain(left);
  });

  it('keeps a story whose wrapper merely has a hinted class, and keeps boxes when asked to', async () => {
    const prose = 'Officials in Kyiv said the front near Bakhmut held through the night, and the ministry gave no figures. '.repeat(4);
    document.body.innerHTML = `<article><div class="content share-wrapper"><p>${prose}</p><p>Kharkiv was quiet, <a href="/x">officials said</a>.</p></div></article>`;
    const text = (await collectBlocks(document.querySelector('article')!)).map((b) => b.text).join('|');
    expect(text).toContain('front near Bakhmut');
    expect(text).toContain('Kharkiv was quiet');
    document.body.innerHTML = page;
    const all = (await collectBlocks(document.querySelector('article')!, { keepBoxes: true })).map((b) => b.text).join('|');
    expect(all).toContain('Kupiansk');
  });

  it('a rescan of a part inside navigation or a caption yields nothing', async () => {
    document.body.innerHTML = page;
    const article = document.querySelector('article')!;
    expect(await collectBlocks(article.querySelector('figcaption')!, { articleRoot: article })).toEqual([]);
    expect(await collectBlocks(article.querySelector('aside p')!, { articleRoot: article })).toEqual([]);
    const prose = article.querySelectorAll(':scope > p')[0]!;
    expect((await collectBlocks(prose, { articleRoot: article })).map((b) => b.text)).toHaveLength(1);
  });
});
