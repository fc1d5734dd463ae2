/**
 * Archives past one machine, without the queue: `corpus build --shard i/n`
 * then `corpus merge` gives exactly the bytes of one build (articles, names,
 * claim index and vectors), on 300 articles of real text; and monthly packs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, monthOf, readLibraryImport } from '../../../src/core/library';
import { corpus, corpusChild, writeArchive } from './archive';

const dir = mkdtempSync(join(tmpdir(), 'parallax-shard-'));
const archive = join(dir, 'articles.jsonl');
const one = join(dir, 'one.json');

/** Builds the shards of `input` side by side, as separate machines would. */
async function buildShards(input: string, n: number, ...extra: string[]): Promise<string[]> {
  const outs = Array.from({ length: n }, (_, i) => join(dir, `${input.endsWith('small.jsonl') ? 'v' : 's'}${i + 1}.json`));
  const runs = outs.map((out, i) => corpusChild('build', '--in', input, '--out', out, '--shard', `${i + 1}/${n}`, ...extra));
  const codes = await Promise.all(runs.map((r) => r.exited));
  codes.forEach((code, i) => expect(code, runs[i]!.err()).toBe(0));
  return outs;
}

describe('sharded builds', { timeout: 120_000 }, () => {
  beforeAll(() => {
    writeArchive(archive, 300);
    const run = corpus('build', '--no-vectors', '--in', archive, '--out', one);
    expect(run.code, run.stderr).toBe(0);
  });

  it('merges 3 shard packs, given in any order, into the very bytes of one build', async () => {
    const shards = await buildShards(archive, 3, '--no-vectors');
    const sizes = shards.map((s) => (JSON.parse(readFileSync(s, 'utf8')) as { articles: unknown[] }).articles.length);
    expect(Math.min(...sizes)).toBeGreaterThan(60); // the ids spread over the shards
    const merged = join(dir, 'merged.json');
    const run = corpus('merge', '--out', merged, shards[2]!, shards[0]!, shards[1]!);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(one, 'utf8'));
    // The two repeated texts sit in other shards than their originals, and are kept once, under the first id.
    const pack = loadPack(JSON.parse(readFileSync(merged, 'utf8'))).pack;
    expect(pack.articles).toHaveLength(298);
    expect(pack.articles.map((a) => a.sourceId)).not.toContain('reprint-5');
    // A shard pack is an ordinary pack too.
    expect(() => loadPack(JSON.parse(readFileSync(shards[0]!, 'utf8')))).not.toThrow();

    const missing = corpus('merge', '--out', join(dir, 'bad.json'), shards[0]!, shards[2]!);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('missing shard(s) 2/3');
    const twice = corpus('merge', '--out', join(dir, 'bad.json'), shards[0]!, shards[0]!, shards[2]!);
    expect(twice.stderr).toContain('given twice');
    expect(corpus('merge', '--out', join(dir, 'bad.json'), one).stderr).toContain('not a shard pack');
  });

  it('merges the embedded vectors too (a few articles: the model is the slow part)', async () => {
    const small = join(dir, 'small.jsonl');
    writeFileSync(small, readFileSync(archive, 'utf8').split('\n').slice(0, 6).join('\n'));
    const whole = join(dir, 'vone.json');
    expect(corpus('build', '--in', small, '--out', whole).code).toBe(0);
    const shards = await buildShards(small, 2);
    const merged = join(dir, 'vmerged.json');
    expect(corpus('merge', '--out', merged, ...shards).code).toBe(0);
    const text = readFileSync(merged, 'utf8');
    expect((JSON.parse(text) as { vectors?: { ids: string[] } }).vectors?.ids).toHaveLength(6);
    expect(text).toBe(readFileSync(whole, 'utf8'));
  });

  it('writes one importable pack per month, undated ones apart, the same by build --by-month and split', () => {
    const months = join(dir, 'months');
    expect(corpus('build', '--no-vectors', '--by-month', '--in', archive, '--out', months).code).toBe(0);
    const files = readdirSync(months).sort();
    expect(files).toEqual(['2020-02.json', '2020-03.json', '2020-04.json', 'undated.json']);
    let total = 0;
    for (const file of files) {
      const { pack } = loadPack(JSON.parse(readFileSync(join(months, file), 'utf8')));
      total += pack.articles.length;
      for (const a of pack.articles) expect(monthOf(a.meta)).toBe(file.replace('.json', ''));
      const ids = new Set(pack.articles.map((a) => a.meta.id));
      expect(pack.index.docs.every((d) => ids.has(d.claim.articleId))).toBe(true);
    }
    expect(total).toBe(298);
    const split = join(dir, 'split');
    expect(corpus('split', '--by-month', '--pack', one, '--out', split).code).toBe(0);
    for (const file of files) expect(readFileSync(join(split, file), 'utf8')).toBe(readFileSync(join(months, file), 'utf8'));
  });

  it("each monthly pack is what the options page's import reads: every article with its text and metadata, through the one schema", () => {
    const months = join(dir, 'months');
    if (!existsSync(months)) expect(corpus('build', '--no-vectors', '--by-month', '--in', archive, '--out', months).code).toBe(0);
    for (const file of readdirSync(months)) {
      const content = readFileSync(join(months, file), 'utf8');
      const { pack } = loadPack(JSON.parse(content));
      const reading = readLibraryImport(content);
      expect(reading.ok, JSON.stringify(reading).slice(0, 300)).toBe(true);
      if (!reading.ok) continue;
      expect(reading.kind).toBe('pack');
      expect(reading.items).toHaveLength(pack.articles.length);
      reading.items.forEach((item, i) => {
        const { meta, text } = pack.articles[i]!;
        expect(item.input.text).toBe(text);
        for (const key of ['title', 'outlet', 'date', 'url'] as const) expect(item.input[key]).toBe(meta[key]);
        expect(item.extra?.inferredDate).toEqual(meta.inferredDate);
      });
    }
    // A pack of an earlier build (no texts) is refused whole, saying why.
    const old = JSON.parse(readFileSync(join(months, '2020-02.json'), 'utf8')) as { articles: Array<{ text?: string }> };
    for (const a of old.articles) delete a.text;
    const refused = readLibraryImport(JSON.stringify(old));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.rejected[0]?.reason).toMatch(/no text: the pack was built before packs carried texts/);
  });
});
