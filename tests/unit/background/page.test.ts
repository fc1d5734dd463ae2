import { describe, expect, it, vi } from 'vitest';
import { buildLexicon } from '../../../src/core/entities';
import { loadGazetteer } from '../../../src/core/library';
import { LIMITS, parseParams } from '../../../src/shared/schemas';
import type * as Library from '../../../src/background/library';
import { contentSender } from './fakeBrowser';

const lexicon = buildLexicon(loadGazetteer());
vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));
vi.mock('../../../src/background/library', async (importOriginal) => ({
  ...(await importOriginal<typeof Library>()),
  libraryLexicon: async () => lexicon,
}));

const { MAX_PAGES, analyzeBlocks, analyzePage, blockSentences, pageContext, pageKey } = await import('../../../src/background/page');
const { createHandlers } = await import('../../../src/background/handlers');
const { createSpotContext } = await import('../../../src/core/entities');

const blocks = [
  'Deputy Defence Minister Hanna Malyar said Russian forces were advancing near Bakhmut.',
  'Malyar said the town would hold. Gen. Mark Milley said the fighting near Bakhmut was intense.',
];

describe('analyzeBlocks', () => {
  it('spots names per block with one context, so a bare surname resolves after the full name', () => {
    const analysis = analyzeBlocks(blocks, lexicon, createSpotContext());
    const named = analysis.mentions.map((m) => [m.block, blocks[m.block]!.slice(m.start, m.end), m.entityId]);
    expect(named).toEqual(
      expect.arrayContaining([
        [0, 'Deputy Defence Minister Hanna Malyar', 'person:hanna-malyar'],
        [1, 'Malyar', 'person:hanna-malyar'],
        [1, 'Bakhmut', 'place:bakhmut'],
      ]),
    );
    expect(analysis.entities.find((e) => e.id === 'person:hanna-malyar')).toMatchObject({ name: 'Hanna Malyar', kind: 'person' });
    expect(new Set(analysis.entities.map((e) => e.id)).size).toBe(analysis.entities.length);
  });

  it('splits sentences with the core splitter: "Gen. Mark Milley said" stays one sentence', () => {
    const sentences = blockSentences(blocks[1]!, 1);
    expect(sentences.map((s) => blocks[1]!.slice(s.start, s.end))).toEqual([
      'Malyar said the town would hold.',
      'Gen. Mark Milley said the fighting near Bakhmut was intense.',
    ]);
    expect(sentences.every((s) => s.block === 1 && /^s_/.test(s.key))).toBe(true);
  });

  it('keeps only sentences worth matching, and keys the same text the same way', () => {
    const text = 'Short one. Breaking news\nOfficials in Kyiv did not confirm the report on Wednesday.';
    const [only, ...rest] = blockSentences(text, 0);
    expect(rest).toEqual([]);
    expect(text.slice(only!.start, only!.end)).toBe('Officials in Kyiv did not confirm the report on Wednesday.');
    expect(blockSentences('Officials  in Kyiv did not\nconfirm the report.', 0)).toHaveLength(0); // split at our newline: two fragments
    expect(blockSentences(only ? text.slice(only.start) : '', 3)[0]!.key).toBe(only!.key);
  });
});

describe('page contexts', () => {
  it('are kept per tab, frame and URL without fragment, fresh on request, and bounded', () => {
    const key = pageKey({ tab: { id: 7 } as never, frameId: 0 }, 'https://news.example/a#top');
    expect(key).toBe(pageKey({ tab: { id: 7 } as never }, 'https://news.example/a'));
    expect(key).not.toBe(pageKey({ tab: { id: 8 } as never }, 'https://news.example/a'));
    const first = pageContext(key, true);
    expect(pageContext(key, false)).toBe(first);
    expect(pageContext(key, true)).not.toBe(first);
    for (let i = 0; i < MAX_PAGES + 5; i++) pageContext(`other:${i}`, true);
    expect(pageContext('other:0', false).seen.size).toBe(0); // evicted: a fresh context, which still works
  });

  it('carry a name from one call to a partial rescan of the same page, but not to a fresh scan', async () => {
    const sender = { tab: { id: 11 } as never, frameId: 0 };
    const pageUrl = 'https://news.example/story';
    await analyzePage({ pageUrl, fresh: true, blocks: [blocks[0]!] }, sender);
    const rescan = await analyzePage({ pageUrl, fresh: false, blocks: ['Malyar said so.'] }, sender);
    expect(rescan.mentions.map((m) => m.entityId)).toContain('person:hanna-malyar');
    const anew = await analyzePage({ pageUrl, fresh: true, blocks: ['Malyar said so.'] }, sender);
    expect(anew.mentions.map((m) => m.entityId)).not.toContain('person:hanna-malyar');
  });
});

describe('analyzePage through the handlers', () => {
  const handlers = createHandlers(async () => undefined);

  it('answers a content script with names and sentences', async () => {
    const result = await handlers.analyzePage({ pageUrl: 'https://news.example/x', fresh: true, blocks }, contentSender);
    expect(result.mentions.length).toBeGreaterThan(2);
    expect(result.sentences.length).toBe(3);
  });

  it('refuses oversized or malformed input from the page', async () => {
    const call = (params: unknown) => handlers.analyzePage(params as never, contentSender);
    await expect(call({ pageUrl: 'x', fresh: true, blocks: [1] })).rejects.toThrow(/blocks\.0: must be a string/);
    await expect(call({ pageUrl: 'x', blocks: [] })).rejects.toThrow(/fresh/);
    const half = 'a'.repeat(LIMITS.pageChars / 2 + 1);
    await expect(call({ pageUrl: 'x', fresh: true, blocks: [half, half] })).rejects.toThrow(/characters in all/);
    await expect(call({ pageUrl: 'x', fresh: true, blocks: Array(LIMITS.pageBlocks + 1).fill('') })).rejects.toThrow(/blocks per call/);
    expect(() => parseParams('analyzePage', { pageUrl: 'x', fresh: false, blocks: ['a'.repeat(1_300_000)] })).not.toThrow();
  });
});
