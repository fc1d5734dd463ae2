// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Comparison, PageContext, PageState, Result } from '../../../src/shared/messages';

const state: {
  page: Result<PageState>;
  comparison: Result<Comparison>;
  context: PageContext;
  saved: string[];
  created: string[];
  activeTab: number;
} = {
  page: { ok: false, error: 'unset' },
  comparison: { ok: true, value: { events: [], timeline: [] } },
  context: { copyOf: [] },
  saved: [],
  created: [],
  activeTab: 7,
};
const contentCalls: Array<{ tabId: number; method: string }> = [];

vi.mock('../../../src/shared/browser', () => ({
  browser: {
    tabs: {
      query: async () => [{ id: state.activeTab }],
      create: async ({ url }: { url: string }) => {
        state.created.push(url);
        return {};
      },
    },
  },
}));
vi.mock('../../../src/shared/rpc', () => ({
  callContent: async (tabId: number, method: string) => {
    contentCalls.push({ tabId, method });
    if (method === 'getPageState') return state.page;
    if (method === 'extractArticle') return { ok: true, value: { text: 'Body of the article.', title: 'T' } };
    return { ok: false, error: 'unexpected' };
  },
  callBackground: async (method: string, params: { text?: string }) => {
    if (method === 'getLibraryStats') return { ok: true, value: { articles: 4, entities: 102, claims: 120 } };
    if (method === 'getComparison') return state.comparison;
    if (method === 'getPageContext') return { ok: true, value: state.context };
    if (method === 'getLexicon') return { ok: true, value: { entities: [] } };
    if (method === 'saveArticle') {
      state.saved.push(params.text!);
      return { ok: true, value: { articleId: 'a_9', added: true } };
    }
    return { ok: false, error: 'unexpected' };
  },
}));

const { App } = await import('../../../src/popup/App');

const page = (over: Partial<PageState>): PageState => ({
  url: 'https://news.example/story',
  title: 'A story',
  isArticle: true,
  entities: [],
  matches: [],
  ...over,
});
let root: HTMLElement;
// Fake timers: Preact runs effects after the next frame (or a 100 ms fallback); advancing past it settles the
// popup without sleeping. Only timers and frames are faked: promises still resolve as they do in the browser.
const settle = () => vi.advanceTimersByTimeAsync(120);
async function mount(search = '') {
  root = document.createElement('div');
  document.body.appendChild(root);
  render(<App search={search} href={`chrome-extension://abc/src/popup/index.html${search}`} />, root);
  await settle();
  return root;
}
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  contentCalls.length = 0;
  state.context = { copyOf: [] };
  state.saved = [];
  state.created = [];
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('popup panel', () => {
  it('says when the page is not an article', async () => {
    state.page = { ok: true, value: page({ isArticle: false }) };
    const el = await mount();
    expect(el.textContent).toContain("This page doesn't look like a news article");
    expect(el.textContent).toContain('Library: 4 articles, 102 names, 120 claims');
    expect(contentCalls[0]).toEqual({ tabId: 7, method: 'getPageState' });
  });

  it('says when no known names are on an article', async () => {
    state.page = { ok: true, value: page({}) };
    const el = await mount();
    expect(el.textContent).toContain('No known names here.');
    expect(el.querySelector('h1')?.textContent).toBe('Parallax');
  });

  it('shows an error when the tab cannot be read', async () => {
    state.page = { ok: false, error: 'Could not establish connection.' };
    const el = await mount();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain("can't read this page");
  });

  it('lists names by kind with counts and spellings, an outlet card per report, events and timeline', async () => {
    state.page = {
      ok: true,
      value: page({
        entities: [
          { entityId: 'place:kyiv', name: 'Kyiv', kind: 'place', count: 3, surfaces: ['Kyiv', 'Kiev'] },
          { entityId: 'person:zelensky', name: 'Volodymyr Zelensky', kind: 'person', count: 2, surfaces: ['Zelenskiy'] },
        ],
        matches: [
          {
            key: 's_1',
            text: 'Russia claimed a breakthrough.',
            reports: [
              {
                claim: {
                  id: 'c_7',
                  articleId: 'a_2',
                  sentenceIndex: 1,
                  text: 'Russia said it broke through.',
                  quotes: [],
                  quantities: [],
                  entities: [],
                  hedges: [],
                  attribution: { speaker: 'Russia', verb: 'said' },
                },
                article: { id: 'a_2', label: 'Seed article 2', origin: 'seed' },
                score: 1,
                relation: 'same',
                reasons: [],
                difference: {
                  numbers: [],
                  attribution: { same: true },
                  hedges: { onlyA: [], onlyB: [] },
                  entities: { onlyA: [], onlyB: [] },
                  wording: [
                    { op: 'removed', text: 'claimed a breakthrough' },
                    { op: 'added', text: 'said it broke through' },
                  ],
                },
              },
            ],
          },
        ],
      }),
    };
    state.comparison = {
      ok: true,
      value: {
        events: [
          {
            event: {
              id: 'e1',
              label: 'Breakthrough claim',
              date: '2023-02-15',
              dateInferred: true,
              claimIds: ['c_7'],
              articleIds: ['a_2'],
              entityIds: [],
            },
            reports: [
              {
                claim: {
                  id: 'c_7',
                  articleId: 'a_2',
                  sentenceIndex: 1,
                  text: 'Russia said it broke through.',
                  quotes: [],
                  quantities: [],
                  entities: [],
                  hedges: ['could not verify'],
                },
                article: { id: 'a_2', label: 'Seed article 2', origin: 'seed' },
              },
            ],
          },
        ],
        timeline: [{ date: '2023-02-15', dateInferred: true, label: 'Breakthrough claim', eventId: 'e1' }],
      },
    };
    const el = await mount();
    const text = el.textContent ?? '';
    expect([...el.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(expect.arrayContaining(['People (1)', 'Places (1)']));
    expect(text).toContain('Kyiv 3×');
    expect(text).toContain('as Kyiv, Kiev');
    expect([...el.querySelectorAll('.px-outlet .px-source')].map((s) => s.textContent)).toEqual(['This page', 'Seed article 2']);
    // The outlet's verbatim cells and its sentence in the difference link to the stored sentence; this page's do not.
    const [hereCard, seedCard] = [...el.querySelectorAll('.px-outlet')];
    expect(hereCard!.querySelector('dd a')).toBeNull();
    expect(seedCard!.querySelector('dd a')?.getAttribute('href')).toBe('../article/index.html?article=a_2#s1');
    expect(seedCard!.querySelector('dd a')?.textContent).toBe('Russia said it broke through.');
    const inStored = [...el.querySelectorAll('.px-pair a')].map((a) => a.getAttribute('href'));
    expect(inStored).toEqual(['../article/index.html?article=a_2#s1']);
    expect(text).toContain('Breakthrough claim · 2023-02-15 (inferred)');
    // The word diff waits behind its toggle.
    expect(el.querySelector('del')).toBeNull();
    const toggle = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('word-by-word'))!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle();
    expect(el.querySelector('del')?.textContent).toBe('claimed a breakthrough');
    expect(text).toContain('Events in your library that involve the names on this page');
    expect(el.querySelector('time')?.getAttribute('datetime')).toBe('2023-02-15');
    expect(el.querySelector('.px-here')?.textContent).toContain("(this page's event)");
  });

  it('saves the article through extractArticle and saveArticle', async () => {
    state.page = { ok: true, value: page({}) };
    const el = await mount();
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Save this article'))!;
    button.click();
    await settle();
    expect(state.saved).toEqual(['Body of the article.']);
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Saved to the library.');
  });

  it('works as a full tab for ?tab=<id> and offers "Open in a tab" only in the popup', async () => {
    state.page = { ok: true, value: page({}) };
    let el = await mount('?tab=42');
    expect(contentCalls[0]).toEqual({ tabId: 42, method: 'getPageState' });
    expect(el.textContent).not.toContain('Open in a tab');
    render(null, root);
    root.remove();
    el = await mount();
    const link = [...el.querySelectorAll('a')].find((a) => a.textContent === 'Open in a tab')!;
    link.click();
    await settle();
    expect(state.created).toEqual(['chrome-extension://abc/src/popup/index.html?tab=7']);
  });
});
