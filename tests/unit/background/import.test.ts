import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { importArticles } = await import('../../../src/background/importLines');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { countAll, listArticles } = await import('../../../src/store');

afterEach(() => invalidateLibraryCaches());
// Every test owns its database.
beforeEach(freshDatabase);

const line = (text: string, extra: Record<string, unknown> = {}) => JSON.stringify({ text, ...extra });
const GOOD = [
  line('Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday, the defence ministry said.', {
    outlet: 'Example Wire',
    date: '2023-07-10',
  }),
  '',
  line('Warsaw: Poland said on Wednesday it would send more tanks to Ukraine, the defence minister told reporters.'),
];
const BAD = [
  '{"text": "unterminated',
  line(''),
  '[1, 2, 3]',
  JSON.stringify({ text: 42 }),
  line('Moscow: The Russian Defence Ministry said its troops repelled attacks near Bakhmut on Tuesday.', { date: 'July 11' }),
];

describe('JSON Lines import (the importArticles call), all or nothing', () => {
  it('imports every valid line of a clean file', async () => {
    const result = await importArticles(GOOD.join('\r\n'));
    expect(result).toEqual({ added: 2, skipped: 0, errors: [] });
    const articles = await listArticles();
    expect(articles.map((a) => a.outlet ?? null).sort()).toEqual(['Example Wire', null]);
    expect(articles.every((a) => a.origin === 'import')).toBe(true);
  });

  it('reports each bad line by number and imports nothing, not even the good lines', async () => {
    const result = await importArticles([...GOOD, ...BAD].join('\n'));
    expect(result.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8]);
    expect(result.errors[0]!.error).toMatch(/not valid JSON/);
    expect(result.errors[1]!.error).toMatch(/text: must not be empty/);
    expect(result.errors[2]!.error).toMatch(/expected a JSON object/);
    expect(result.errors[3]!.error).toMatch(/text: must be a string/);
    expect(result.errors[4]!.error).toMatch(/date: must be an ISO date/);
    expect(result).toMatchObject({ added: 0, skipped: 0 });
    expect((await countAll()).articles).toBe(0);
  });

  it('imports the same file twice without duplicating anything', async () => {
    await importArticles(GOOD.join('\n'));
    const once = await countAll();
    const again = await importArticles(GOOD.join('\n'));
    expect(again).toEqual({ added: 0, skipped: 2, errors: [] });
    expect(await countAll()).toMatchObject({
      articles: once.articles,
      mentions: once.mentions,
      claims: once.claims,
      entities: once.entities,
    });
  });
});
