import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function corpus(...args: string[]) {
  const run = spawnSync(TSX, ['src/cli/corpus.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const seed = (name: string) =>
  readFileSync(
    join(
      ROOT,
      'seeds',
      readdirSync(join(ROOT, 'seeds')).find((f) => f.startsWith(name))!,
    ),
    'utf8',
  );
const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('corpus CLI', { timeout: 120_000 }, () => {
  const articles = file(
    'articles.jsonl',
    [
      JSON.stringify({ id: 'seed-000', text: seed('000') }),
      JSON.stringify({
        id: 'recipe',
        text: 'Whisk three eggs with a cup of flour. Bake the cake for forty minutes at 180 degrees.',
        title: 'Cake',
      }),
      '',
      JSON.stringify({ id: 'seed-003', text: seed('003'), outlet: 'Example Wire', date: '2023-02-15' }),
    ].join('\n') + '\n',
  );
  const pack = join(dir, 'pack.json');

  it('builds a versioned pack and answers one JSON line per query, best first', () => {
    const built = corpus('build', '--in', articles, '--out', pack, '--no-vectors');
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toBe('');
    const json = JSON.parse(readFileSync(pack, 'utf8'));
    expect(json).toMatchObject({ format: 'parallax-pack', version: 1 });
    const queries = file(
      'q.jsonl',
      [
        JSON.stringify({
          id: 'q1',
          text: 'The Ukrainian troops retreated at random to a distance of up to 3 km (1.9 miles) from the previously occupied lines.',
        }),
        JSON.stringify({ id: 'q2', text: 'Stock markets in Tokyo closed higher on Friday after strong export figures.' }),
      ].join('\n'),
    );
    // --cards: the extension's filter, under which an unrelated sentence gets nothing.
    const out = corpus('query', '--pack', pack, '--in', queries, '--top', '2', '--min-score', '0.3', '--cards');
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2']);
    expect(lines[0].results[0]).toMatchObject({ articleId: 'seed-000' });
    expect(lines[0].results[0].claim).toContain('randomly retreated');
    expect(lines[1].results).toEqual([]);
  });

  const failures: Array<[string, string, RegExp]> = [
    ['malformed JSON', '{"id":"a","text":"ok text here"}\n{"id": "b", "text": \n', /:2: not valid JSON/],
    ['missing text', '{"id":"a"}\n', /:1: text: missing/],
    ['wrong types', '{"id":"a","text":5}\n', /:1: text: must be a string/],
    ['empty file', '', /no records/],
    [
      'a 10 MB line',
      `{"id":"a","text":"ok"}\n{"id":"b","text":"${'x'.repeat(10 * 2 ** 20)}"}\n`,
      /:2: line is \d+ characters, over the limit/,
    ],
  ];
  for (const [name, content, message] of failures) {
    it(`refuses ${name} with the line number and leaves the old pack untouched`, () => {
      const target = file(`old-${name.replace(/\W/g, '')}.json`, 'OLD');
      const run = corpus('build', '--in', file(`${name.replace(/\W/g, '')}.jsonl`, content), '--out', target);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe('OLD');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('exits 2 on bad usage', () => {
    expect(corpus('build', '--in', articles).code).toBe(2);
    expect(corpus('frobnicate').code).toBe(2);
    expect(corpus('query', '--pack', pack, '--in', articles, '--top', 'zero').code).toBe(2);
  });
});
