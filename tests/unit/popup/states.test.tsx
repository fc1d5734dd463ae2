// @vitest-environment happy-dom
/**
 * The panel's states and the tab view's table, on the fixture page that
 * restates a seed claim with another number; and axe-core over each.
 */
import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Comparison, PageContext, PageState, Result } from '../../../src/shared/messages';
import { attackEvent, pageContext, pageWithMatch, relatedReport, seed4 } from '../ui/fixtures';

const state: { page: Result<PageState>; comparison: Comparison; context: PageContext; hang: boolean; options: number } = {
  page: { ok: false, error: 'unset' },
  comparison: { events: [], timeline: [] },
  context: { copyOf: [] },
  hang: false,
  options: 0,
};

vi.mock('../../../src/shared/browser', () => ({
  browser: {
    tabs: { query: async () => [{ id: 3 }], create: async () => ({}) },
    runtime: { openOptionsPage: async () => void state.options++ },
  },
}));
vi.mock('../../../src/shared/rpc', () => ({
  callContent: async () => state.page,
  callBackground: async (method: string) => {
    // A library still being seeded: the background answers only once it is ready.
    if (state.hang) await new Promise(() => {});
    if (method === 'getLibraryStats') return { ok: true, value: { articles: 4, entities: 102, claims: 120 } };
    if (method === 'getComparison') return { ok: true, value: state.comparison };
    if (method === 'getPageContext') return { ok: true, value: state.context };
    if (method === 'getLexicon')
      return { ok: true, value: { entities: [{ id: 'place:bakhmut', name: 'Bakhmut', aliases: ['Artemivsk'] }] } };
    return { ok: false, error: 'unexpected' };
  },
}));

const { App } = await import('../../../src/popup/App');

let root: HTMLElement;
const settle = (ms = 120) => vi.advanceTimersByTimeAsync(ms);
async function mount(search = '') {
  root = document.createElement('div');
  document.body.appendChild(root);
  render(<App search={search} href={`chrome-extension://abc/src/popup/index.html${search}`} />, root);
  await settle();
  return root;
}
/** axe-core's violations; colour contrast needs layout, which happy-dom has not (the e2e run checks it). */
async function violations(el: HTMLElement) {
  vi.useRealTimers();
  const result = await axe.run(el, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  Object.assign(state, { comparison: { events: [], timeline: [] }, context: { copyOf: [] }, hang: false, options: 0 });
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('panel states', () => {
  it('says the library is still loading when the background is slow to answer', async () => {
    state.page = { ok: true, value: pageWithMatch() };
    state.hang = true;
    const el = await mount();
    expect(el.querySelector('[role="status"]')?.textContent).toBe('Reading this page and the library…');
    await settle(1500);
    expect(el.querySelector('[role="status"]')?.textContent).toContain('The library is still loading');
  });

  it('says nothing in the library covers the page, offers import, and shows no timeline of other events', async () => {
    state.page = { ok: true, value: pageWithMatch({ matches: [] }) };
    state.comparison = { events: [], timeline: [{ date: '2023-02-15', dateInferred: true, label: 'Another event', eventId: 'e9' }] };
    const el = await mount();
    expect(el.textContent).toContain("Nothing in your library covers this page's story yet");
    expect(el.textContent).toContain("This page's event is not in the library");
    expect(el.textContent).not.toContain('Another event');
    [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('options page'))!.click();
    await settle();
    expect(state.options).toBe(1);
    expect(await violations(el)).toEqual([]);
  });

  it('says when the library has only related reports, each with why', async () => {
    state.page = { ok: true, value: pageWithMatch({ matches: [{ key: 's', text: 'x', reports: [relatedReport] }] }) };
    state.context = pageContext;
    const el = await mount();
    expect(el.textContent).toContain("no other outlet's report of this page's event");
    expect(el.textContent).toContain('reported 1 Mar 2023; this page 6 Mar 2023');
  });

  it('says when the page is a stored copy, and heads its column "same wire report as"', async () => {
    state.page = { ok: true, value: pageWithMatch() };
    state.comparison = { events: [attackEvent], timeline: [] };
    state.context = { ...pageContext, copyOf: [{ ...seed4, id: 'a_2', label: 'Seed article 2 · credits Reuters' }] };
    const el = await mount();
    expect(el.textContent).toContain('This page is the same report as Seed article 2 in your library');
    expect(el.textContent).toContain('same wire report as Seed article 2');
  });
});

describe('the tab view', () => {
  it('shows the full table with both numbers marked as differing, and passes axe', async () => {
    state.page = { ok: true, value: pageWithMatch() };
    state.comparison = { events: [attackEvent], timeline: [] };
    state.context = pageContext;
    const el = await mount('?tab=3');
    const table = el.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.querySelector('.px-source')?.textContent)).toEqual([
      'This page',
      'Seed article 4',
    ]);
    const numbers = [...table.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.startsWith('Number: attacks'))!;
    expect(numbers.classList.contains('px-differs')).toBe(true);
    expect([...numbers.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['95 attacks', '85 attacks']);
    expect(el.textContent).toContain('this page: 95 attacks (6 Mar 2023); Seed article 4: 85 attacks (6 Mar 2023, inferred)');
    expect([...el.querySelectorAll('mark')].map((m) => m.firstChild?.textContent)).toEqual([
      '95 attacks',
      '85 attacks',
      'could not independently verify',
    ]);
    expect(await violations(el)).toEqual([]);
  });
});
