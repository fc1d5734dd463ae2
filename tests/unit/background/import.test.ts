import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { importArticles, parseImportLines } = await import('../../../src/background/importLines');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { countAll, listArticles } = await import('../../../src/store');

afterEach(() => invalidateLibraryCaches());
// Every test owns its database.
beforeEach(freshDatabase);

const good = (text: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id: 'x', text, ...extra });
const LINES = [
  good('Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday, the defence ministry said.', {
    outlet: 'Example Wire',
    date: '2023-07-10',
  }),
  '{"text": "unterminated',
  '',
  good(''),
  '[1, 2, 3]',
  JSON.stringify({ text: 42 }),
  good('Moscow: The Russian Defence Ministry said its troops repelled attacks near Bakhmut on Tuesday.', { date: 'July 11' }),
  good('Warsaw: Poland said on Wednesday it would send more tanks to Ukraine, the defence minister told reporters.'),
].join('\n');

describe('JSON Lines import', () => {
  it('reports each bad line by number and keeps every valid one', async () => {
    const result = await importArticles(LINES);
    expect(result.errors.map((e) => e.line)).toEqual([2, 4, 5, 6, 7]);
    expect(result.errors[0]!.error).toMatch(/not valid JSON/);
    expect(result.errors[1]!.error).toMatch(/text: must not be empty/);
    expect(result.errors[2]!.error).toMatch(/expected a JSON object/);
    expect(result.errors[3]!.error).toMatch(/text: must be a string/);
    expect(result.errors[4]!.error).toMatch(/date: must be an ISO date/);
    expect(result).toMatchObject({ added: 2, skipped: 0 });
    const articles = await listArticles();
    expect(articles.map((a) => a.outlet ?? null).sort()).toEqual(['Example Wire', null]);
    expect(articles.every((a) => a.origin === 'import')).toBe(true);
  });

  it('imports the same file twice without duplicating anything', async () => {
    await importArticles(LINES);
    const once = await countAll();
    const again = await importArticles(LINES);
    expect(again).toMatchObject({ added: 0, skipped: 2 });
    expect(await countAll()).toMatchObject({
      articles: once.articles,
      mentions: once.mentions,
      claims: once.claims,
      entities: once.entities,
    });
  });

  it('treats blank and CRLF lines kindly and counts lines from 1', () => {
    const { valid, errors } = parseImportLines(`\r\n${good('One.')}\r\nnope\r\n`);
    expect(valid.map((v) => v.line)).toEqual([2]);
    expect(errors).toEqual([{ line: 3, error: expect.stringMatching(/not valid JSON/) }]);
    expect(valid[0]!.input).not.toHaveProperty('id');
  });
});
