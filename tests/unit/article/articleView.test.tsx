// @vitest-environment happy-dom
/**
 * The stored article view: the saved text cut at its sentences (every
 * character kept), claims marked, markup shown as text, and the linked
 * sentence focused.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredArticle } from '../../../src/shared/messages';

const TEXT = 'Kyiv: Forces advanced 7 km².\n\nOfficials said <b>little</b>. The end';
const stored: StoredArticle = {
  article: { id: 'a_1', label: 'Seed article 3 · 17 Jul 2023 (inferred)', date: '2023-07-17', dateInferred: true, origin: 'seed' },
  text: TEXT,
  sentences: [
    { index: 0, start: 0, end: 28 },
    { index: 1, start: 30, end: 59 },
    { index: 2, start: 60, end: 67 },
  ],
  claimSentences: [0, 1],
};
const calls: Array<{ method: string; params: unknown }> = [];
let reply: { ok: true; value: StoredArticle } | { ok: false; error: string } = { ok: true, value: stored };
vi.mock('../../../src/shared/rpc', () => ({
  callBackground: async (method: string, params: unknown) => {
    calls.push({ method, params });
    return reply;
  },
}));

const { articleSegments, articleIdFromQuery, resolveTarget } = await import('../../../src/article/segments');
const { ArticlePage } = await import('../../../src/article/ArticleView');

async function mount(search: string, hash: string): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.appendChild(root);
  await act(async () => {
    render(<ArticlePage search={search} hash={hash} />, root);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
  calls.length = 0;
  reply = { ok: true, value: stored };
});

describe('articleSegments', () => {
  it('keeps every character, in order, and marks the claim sentences', () => {
    const segments = articleSegments(stored);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    expect(segments.filter((s) => s.kind === 'sentence').map((s) => [s.index, s.claim, s.text])).toEqual([
      [0, true, 'Kyiv: Forces advanced 7 km².'],
      [1, true, 'Officials said <b>little</b>.'],
      [2, false, 'The end'],
    ]);
    expect(segments[1]).toEqual({ kind: 'gap', text: '\n\n' });
  });

  it('leaves overlapping or out-of-range sentences as plain text', () => {
    const broken = { ...stored, sentences: [...stored.sentences, { index: 3, start: 5, end: 10 }, { index: 4, start: 60, end: 999 }] };
    const segments = articleSegments(broken);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    expect(segments.filter((s) => s.kind === 'sentence')).toHaveLength(3);
  });

  it('finds the linked sentence by index, or by its words however spaced and quoted', () => {
    expect(resolveTarget(stored, '#s2')).toBe(2);
    expect(resolveTarget(stored, '#s9')).toBeNull();
    expect(resolveTarget(stored, `#q=${encodeURIComponent('Officials said <b>little</b>.')}`)).toBe(1);
    expect(resolveTarget(stored, `#q=${encodeURIComponent('kyiv:  Forces advanced 7 km².')}`)).toBe(0);
    // A page sentence split a little differently: contained in the stored one.
    expect(resolveTarget(stored, `#q=${encodeURIComponent('Forces advanced 7 km²')}`)).toBe(0);
    expect(resolveTarget(stored, `#q=${encodeURIComponent('Nothing like it')}`)).toBeNull();
    expect(resolveTarget(stored, '#q=%E0%A4%A')).toBeNull();
    expect(resolveTarget(stored, '')).toBeNull();
  });

  it('reads the article id from the query', () => {
    expect(articleIdFromQuery('?article=a_12')).toBe('a_12');
    expect(articleIdFromQuery('?tab=3')).toBeNull();
  });
});

describe('ArticlePage', () => {
  it('asks the background for the article, shows its text as text, marks claims and focuses the linked sentence', async () => {
    const root = await mount('?article=a_1', '#s1');
    expect(calls).toEqual([{ method: 'getStoredArticle', params: { articleId: 'a_1' } }]);
    expect(root.querySelector('h1')?.textContent).toBe('Seed article 3 · 17 Jul 2023 (inferred)');
    expect(root.textContent).toContain('Date: 17 Jul 2023 (inferred)');
    const text = root.querySelector('.px-article-text')!;
    expect(text.textContent).toBe(TEXT);
    // Markup in the stored text stays text.
    expect(text.querySelector('b')).toBeNull();
    expect([...text.querySelectorAll('mark.px-claim')].map((m) => m.textContent)).toEqual([
      'Kyiv: Forces advanced 7 km².',
      'Officials said <b>little</b>.',
    ]);
    const target = root.querySelector('#s1')!;
    expect(target.classList.contains('px-target')).toBe(true);
    expect(target.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(target);
    expect(root.querySelectorAll('.px-target')).toHaveLength(1);
  });

  it('focuses a sentence named by its words (a page cell linked to the page’s stored copy)', async () => {
    const root = await mount('?article=a_1', `#q=${encodeURIComponent('Officials said <b>little</b>.')}`);
    expect(root.querySelector('.px-target')?.id).toBe('s1');
    expect(document.activeElement?.id).toBe('s1');
  });

  it('says why when the article is gone or none is named', async () => {
    reply = { ok: false, error: 'No stored article with id a_9: it may have been deleted.' };
    const gone = await mount('?article=a_9', '');
    expect(gone.querySelector('[role=alert]')?.textContent).toMatch(/cannot be shown: No stored article with id a_9/);
    const none = await mount('', '');
    expect(none.querySelector('[role=alert]')?.textContent).toMatch(/No article was named/);
    expect(calls).toHaveLength(1);
  });
});
