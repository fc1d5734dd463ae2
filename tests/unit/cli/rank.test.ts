/**
 * `corpus query` ranks: k results, best first, each with its relation; a pack built with vectors
 * carries them (and reads back), and an older pack without vectors still answers. Small corpora:
 * each CLI run loads the sentence model (a few seconds) and embeds a handful of texts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePackVectors, encodePackVectors, fromBase64, toBase64 } from '../../../src/core/library/packVectors';
import { quantise } from '../../../src/core/ranking';

const ROOT = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'parallax-rank-'));

function corpus(...args: string[]) {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/corpus.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr };
}

const articles = [
  { id: 'minecraft', text: 'The popular video game Minecraft is shutting down in 2020.', title: 'Is Minecraft Shutting Down?' },
  { id: 'bleach', text: 'Drinking a solution of bleach cures the new coronavirus.', title: 'Bleach Cure' },
  { id: 'pelosi', text: 'Nancy Pelosi advocated a 100% windfall tax on stock market profits.' },
  { id: 'usa', text: "Japan renamed a town 'Usa' so that it could stamp its exports 'Made in USA.'", title: 'Made in Usa' },
  { id: 'menorah', text: 'A video shows a menorah defying Nazi rule in Kiel in 1931.', title: 'Menorah in Kiel' },
  { id: 'olympics', text: 'An image shows the official 2020 Olympic logo.', title: 'Olympic Logo' },
];
const queries = [
  { id: 'q1', text: 'OMG they are closing Minecraft next year?? #Minecraft https://t.co/abc' },
  { id: 'q2', text: 'Stock markets in Tokyo closed higher on Friday after strong export figures.', date: '2023-03-03' },
];
const file = (name: string, rows: object[]) => {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
};
const parse = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; results: Array<{ articleId: string; claim: string; score: number; relation: string }> });

describe('corpus query ranks', { timeout: 120_000 }, () => {
  const input = file('articles.jsonl', articles);
  const q = file('queries.jsonl', queries);

  it('builds vectors into the pack and returns k ranked results with relations, best first', () => {
    const pack = join(dir, 'pack.json');
    expect(corpus('build', '--in', input, '--out', pack).stderr).toMatch(/embedded 11\/11 texts/);
    const json = JSON.parse(readFileSync(pack, 'utf8'));
    expect(json).toMatchObject({ format: 'parallax-pack', version: 1, vectors: { version: 1, model: 'use-lite-512', dim: 512 } });
    const vectors = decodePackVectors(json.vectors)!;
    expect(vectors.ids).toEqual(articles.map((a) => a.id));
    expect(vectors.titles[2]).toBe('');
    expect(vectors.titleVectors[2]!.scale).toBe(0);
    expect(vectors.textVectors.every((v) => v.codes.length === 512 && v.scale > 0)).toBe(true);

    const out = corpus('query', '--pack', pack, '--in', q, '--top', '4');
    expect(out.stderr).toMatch(/hybrid ranking over 6 articles/);
    const lines = parse(out.stdout);
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2']);
    for (const { results } of lines) {
      expect(results).toHaveLength(4);
      expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
      for (const r of results) {
        expect(Object.keys(r)).toEqual(['articleId', 'claim', 'score', 'relation']);
        expect(['same', 'related', 'candidate']).toContain(r.relation);
        expect(r.claim).not.toBe('');
      }
    }
    expect(lines[0]!.results[0]!.articleId).toBe('minecraft');
    // --min-score still filters; --cards answers as the extension's cards (nothing for an unrelated sentence).
    expect(parse(corpus('query', '--pack', pack, '--in', q, '--min-score', '1.01').stdout).every((l) => l.results.length === 0)).toBe(true);
    expect(parse(corpus('query', '--pack', pack, '--in', q, '--cards').stdout)[1]!.results).toEqual([]);
  });

  it('still ranks with an older pack that has no vectors', () => {
    const pack = join(dir, 'old.json');
    corpus('build', '--in', input, '--out', pack, '--no-vectors');
    expect(JSON.parse(readFileSync(pack, 'utf8')).vectors).toBeUndefined();
    const out = corpus('query', '--pack', pack, '--in', q, '--top', '2');
    expect(out.stderr).toMatch(/no vectors: structural ranking/);
    const [first] = parse(out.stdout);
    expect(first!.results.length).toBeGreaterThan(0);
    expect(first!.results.length).toBeLessThanOrEqual(2);
    expect(first!.results[0]).toMatchObject({ articleId: 'minecraft' });
  });
});

describe('pack vectors section', () => {
  it('round-trips ids, texts, titles and int8 codes; base64 matches the standard encoding', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
    for (const n of [0, 1, 2, 3, 999, 1000]) {
      const b = bytes.subarray(0, n);
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(fromBase64(toBase64(b))).toEqual(b);
    }
    const v = (k: number) => quantise(Float32Array.from({ length: 8 }, (_, i) => Math.sin(i + k)));
    const section = {
      model: 'use-lite-512',
      dim: 8,
      ids: ['a', 'b'],
      texts: ['one', 'two'],
      titles: ['T', ''],
      textVectors: [v(1), v(2)],
      titleVectors: [v(3), { codes: new Int8Array(8), scale: 0 }],
    };
    const back = decodePackVectors(JSON.parse(JSON.stringify(encodePackVectors(section))))!;
    expect(back.ids).toEqual(['a', 'b']);
    expect(back.textVectors.map((x) => [...x.codes])).toEqual(section.textVectors.map((x) => [...x.codes]));
    expect(back.titleVectors[1]).toMatchObject({ scale: 0 });
    expect(decodePackVectors(undefined)).toBeUndefined();
    expect(() => decodePackVectors({ ...encodePackVectors(section), ids: ['a'] })).toThrow(/1 ids/);
  });
});
