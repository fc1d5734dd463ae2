/**
 * The corpus CLI and the extension rank alike: the same library (the four seeds
 * and two more articles, as one JSON Lines file) imported through the
 * background's handler into a fake IndexedDB and built into a pack by the CLI,
 * then the same sentences asked of both.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';
import { optionsSender, contentSender } from '../background/fakeBrowser';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('../background/fakeBrowser')).fakeBrowser }));

const { createHandlers } = await import('../../../src/background/handlers');
const { useInProcessEmbedder } = await import('../../../src/background/embedder');
const { embedSentences } = await import('../../../src/embed');
const { useNodeModel } = await import('../../../src/embed/node');
const { putEntities } = await import('../../../src/store');
const { loadGazetteer } = await import('../../../src/core/library');

const ROOT = join(import.meta.dirname, '../../..');
// The test owns its database.
beforeEach(freshDatabase);
const dir = mkdtempSync(join(tmpdir(), 'parallax-parity-'));

const seeds = readdirSync(join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
const library = [
  ...seeds.map((text, i) => ({ id: `seed-${i + 1}`, text })),
  {
    id: 'wire-1',
    text: 'Kyiv: Ukrainian troops retreated up to 3 km from their previous lines near Bakhmut, the Russian defence ministry said on Wednesday.',
    outlet: 'Example Wire',
    date: '2023-02-15',
  },
  { id: 'recipe', text: 'Whisk three eggs with a cup of flour. Bake the cake for forty minutes at 180 degrees.' },
];
const lineOf = (seed: number, words: string) => seeds[seed]!.split('\n').find((l) => l.includes(words))!;
const sentences = [
  { key: 'q1', text: lineOf(1, 'retreated at random') },
  { key: 'q2', text: lineOf(3, 'repelled 85 Russian attacks'), date: '2023-03-01' },
  { key: 'q3', text: 'Russian forces carried out relentless attacks on the eastern Ukrainian city of Bakhmut on Wednesday.' },
  { key: 'q4', text: 'Stock markets in Tokyo closed higher on Friday after strong export figures.' },
];

function corpus(...args: string[]) {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/corpus.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('one ranking for the CLI and the extension', { timeout: 120_000 }, () => {
  it('gives the same matches, in the same order, with the same relations through corpus query and the background handler', async () => {
    const articles = join(dir, 'library.jsonl');
    writeFileSync(articles, library.map((a) => JSON.stringify(a)).join('\n'));
    const pack = join(dir, 'pack.json');
    // No vectors: the parity is with the extension's cards, which the structural matcher decides.
    corpus('build', '--in', articles, '--out', pack, '--no-vectors');
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(
      queries,
      sentences.map((s) => JSON.stringify({ id: s.key, text: s.text, ...(s.date ? { date: s.date } : {}) })).join('\n'),
    );
    const cli = new Map(
      corpus('query', '--pack', pack, '--in', queries, '--cards')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; results: Array<{ articleId: string; claim: string; score: number; relation: string }> })
        .map((l) => [l.id, l.results]),
    );

    // The extension: an empty library that knows the gazetteer, the same lines imported from the options page.
    const handlers = createHandlers(async () => undefined);
    await putEntities(loadGazetteer());
    const imported = await handlers.importArticles({ jsonl: readFileSync(articles, 'utf8') }, optionsSender);
    expect(imported).toMatchObject({ added: library.length, errors: [] });
    // Content-hash id -> the archive's id, from the pack (both hash the same cleaned text).
    const sourceIds = new Map(
      (JSON.parse(readFileSync(pack, 'utf8')) as { articles: Array<{ sourceId: string; meta: { id: string } }> }).articles.map((a) => [
        a.meta.id,
        a.sourceId,
      ]),
    );
    for (const s of sentences) {
      // One sentence per call: a query line is one page of one sentence.
      const matches = await handlers.matchSentences(
        { pageUrl: `https://page.example/${s.key}`, ...(s.date ? { pageDate: s.date } : {}), sentences: [{ key: s.key, text: s.text }] },
        contentSender,
      );
      const extension = (matches[0]?.reports ?? []).map((r) => ({
        articleId: sourceIds.get(r.article.id),
        claim: r.claim.text,
        score: r.score,
        relation: r.relation,
      }));
      expect(extension, s.key).toEqual(cli.get(s.key));
    }
    expect(cli.get('q1')!.length).toBeGreaterThan(1);
    expect(cli.get('q4')).toEqual([]);
  });

  it('gives the same relations with the sentence model: corpus query --cards --model and the background once its model is ready', async () => {
    const articles = join(dir, 'library-model.jsonl');
    writeFileSync(articles, library.map((a) => JSON.stringify(a)).join('\n'));
    const pack = join(dir, 'pack-model.json');
    corpus('build', '--in', articles, '--out', pack, '--no-vectors');
    // A restatement in other words, and a sentence the words already link.
    const asked = [
      {
        key: 'm1',
        text: 'The Ukrainian army said it had beaten back 85 Russian assaults along the front in the last 24 hours.',
        date: '2023-03-01',
      },
      sentences[1]!,
    ];
    const queries = join(dir, 'queries-model.jsonl');
    writeFileSync(queries, asked.map((s) => JSON.stringify({ id: s.key, text: s.text, ...(s.date ? { date: s.date } : {}) })).join('\n'));
    const cli = new Map(
      corpus('query', '--pack', pack, '--in', queries, '--cards', '--model')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; results: Array<{ articleId: string; claim: string; score: number; relation: string }> })
        .map((l) => [l.id, l.results]),
    );

    // The background with the same model runtime in this process (the extension runs it in a worker).
    useNodeModel();
    useInProcessEmbedder((texts) => embedSentences(texts));
    try {
      const handlers = createHandlers(async () => undefined);
      await putEntities(loadGazetteer());
      await handlers.importArticles({ jsonl: readFileSync(articles, 'utf8') }, optionsSender);
      const sourceIds = new Map(
        (JSON.parse(readFileSync(pack, 'utf8')) as { articles: Array<{ sourceId: string; meta: { id: string } }> }).articles.map((a) => [
          a.meta.id,
          a.sourceId,
        ]),
      );
      for (const s of asked) {
        const matches = await handlers.matchSentences(
          {
            pageUrl: `https://page.example/${s.key}`,
            ...(s.date ? { pageDate: s.date } : {}),
            sentences: [{ key: s.key, text: s.text }],
            model: true,
          },
          contentSender,
        );
        const extension = (matches[0]?.reports ?? []).map((r) => ({
          articleId: sourceIds.get(r.article.id),
          claim: r.claim.text,
          score: r.score,
          relation: r.relation,
        }));
        expect(extension, s.key).toEqual(cli.get(s.key));
      }
      // The paraphrase is linked through the model by both; the imported seed carries no date, so a link
      // found only by meaning is shown as related (same needs both reports dated the same day).
      expect(cli.get('m1')).toEqual([
        expect.objectContaining({ relation: 'related', claim: expect.stringContaining('repelled 85 Russian attacks') }),
      ]);
    } finally {
      useInProcessEmbedder(undefined);
    }
  });
});
