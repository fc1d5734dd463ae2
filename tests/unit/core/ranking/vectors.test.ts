import { describe, expect, it } from 'vitest';
import {
  cosine,
  cosineAll,
  cosineQuantised,
  dequantise,
  linearBlend,
  minMax,
  quantise,
  ranksOf,
  reciprocalRank,
} from '../../../../src/core/ranking';

/** A deterministic pseudo-random unit vector (no Math.random, so failures reproduce). */
function vec(seed: number, d = 512): Float32Array {
  const v = new Float32Array(d);
  let x = seed * 2654435761;
  for (let i = 0; i < d; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    v[i] = x / 2 ** 32 - 0.5;
  }
  const n = Math.hypot(...v);
  return v.map((a) => a / n);
}

describe('int8 vectors', () => {
  it('round-trips within half a quantisation step', () => {
    const v = vec(1);
    const q = quantise(v);
    const back = dequantise(q);
    for (let i = 0; i < v.length; i++) expect(Math.abs(back[i]! - v[i]!)).toBeLessThanOrEqual(q.scale / 2 + 1e-7);
  });

  it('keeps cosines within 0.01 and the order of clearly different neighbours', () => {
    const query = vec(7);
    const near = vec(7).map((a, i) => a + 0.02 * vec(8)[i]!);
    const stored = [vec(2), near, vec(3)];
    const exact = cosineAll(query, stored);
    const approx = cosineAll(query, stored.map(quantise));
    exact.forEach((c, i) => expect(Math.abs(c - approx[i]!)).toBeLessThan(0.01));
    expect(approx[1]!).toBeGreaterThan(Math.max(approx[0]!, approx[2]!));
  });

  it('handles zero vectors without NaN', () => {
    const z = new Float32Array(4);
    expect(cosine(z, [1, 0, 0, 0])).toBe(0);
    expect(cosineQuantised([1, 0, 0, 0], quantise(z))).toBe(0);
  });
});

describe('fusion', () => {
  it('min-max scales to 0..1 and gives 0 for a flat list', () => {
    expect(minMax([2, 4, 6])).toEqual([0, 0.5, 1]);
    expect(minMax([3, 3])).toEqual([0, 0]);
  });
  it('blends normalised scores by weight', () => {
    expect(linearBlend([0, 10], [1, 0], 0.3)).toEqual([0.7, 0.3]);
  });
  it('ranks with shared ranks on ties, and RRF rewards agreement', () => {
    expect(ranksOf([5, 9, 5, 1])).toEqual([1, 0, 1, 3]);
    const rrf = reciprocalRank([
      [3, 2, 1],
      [1, 3, 2],
    ]);
    expect(rrf[1]!).toBeGreaterThan(rrf[2]!);
    expect(rrf[0]!).toBeCloseTo(1 / 61 + 1 / 63);
  });
});
