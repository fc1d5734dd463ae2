/**
 * A corpus CLI pack (`corpus build`, a monthly pack) imports like a library
 * pack: each article's text and metadata through the one schema, analysed as
 * every import is, all or nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { importLibraryFile } = await import('../../../src/background/importLibrary');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { analyzeArticle, finishPack, loadGazetteer, PackBuilder } = await import('../../../src/core/library');
const { buildLexicon } = await import('../../../src/core/entities');
const store = await import('../../../src/store');

beforeEach(freshDatabase);
afterEach(() => invalidateLibraryCaches());

/** A pack as `corpus build` writes one (the same builder, texts included). */
function corpusPack(lines: Array<{ id: string; text: string; outlet?: string; date?: string; url?: string }>): string {
  const lexicon = buildLexicon(loadGazetteer());
  const builder = new PackBuilder();
  for (const line of lines) {
    const { id, ...input } = line;
    const analysed = analyzeArticle({ ...input, origin: 'import' }, lexicon);
    builder.add(id, analysed.meta, analysed.claims, [], analysed.text);
  }
  return JSON.stringify(finishPack(builder, [], new Date('2024-01-01T00:00:00Z')));
}

it('imports a corpus pack with its outlets, dates and URLs; the same pack again merges', async () => {
  const content = corpusPack([
    {
      id: 'w1',
      text: 'Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday, the defence ministry said.',
      outlet: 'Example Wire',
      date: '2023-07-10',
      url: 'https://wire.example/1',
    },
    { id: 'w2', text: 'Warsaw: Poland said on Wednesday it would send more tanks to Ukraine, the defence minister told reporters.' },
  ]);
  expect(await importLibraryFile('2023-07.json', content)).toMatchObject({ ok: true, kind: 'pack', added: 2, merged: 0 });
  const wire = await store.getArticleByUrl('https://wire.example/1');
  expect(wire).toMatchObject({ outlet: 'Example Wire', date: '2023-07-10', origin: 'import' });
  expect((await store.claimsOfArticle(wire!.id)).length).toBeGreaterThan(0);
  expect(await importLibraryFile('2023-07.json', content)).toMatchObject({ ok: true, added: 0, merged: 2 });
});

it('refuses a corpus pack with one bad article whole, and a wrong version', async () => {
  const pack = JSON.parse(corpusPack([{ id: 'w1', text: 'Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday.' }])) as {
    version: number;
    articles: Array<{ meta: Record<string, unknown> }>;
  };
  pack.articles[0]!.meta.date = '<script>';
  const bad = await importLibraryFile('bad.json', JSON.stringify(pack));
  expect(bad).toMatchObject({ ok: false, rejected: [{ where: 'article 1', reason: expect.stringMatching(/date: must be an ISO date/) }] });
  pack.version = 2;
  expect((await importLibraryFile('v2.json', JSON.stringify(pack))).error).toMatch(/corpus pack: version: must be 1/);
  expect((await store.countAll()).articles).toBe(0);
});
