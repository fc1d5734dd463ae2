import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addListFeatures, overlapFeatures, parseModel, rerank, type FeatureRow } from '../../../../src/core/ranking';

const MODEL = join(import.meta.dirname, '../../../../models/reranker.json');

describe('the shipped re-ranker (models/reranker.json)', () => {
  const model = parseModel(JSON.parse(readFileSync(MODEL, 'utf8')));

  it('is a versioned logistic model over named features with its training depth', () => {
    expect(model.kind).toBe('logistic');
    expect(model.version).toBeGreaterThanOrEqual(1);
    expect(model.features).toEqual(expect.arrayContaining(['bm25', 'cos_v', 'cos_t', 'idf_cover', 'bm25_mm', 'cos_t_top']));
    expect(new Set(model.features).size).toBe(model.features.length);
    expect((model.meta as { depth: number }).depth).toBeGreaterThan(0);
  });

  it('ranks a claim that shares the tweet words and meaning above ones that do not', () => {
    const tweet = 'Minecraft is NOT stopping, Mojang is NOT closing, despite the hoax article.';
    const idf = (t: string) => ({ minecraft: 7, mojang: 8, closing: 4, hoax: 4 })[t] ?? 1.5;
    const cands = [
      { text: 'Video shows a menorah defying Nazi rule in 1933.', bm25: 0.5, cos: 0.2 },
      { text: 'Minecraft is being shut down in 2020.', bm25: 12, cos: 0.62 },
      { text: 'Mojang is closing its offices.', bm25: 7, cos: 0.4 },
    ];
    const rows: FeatureRow[] = cands.map((c) => ({
      bm25: c.bm25,
      bm25_v: c.bm25,
      bm25_t: c.bm25 / 2,
      cos_v: c.cos,
      cos_t: c.cos,
      cos_max: c.cos,
      cos_s_v: c.cos,
      cos_s_t: c.cos,
      ...overlapFeatures(tweet, c.text, idf),
    }));
    addListFeatures(rows, ['bm25', 'bm25_v', 'bm25_t', 'cos_v', 'cos_t', 'cos_max', 'cos_s_v', 'cos_s_t']);
    const ranked = rerank(cands, rows, model);
    expect(ranked.map((r) => r.candidate.text[0])).toEqual(['M', 'M', 'V']);
    expect(ranked[0]!.candidate.bm25).toBe(12);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[2]!.score);
  });
});
