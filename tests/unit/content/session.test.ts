// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../../src/core/types';
import type { ClaimDifference } from '../../../src/core/types';
import type { BackgroundCalls, LinkedReport, Result } from '../../../src/shared/messages';
import { analyzeBlocks, pageContext } from '../../../src/background/page';
import { ContentApp, type BackgroundPort } from '../../../src/content/app';
import { buildLexicon } from '../../../src/core/entities';
import { DEBOUNCE_MS } from '../../../src/content/observe';
import type { ReadingSettings } from '../../../src/shared/readingSettings';
import type { ReadingPort } from '../../../src/shared/readingStorage';

const gazetteer = JSON.parse(readFileSync(path.join(process.cwd(), 'seeds/gazetteer.json'), 'utf8')) as Entity[];
const CLAIM_WORD = 'retreated at random';
/** A sentence only the (faked) sentence model links: answered only when the page asks with `model`. */
const MODEL_WORD = 'thwarted attacks near more than 20 settlements';

const report: LinkedReport = {
  claim: {
    id: 'c_1',
    articleId: 'a_2',
    sentenceIndex: 3,
    text: 'Ukrainian troops randomly retreated up to 3 km.',
    quotes: [],
    quantities: [],
    entities: [],
    hedges: [],
  },
  article: { id: 'a_2', label: 'Seed article 2', origin: 'seed' },
  score: 0.9,
  relation: 'same',
  reasons: [],
  difference: {
    numbers: [],
    attribution: { same: true },
    hedges: { onlyA: [], onlyB: [] },
    entities: { onlyA: [], onlyB: [] },
    wording: [{ op: 'same', text: 'x' }],
  } as ClaimDifference,
};

type Fake = { [M in keyof BackgroundCalls]?: (params: BackgroundCalls[M]['params']) => BackgroundCalls[M]['result'] };
const lexicon = buildLexicon(gazetteer);
/** The background, as far as the content script sees it: the real page analysis over the seed gazetteer. */
const background: Fake = {
  analyzePage: (p) => analyzeBlocks(p.blocks, lexicon, pageContext(`test:${p.pageUrl}`, p.fresh)),
  matchSentences: (p) =>
    p.sentences
      .filter((s) => s.text.includes(CLAIM_WORD) || (p.model === true && s.text.includes(MODEL_WORD)))
      .map((s) => ({ key: s.key, reports: [report] })),
  getEntityCard: (p) => ({
    entity: gazetteer.find((e) => e.id === p.entityId)!,
    articles: [
      {
        article: { id: 'a_1', label: 'Seed article 1', origin: 'seed', date: '2023-02-15', dateInferred: true },
        sentences: ['Stored sentence naming it.'],
      },
    ],
  }),
};
const calls: Array<{ method: string; params: unknown }> = [];
/** Messages are cloned on the way, as the browser does; a method the fake lacks fails like a real error. */
const port: BackgroundPort = async (method, params) => {
  calls.push({ method, params });
  const handler = background[method] as ((p: unknown) => unknown) | undefined;
  if (!handler) return { ok: false, error: 'unexpected ' + method };
  return { ok: true, value: structuredClone(handler(structuredClone(params))) } as Result<never>;
};

// Test double: happy-dom has no CSS Custom Highlight API.
class TestHighlight extends Set<AbstractRange> {
  priority = 0;
}
const registry = new Map<string, TestHighlight>();
Object.assign(globalThis, { Highlight: TestHighlight });
Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true });

const html = readFileSync(path.join(process.cwd(), 'tests/fixtures/pages/article-seed.html'), 'utf8');
const texts = (name: string) =>
  [...(registry.get(name) ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
/** The page's HTML without our one host element. */
function pageHtml(): string {
  const clone = document.documentElement.cloneNode(true) as Element;
  clone.querySelectorAll('parallax-card-host').forEach((h) => h.remove());
  return clone.outerHTML;
}
const host = () => document.querySelector('parallax-card-host');
const dialog = () => host()?.shadowRoot?.querySelector('[role="dialog"]') ?? null;

let app: InstanceType<typeof ContentApp>;
beforeEach(() => {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  calls.length = 0;
  app = new ContentApp(document, port);
});
afterEach(() => {
  app.destroy();
  vi.useRealTimers();
});

describe('ContentApp on the demo article', () => {
  it('highlights names and matched claims without changing the page DOM', async () => {
    const before = document.documentElement.outerHTML;
    await app.start();
    expect(texts('parallax-place')).toEqual(expect.arrayContaining(['Kyiv', 'Luhansk', 'Bakhmut', 'Kramatorsk']));
    for (const name of ['Volodymyr Zelensky', 'Lloyd Austin']) expect(texts('parallax-person').some((t) => t.includes(name))).toBe(true);
    expect(texts('parallax-place').every((t) => t.length < 40)).toBe(true);
    const claims = texts('parallax-claim').filter((t) => t.includes(CLAIM_WORD));
    expect(claims).toHaveLength(1);
    expect(document.documentElement.outerHTML).toBe(before);
    // The page sends block texts once and gets names and sentences back; it spots and splits nothing itself.
    const analyses = calls.filter((c) => c.method === 'analyzePage').map((c) => c.params as BackgroundCalls['analyzePage']['params']);
    expect(analyses).toHaveLength(1);
    expect(analyses[0]!.fresh).toBe(true);
    expect(analyses[0]!.blocks.every((b) => typeof b === 'string')).toBe(true);
    // Sentences are sent once each for words, in batches of at most 400 (then once each for the model).
    const asked = (model: boolean) =>
      calls
        .filter((c) => c.method === 'matchSentences' && (c.params as { model?: boolean }).model === (model || undefined))
        .flatMap((c) => (c.params as { sentences: Array<{ key: string }> }).sentences);
    const sent = asked(false);
    expect(sent.length).toBeGreaterThan(10);
    expect(new Set(sent.map((s) => s.key)).size).toBe(sent.length);
  });

  it("paints the sentence model's links after the lexical ones, asking about each sentence once with the model", async () => {
    await app.start();
    await vi.waitFor(() => expect(texts('parallax-claim')).toHaveLength(2));
    const claims = texts('parallax-claim');
    expect(claims.some((t) => t.includes(CLAIM_WORD))).toBe(true);
    expect(claims.some((t) => t.includes(MODEL_WORD))).toBe(true);
    const modelCalls = calls.filter((c) => c.method === 'matchSentences' && (c.params as { model?: boolean }).model === true);
    const keys = modelCalls.flatMap((c) => (c.params as { sentences: Array<{ key: string }> }).sentences.map((s) => s.key));
    expect(keys.length).toBeGreaterThan(10);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers getPageState with names, counts, spellings and matches', async () => {
    await app.start();
    const state = await app.pageState();
    expect(state.isArticle).toBe(true);
    const bakhmut = state.entities.find((e) => e.name === 'Bakhmut')!;
    expect(bakhmut.kind).toBe('place');
    expect(bakhmut.count).toBeGreaterThanOrEqual(5);
    // One matched by words, one only by the (faked) model.
    expect(state.matches).toHaveLength(2);
    expect(state.matches.every((m) => m.reports[0]!.claim.id === 'c_1')).toBe(true);
  });

  it('steps to a highlight, opens an accessible card with focus, and Escape closes it', async () => {
    await app.start();
    const before = pageHtml();
    const focusBefore = document.activeElement;
    await app.handlers().stepHighlight({ direction: 1 }, undefined);
    await vi.waitFor(() => expect(dialog()?.textContent).toContain('Stored sentence naming it.'));
    const card = dialog()!;
    expect(card).not.toBeNull();
    expect(card.getAttribute('aria-label')).toMatch(/^Parallax: .+/);
    expect(document.activeElement).toBe(host());
    expect(card.querySelector('button[aria-label="Close"]')).not.toBeNull();
    expect(card.textContent).toContain('Stored sentence naming it.');
    expect(card.textContent).toContain('2023-02-15 (inferred)');
    expect(pageHtml()).toBe(before);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(focusBefore);
  });

  it('steps through highlights in document order and wraps around', async () => {
    await app.start();
    const labels: string[] = [];
    for (let i = 0; i < 3; i++) {
      await app.handlers().stepHighlight({ direction: 1 }, undefined);
      labels.push(dialog()!.getAttribute('aria-label')!);
    }
    expect(labels[0]).toContain('Ukraine');
    expect(labels[1]).toContain('Russia');
    await app.handlers().stepHighlight({ direction: -1 }, undefined);
    expect(dialog()!.getAttribute('aria-label')).toBe(labels[1]);
  });

  it('rescans changed blocks after DOM changes, and forgets removed ones', async () => {
    await app.start();
    vi.useFakeTimers();
    const p = document.createElement('p');
    p.textContent = 'Officials in Kharkiv said the bridge was repaired.';
    document.querySelector('article')!.appendChild(p);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await vi.waitFor(() => expect(texts('parallax-place')).toContain('Kharkiv'));
    // An edit inside one paragraph rescans only it, carrying on with the page's spotting context.
    p.firstChild!.textContent = 'Officials in Kharkiv and Odesa said the bridge was repaired.';
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await vi.waitFor(() => expect(texts('parallax-place')).toContain('Odesa'));
    const rescan = calls.filter((c) => c.method === 'analyzePage').at(-1)!.params as BackgroundCalls['analyzePage']['params'];
    expect(rescan).toMatchObject({ fresh: false, blocks: ['Officials in Kharkiv and Odesa said the bridge was repaired.'] });
    p.remove();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await vi.waitFor(() => expect(texts('parallax-place')).not.toContain('Kharkiv'));
  });

  it('does not leak ranges when the body is replaced again and again', async () => {
    await app.start();
    vi.useFakeTimers();
    for (let v = 1; v <= 4; v++) {
      const body = document.createElement('body');
      body.innerHTML = `<article><h1>Live ${v}</h1><p>Update ${v}: officials in Kyiv said fighting continued near Bakhmut and across Luhansk.</p></article>`;
      document.documentElement.replaceChild(body, document.body);
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 150);
    }
    await vi.waitFor(() => expect(texts('parallax-place').sort()).toEqual(['Bakhmut', 'Kyiv', 'Luhansk']));
    const all = [...registry.values()].flatMap((h) => [...h]);
    expect(all.every((r) => r.startContainer.isConnected)).toBe(true);
    expect(texts('parallax-place').sort()).toEqual(['Bakhmut', 'Kyiv', 'Luhansk']);
  });

  it('destroy() removes highlights, stylesheet, host and every listener', async () => {
    const signals: AbortSignal[] = [];
    const spy = (target: EventTarget) => {
      const original = target.addEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        if (typeof options === 'object' && options?.signal) signals.push(options.signal);
        else if (type !== 'abort') throw new Error(`listener ${type} added without a signal`);
        original(type, listener, options);
      });
    };
    spy(window);
    spy(document);
    await app.start();
    await app.handlers().stepHighlight({ direction: 1 }, undefined);
    expect(host()).not.toBeNull();
    // Highlight styles come with the manifest: the page's own stylesheets are never touched.
    expect(document.adoptedStyleSheets.length).toBe(0);
    app.destroy();
    vi.restoreAllMocks();
    expect(host()).toBeNull();
    expect([...registry.keys()].filter((k) => k.startsWith('parallax-'))).toEqual([]);
    expect(document.adoptedStyleSheets.length).toBe(0);
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.aborted)).toBe(true);
    // The observer is gone too: later changes trigger no work.
    const before = calls.length;
    vi.useFakeTimers();
    document.querySelector('article')!.append('More text about Kharkiv and the front line near Bakhmut today.');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(calls.length).toBe(before);
  });
});

describe('ContentApp across navigation', () => {
  it('restarts on single-page navigation with a fresh spotting context', async () => {
    await app.start();
    vi.useFakeTimers();
    const sent = calls.length;
    expect(texts('parallax-place')).toContain('Kramatorsk');
    history.pushState({}, '', '/world/another-story');
    document.querySelector('article')!.innerHTML =
      '<h1>Another story</h1><p>Officials in Kharkiv and Odesa said power was restored overnight after the attacks.</p>';
    await vi.waitFor(() => expect(texts('parallax-place')).toEqual(expect.arrayContaining(['Kharkiv', 'Odesa'])), { timeout: 4000 });
    expect(texts('parallax-place')).not.toContain('Kramatorsk');
    expect((calls.slice(sent).find((c) => c.method === 'analyzePage')?.params as { fresh?: boolean }).fresh).toBe(true);
    expect((await app.pageState()).url).toContain('/world/another-story');
  });

  it('extracts the article from a clone, leaving the live page untouched', async () => {
    const before = document.documentElement.outerHTML;
    const article = await app.handlers().extractArticle({}, undefined);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(article).not.toBeNull();
    expect(article!.text).toContain('the town of Bakhmut has been the focus');
    expect(article!.text.split('\n\n').length).toBeGreaterThan(10);
    expect(article!.text).not.toContain('<p');
    expect(article!.outlet).toBeUndefined();
    expect(article!.date).toBeUndefined();
  });
});

describe('ContentApp elsewhere', () => {
  it('does nothing on a page that is not an article', async () => {
    document.head.innerHTML = '<title>Search</title>';
    document.body.innerHTML = '<form role="search"><input name="q" value="Kyiv"></form><div>Kyiv weather</div>';
    await app.start();
    expect(calls).toEqual([]);
    expect(registry.size).toBe(0);
    expect((await app.pageState()).isArticle).toBe(false);
  });
});

describe('ContentApp follows the reading settings', () => {
  /** A settings store whose changes reach the app as `storage.onChanged` would deliver them. */
  function fakeReading(initial: ReadingSettings) {
    let listener: ((s: ReadingSettings) => void) | undefined;
    const port: ReadingPort = { load: async () => initial, watch: (onChange) => void (listener = onChange) };
    return { port, change: (s: ReadingSettings) => listener!(s) };
  }
  const start = async (initial: ReadingSettings) => {
    app.destroy();
    const reading = fakeReading(initial);
    app = new ContentApp(document, port, reading.port);
    await app.start();
    return reading;
  };

  it('repaints names live when the density changes: first mention, all, off (claims stay), and back', async () => {
    const reading = await start({ names: 'first', cards: 'on' });
    const firstOnly = texts('parallax-place').filter((t) => t === 'Bakhmut').length;
    expect(firstOnly).toBe(1);
    reading.change({ names: 'all', cards: 'on' });
    await vi.waitFor(() => expect(texts('parallax-place').filter((t) => t === 'Bakhmut').length).toBeGreaterThan(1));
    reading.change({ names: 'off', cards: 'on' });
    await vi.waitFor(() => expect(texts('parallax-place')).toEqual([]));
    expect(texts('parallax-person')).toEqual([]);
    // Claims stay painted (the sentence model may add one beside the lexical match).
    expect(texts('parallax-claim').some((t) => t.includes(CLAIM_WORD))).toBe(true);
    // Names are still counted for the popup.
    expect((await app.pageState()).entities.find((e) => e.name === 'Bakhmut')!.count).toBeGreaterThanOrEqual(5);
    reading.change({ names: 'first', cards: 'on' });
    await vi.waitFor(() => expect(texts('parallax-place').filter((t) => t === 'Bakhmut')).toHaveLength(1));
  });

  it('cards "off" opens nothing from the keyboard, "keyboard" does, and a change closes an open card', async () => {
    const reading = await start({ names: 'first', cards: 'off' });
    await app.handlers().stepHighlight({ direction: 1 }, undefined);
    expect(dialog()).toBeNull();
    reading.change({ names: 'first', cards: 'keyboard' });
    await app.handlers().stepHighlight({ direction: 1 }, undefined);
    expect(dialog()).not.toBeNull();
    reading.change({ names: 'first', cards: 'off' });
    expect(dialog()).toBeNull();
  });
});
