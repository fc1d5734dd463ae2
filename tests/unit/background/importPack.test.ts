/**
 * Library packs, all or nothing: whatever is wrong with a file, the store is
 * left exactly as it was and the reader is told why; a cut-off write leaves
 * nothing half-imported and the next start says what happened.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';
import { snapshotStore } from '../store/snapshot';
import { optionsSender } from './fakeBrowser';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { importLibraryFile } = await import('../../../src/background/importLibrary');
const { createHandlers } = await import('../../../src/background/handlers');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { LIBRARY_PACK_FORMAT, IMPORT_LIMITS } = await import('../../../src/core/library');
const store = await import('../../../src/store');

afterEach(() => invalidateLibraryCaches());
beforeEach(freshDatabase);

const handlers = createHandlers(async () => undefined);
const TEXT_A = 'Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday, the defence ministry said.';
const TEXT_B = 'Warsaw: Poland said on Wednesday it would send more tanks to Ukraine, the defence minister told reporters.';
const pack = (articles: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: LIBRARY_PACK_FORMAT, version: 1, exportedAt: '2024-01-01T00:00:00.000Z', articles, ...extra });

/** A library with one article in it, so "unchanged" is not trivially "empty". */
async function libraryWithOneArticle(): Promise<Record<string, unknown[]>> {
  expect((await importLibraryFile('first.json', pack([{ text: TEXT_A, outlet: 'Example Wire' }]))).ok).toBe(true);
  return snapshotStore();
}

describe('a malformed or hostile pack leaves the store exactly as it was', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['truncated JSON', pack([{ text: TEXT_B }]).slice(0, 60), /not valid JSON \(cut off or damaged\?\)/],
    ['wrong types', pack([{ text: TEXT_B, outlet: 7, date: true }]), /article 1: outlet: must be a string; date: must be a string/],
    ['a wrong schema version', pack([{ text: TEXT_B }], { version: 2 }), /version: must be 1/],
    ['an unknown format', JSON.stringify({ format: 'other', articles: [] }), /format: must be "parallax-library"/],
    ['articles not an array', pack([]).replace('"articles":[]', '"articles":{"text":"x"}'), /articles: must be an array/],
    ['an empty file', '   \n', /empty/],
    ['an empty pack', pack([]), /no articles/],
    [
      'duplicate ids with different texts',
      pack([
        { id: 'x1', text: TEXT_B },
        { id: 'x1', text: TEXT_B + ' Later.' },
      ]),
      /article 2: id "x1" is also article 1's, with a different text/,
    ],
    ['one bad article among good ones', pack([{ text: TEXT_B }, { text: '' }]), /article 2: text: must not be empty/],
    [
      'damaged claim vectors',
      pack([{ text: TEXT_B }], { claimVectors: { version: 1, model: 'use-lite-512', dim: 512, keys: ['k'], codes: '!!', scales: [1] } }),
      /claim vectors are damaged: claimVectors\.codes: not base64/,
    ],
    [
      'claim vectors of the wrong length',
      pack([{ text: TEXT_B }], { claimVectors: { version: 1, model: 'use-lite-512', dim: 512, keys: ['k'], codes: 'AAAA', scales: [1] } }),
      /claim vectors are damaged: claimVectors: 3 codes and 1 scales for 1 sentences of 512/,
    ],
    [
      'claim vectors of the wrong type',
      pack([{ text: TEXT_B }], { claimVectors: { version: 1, model: 'm', dim: 'x' } }),
      /claimVectors\.dim: must be a number/,
    ],
    ['an inferred field that is not one', pack([{ text: TEXT_B, inferred: { inferredDate: { value: '2023-01-01' } } }]), /inferred/],
  ];

  it.each(cases)('%s', async (_what, content, reason) => {
    const before = await libraryWithOneArticle();
    const summary = await handlers.importLibrary({ name: 'bad.json', content }, optionsSender);
    expect(summary.ok).toBe(false);
    expect(`${summary.error} ${summary.rejected.map((r) => `${r.where}: ${r.reason}`).join(' ')}`).toMatch(reason);
    expect(summary).toMatchObject({ added: 0, merged: 0 });
    expect(await snapshotStore()).toEqual(before);
  });

  it('refuses a 50 MB pack by its size, with a message that says so', async () => {
    const before = await libraryWithOneArticle();
    const big = pack([{ text: 'Kyiv. '.repeat(10) }]).replace('"articles":', `"padding":"${'x'.repeat(50 * 1024 * 1024)}","articles":`);
    expect(big.length).toBeGreaterThan(IMPORT_LIMITS.chars);
    await expect(handlers.importLibrary({ name: 'big.json', content: big }, optionsSender)).rejects.toThrow(
      /The file is 50\.0 MB; Parallax imports files of up to 40 MB/,
    );
    // The core refuses it too, before parsing, should anything call it directly.
    expect(await importLibraryFile('big.json', big)).toMatchObject({ ok: false, error: expect.stringMatching(/up to 40 MB/) });
    expect(await snapshotStore()).toEqual(before);
  });
});

describe('what a valid pack does', () => {
  it('merges duplicates by content hash: repeated in the file, or already stored', async () => {
    await libraryWithOneArticle();
    const summary = await importLibraryFile('second.json', pack([{ text: TEXT_A }, { text: TEXT_B }, { id: 9, text: `  ${TEXT_B}  ` }]));
    expect(summary).toMatchObject({ ok: true, kind: 'pack', added: 1, merged: 2, rejected: [] });
    // The stored article keeps its own metadata: a merge never overwrites.
    const outlets = (await store.listArticles()).map((a) => a.outlet ?? null).sort();
    expect(outlets).toEqual(['Example Wire', null]);
  });

  it('stores HTML and script in every text field as text, exactly', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const summary = await importLibraryFile(
      'hostile.json',
      pack([
        {
          text: `${TEXT_B} ${hostile}`,
          title: `Title ${hostile}`,
          outlet: `Outlet ${hostile}`,
          url: `https://news.example/a?q=${encodeURIComponent(hostile)}`,
          inferred: { dateline: { value: `Warsaw ${hostile}`, inferred: true, evidence: `Evidence ${hostile}` } },
        },
      ]),
    );
    expect(summary.ok).toBe(true);
    const [article] = await store.allArticles();
    expect(article!.text).toContain(hostile);
    expect(article!.title).toBe(`Title ${hostile}`);
    expect(article!.outlet).toBe(`Outlet ${hostile}`);
    expect(article!.dateline).toEqual({ value: `Warsaw ${hostile}`, inferred: true, evidence: `Evidence ${hostile}` });
  });
});

describe('an import cut off mid-write', () => {
  const three = pack([{ text: TEXT_B }, { text: `${TEXT_B} Second.` }, { text: `${TEXT_B} Third.` }]);

  it('an error after some rows were queued: nothing of it is stored, and the reader is told', async () => {
    const before = await libraryWithOneArticle();
    const summary = await importLibraryFile('cut.json', three, {
      onWrite: (queued) => {
        if (queued === 2) throw new Error('worker stopped');
      },
    });
    expect(summary).toMatchObject({ ok: false, error: expect.stringMatching(/nothing of it was stored: worker stopped/) });
    const { importNotice: _notice, ...meta } = Object.fromEntries(
      (await snapshotStore()).meta!.map((r) => [(r as { key: string }).key, r]),
    );
    expect({ ...(await snapshotStore()), meta: Object.values(meta) }).toEqual(before);
    expect(await handlers.getImportNotice({}, optionsSender)).toMatchObject({ name: 'cut.json', articles: 3, outcome: 'failed' });
  });

  it('a transaction aborted with the worker gone: the next start finds the journal and says so', async () => {
    const before = await libraryWithOneArticle();
    await store.beginImport({ id: 'import-1', name: 'stopped.json', articles: 3, startedAt: 1 });
    const rows = (await store.allArticles()).map((article) => ({
      article: { ...article, id: `${article.id}_copy` },
      mentions: [],
      claims: [],
      discovered: [],
    }));
    // The page closes mid-write: the transaction is aborted, and no code of the import runs after it.
    await expect(
      store.commitImport(rows, () => {
        throw new DOMException('The transaction was aborted', 'AbortError');
      }),
    ).rejects.toThrow(/aborted/);
    await store.closeDB();

    // The next start: the journal is still there, the import's rows are not.
    expect((await store.allArticles()).map((a) => a.id)).toEqual((before.articles as Array<{ id: string }>).map((a) => a.id));
    expect(await store.recoverInterruptedImport()).toMatchObject({ name: 'stopped.json', outcome: 'interrupted' });
    expect(await store.recoverInterruptedImport()).toBeUndefined();
    expect(await handlers.getImportNotice({}, optionsSender)).toMatchObject({ name: 'stopped.json', articles: 3, outcome: 'interrupted' });
    const { importNotice: _n, ...meta } = Object.fromEntries((await snapshotStore()).meta!.map((r) => [(r as { key: string }).key, r]));
    expect({ ...(await snapshotStore()), meta: Object.values(meta) }).toEqual(before);
    await handlers.dismissImportNotice({}, optionsSender);
    expect(await handlers.getImportNotice({}, optionsSender)).toBeNull();
  });
});
