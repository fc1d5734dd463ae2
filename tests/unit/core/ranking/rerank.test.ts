import { describe, expect, it } from 'vitest';
import {
  addListFeatures,
  overlapFeatures,
  fitLogistic,
  parseModel,
  rerank,
  scoreCandidates,
  trainReranker,
  type FeatureRow,
  type GbdtModel,
  type LogisticModel,
} from '../../../../src/core/ranking';

const idf = (t: string) => ({ soleimani: 8, drone: 5, trump: 3, killed: 2 })[t] ?? 1;

describe('overlapFeatures', () => {
  it('measures shared rare terms, numbers and names', () => {
    const f = overlapFeatures('Trump ordered the drone strike that killed Soleimani in 2020', 'A drone killed Soleimani.', idf);
    expect(f.rare_shared).toBeCloseTo(Math.log1p(2));
    expect(f.name_shared).toBeGreaterThan(0);
    expect(f.idf_cover_c).toBeCloseTo(1);
    expect(f.idf_cover).toBeLessThan(1);
    const clash = overlapFeatures('85 attacks repelled', '95 attacks repelled', idf);
    expect(clash.num_clash).toBe(1);
    expect(clash.num_shared).toBe(0);
  });
});

describe('addListFeatures', () => {
  it('adds min-max, top and gap per key relative to the list', () => {
    const rows: FeatureRow[] = [{ s: 2 }, { s: 10 }, { s: 6 }];
    addListFeatures(rows, ['s']);
    expect(rows.map((r) => r.s_mm)).toEqual([0, 1, 0.5]);
    expect(rows.map((r) => r.s_top)).toEqual([1 / 3, 1, 1 / 2]);
    expect(rows.map((r) => r.s_gap)).toEqual([8, 0, 4]);
  });
});

describe('scoring and re-ranking', () => {
  const logistic: LogisticModel = {
    kind: 'logistic',
    version: 1,
    features: ['a', 'b'],
    mean: [1, 0],
    std: [2, 1],
    weights: [2, -1],
    bias: 0.5,
  };

  it('computes the logistic probability from standardised named features', () => {
    const [p] = scoreCandidates(logistic, [{ a: 3, b: 1 }]);
    expect(p).toBeCloseTo(1 / (1 + Math.exp(-(0.5 + 2 * 1 - 1))));
  });

  it('treats a missing feature as its mean (no contribution)', () => {
    const [withMean, missing] = scoreCandidates(logistic, [{ a: 1, b: 0.4 }, { b: 0.4 }]);
    expect(missing).toBeCloseTo(withMean!);
  });

  it('walks gradient-boosted trees', () => {
    const gbdt: GbdtModel = {
      kind: 'gbdt',
      version: 1,
      features: ['x'],
      bias: -1,
      rate: 0.5,
      trees: [{ feature: 0, threshold: 0.5, left: { value: -2 }, right: { value: 4 } }],
    };
    const [lo, hi] = scoreCandidates(gbdt, [{ x: 0 }, { x: 1 }]);
    expect(lo).toBeCloseTo(1 / (1 + Math.exp(2)));
    expect(hi).toBeCloseTo(1 / (1 + Math.exp(-1)));
  });

  it('reorders candidates by score, keeping input order on ties', () => {
    const out = rerank(['x', 'y', 'z', 'w'], [{ a: 0 }, { a: 5 }, { a: 0 }, { a: 3 }], logistic);
    expect(out.map((r) => r.candidate)).toEqual(['y', 'w', 'x', 'z']);
    expect(() => rerank(['x'], [], logistic)).toThrow(/1 candidates but 0/);
  });

  it('parses a model JSON and rejects a malformed one', () => {
    expect(parseModel(JSON.parse(JSON.stringify(logistic))).features).toEqual(['a', 'b']);
    expect(() => parseModel({ ...logistic, std: [1] })).toThrow(/std/);
    expect(() => parseModel({ features: [], version: 1, kind: 'svm' })).toThrow(/unknown kind/);
  });
});

describe('trainReranker', () => {
  // Groups of candidates where the match has the higher "good" feature and "noise" is useless.
  const rows: FeatureRow[] = [];
  const labels: number[] = [];
  const groups: string[] = [];
  for (let g = 0; g < 30; g++) {
    for (let c = 0; c < 5; c++) {
      const match = c === g % 5;
      rows.push({ good: (match ? 2 : 0) + ((g * 7 + c * 3) % 5) / 5, noise: ((g * 13 + c * 11) % 7) / 7 });
      labels.push(match ? 1 : 0);
      groups.push(String(g));
    }
  }

  for (const pairwise of [false, true]) {
    it(`learns which feature matters (${pairwise ? 'pairwise' : 'pointwise'}) and ranks every match first`, () => {
      const model = trainReranker(rows, labels, ['good', 'noise'], { groups, pairwise });
      expect(model.weights[0]!).toBeGreaterThan(5 * Math.abs(model.weights[1]!));
      for (let g = 0; g < 30; g++) {
        const idx = [0, 1, 2, 3, 4].map((c) => g * 5 + c);
        const best = rerank(
          idx,
          idx.map((i) => rows[i]!),
          model,
        )[0]!.candidate;
        expect(labels[best]).toBe(1);
      }
      // Deterministic: the same data give the same weights.
      expect(trainReranker(rows, labels, ['good', 'noise'], { groups, pairwise }).weights).toEqual(model.weights);
    });
  }
});

describe('fitLogistic', () => {
  it('reaches the optimum of the penalised, class-balanced log-loss (zero gradient)', () => {
    // Overlapping classes, so the optimum is finite and unique; 3 positives of 8 get weight 5/3.
    const xs = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 2];
    const y = [0, 0, 1, 0, 0, 1, 0, 1];
    const X = xs.map((v) => Float64Array.of(v, v * v));
    const l2 = 0.01;
    const { w, b } = fitLogistic(X, y, { l2 });
    const total = 5 + 3 * (5 / 3);
    const grad = [0, 0, 0];
    X.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(b + w[0]! * x[0]! + w[1]! * x[1]!)));
      const e = ((y[i] ? 5 / 3 : 1) * (p - y[i]!)) / total;
      grad[0]! += e * x[0]!;
      grad[1]! += e * x[1]!;
      grad[2]! += e;
    });
    expect(Math.abs(grad[0]! + l2 * w[0]!)).toBeLessThan(1e-8);
    expect(Math.abs(grad[1]! + l2 * w[1]!)).toBeLessThan(1e-8);
    expect(Math.abs(grad[2]!)).toBeLessThan(1e-8);
    expect(w[0]!).toBeGreaterThan(0);
  });
});
