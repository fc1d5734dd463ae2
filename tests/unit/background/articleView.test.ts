/**
 * The article view's data (`getStoredArticle`) and the claim card's
 * article-level evidence, through the background's handlers on a real
 * (fake-indexeddb) library.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';
import { contentSender, optionsSender } from './fakeBrowser';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { createHandlers } = await import('../../../src/background/handlers');
const { invalidateLibraryCaches } = await import('../../../src/background/library');

const handlers = createHandlers(async () => undefined);

/** A headline without the number, then the number two sentences further down (as seed article 3 has it). */
const OUTLET_TEXT = [
  'Ukraine says advanced over territory near Bakhmut in past week',
  'Kyiv launched a counteroffensive last month, using Western weapons.',
  'According to Deputy Defence Minister Hanna Malyar, the advance near Bakhmut covered approximately seven square kilometres of territory.',
  '<b>Officials</b> said the fighting was difficult.',
].join('\n\n');

beforeEach(() => invalidateLibraryCaches());
beforeEach(freshDatabase);

describe('getStoredArticle', () => {
  it('returns the text as stored, sentence offsets into it, and the sentences holding claims', async () => {
    const { articleId } = await handlers.saveArticle({ text: OUTLET_TEXT, outlet: 'Example Wire' }, optionsSender);
    const view = await handlers.getStoredArticle({ articleId }, optionsSender);
    expect(view.article).toMatchObject({ id: articleId, outlet: 'Example Wire', origin: 'saved' });
    // Markup-like text is kept as text: the view shows it, never parses it.
    expect(view.text).toContain('<b>Officials</b>');
    const texts = view.sentences.map((s) => view.text.slice(s.start, s.end));
    expect(texts[2]).toMatch(/^According to Deputy Defence Minister Hanna Malyar.*seven square kilometres of territory\.$/);
    expect(view.sentences.map((s) => s.index)).toEqual(texts.map((_, i) => i));
    expect(view.claimSentences).toContain(2);
    expect(view.claimSentences.every((i) => i < texts.length)).toBe(true);
  });

  it('answers only the extension’s own pages, and says when the article is gone', async () => {
    const { articleId } = await handlers.saveArticle({ text: OUTLET_TEXT }, optionsSender);
    await expect(handlers.getStoredArticle({ articleId }, contentSender)).rejects.toThrow(/own pages/);
    await expect(handlers.getStoredArticle({ articleId: 'a_missing' }, optionsSender)).rejects.toThrow(
      /No stored article with id a_missing/,
    );
    await expect(handlers.getStoredArticle({ articleId: 5 } as never, optionsSender)).rejects.toThrow(/articleId: must be a string/);
  });
});

describe('claim evidence from the rest of the article', () => {
  it('shows the other article’s sentence that gives the page’s number when its matched sentence does not', async () => {
    const { articleId } = await handlers.saveArticle({ text: OUTLET_TEXT, date: '2023-07-17' }, optionsSender);
    const page = 'Ukraine says it advanced over about 7 square kilometres of territory near Bakhmut in the past week';
    const [match] = await handlers.matchSentences(
      { pageUrl: 'https://page.example/a', pageDate: '2023-07-17', sentences: [{ key: 'k', text: page }] },
      contentSender,
    );
    const report = match?.reports.find((r) => r.article.id === articleId);
    expect(report, JSON.stringify(match)).toBeDefined();
    // The page's sentence matches the headline, which gives no number; the 7 km² is two sentences further down.
    expect(report!.claim.sentenceIndex).toBe(0);
    expect(report!.difference.numbers).toEqual([expect.objectContaining({ a: expect.objectContaining({ value: 7 }), agree: false })]);
    expect(report!.evidence).toEqual([
      {
        kind: 'number',
        fact: 'about 7 square kilometres',
        sentenceIndex: 2,
        text: OUTLET_TEXT.split('\n\n')[2],
        phrase: 'approximately seven square kilometres',
      },
    ]);
  });

  it('adds no evidence when the other article gives the number nowhere', async () => {
    const headlineOnly = OUTLET_TEXT.split('\n\n')
      .filter((_, i) => i !== 2)
      .join('\n\n');
    const { articleId } = await handlers.saveArticle({ text: headlineOnly, date: '2023-07-17' }, optionsSender);
    const page = 'Ukraine says it advanced over about 7 square kilometres of territory near Bakhmut in the past week';
    const [match] = await handlers.matchSentences(
      { pageUrl: 'https://page.example/a', pageDate: '2023-07-17', sentences: [{ key: 'k', text: page }] },
      contentSender,
    );
    const report = match?.reports.find((r) => r.article.id === articleId);
    expect(report?.difference.numbers.some((n) => n.a && !n.b)).toBe(true);
    expect(report?.evidence).toBeUndefined();
  });
});
