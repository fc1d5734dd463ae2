/**
 * Fitting the logistic re-ranker: full-batch gradient descent with L2, from zero weights, so the
 * same data gives the same model on every machine (no random start, no shuffling). Small on purpose:
 * a few thousand rows and a few dozen features fit in a second, and a hand-written loop keeps the
 * project free of a training dependency.
 */
import { toVector, type LogisticModel } from './model';
import type { FeatureRow } from './features';

/** Training settings. */
export interface TrainOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  /** Gradient steps. */
  epochs?: number;
  /** Step size (features are standardised, so one rate suits all). */
  rate?: number;
  /**
   * Pairwise: learn from (positive − negative) differences within each group, which optimises the
   * order inside a candidate list rather than a global threshold. Needs `groups`.
   */
  pairwise?: boolean;
}

/** Mean and standard deviation of each feature over the rows (std 1 where a feature is constant). */
export function standardisation(X: Float64Array[]): { mean: number[]; std: number[] } {
  const d = X[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const x of X) for (let j = 0; j < d; j++) mean[j]! += x[j]! / X.length;
  for (const x of X) for (let j = 0; j < d; j++) std[j]! += (x[j]! - mean[j]!) ** 2 / X.length;
  return { mean, std: std.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/** Gradient descent on the mean log-loss of `sigmoid(b + w·x)` against labels in {0, 1}. */
export function fitLogistic(X: Float64Array[], y: number[], options: TrainOptions & { fitBias?: boolean } = {}): { w: number[]; b: number } {
  const d = X[0]?.length ?? 0;
  const l2 = options.l2 ?? 1e-3;
  const rate = options.rate ?? 0.5;
  const epochs = options.epochs ?? 500;
  const fitBias = options.fitBias ?? true;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  // Class balance: positives are rare among candidates; weighting them up keeps the gradient from
  // being all negatives, and does not change which order a pairwise model learns.
  const pos = y.filter((v) => v > 0.5).length;
  const wPos = pos > 0 && pos < y.length ? (y.length - pos) / pos : 1;
  const grad = new Float64Array(d);
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    let gb = 0;
    let norm = 0;
    X.forEach((x, i) => {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const sw = y[i]! > 0.5 ? wPos : 1;
      const err = sw * (p - y[i]!);
      norm += sw;
      for (let j = 0; j < d; j++) grad[j]! += err * x[j]!;
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j]! -= rate * (grad[j]! / norm + l2 * w[j]!);
    if (fitBias) b -= (rate * gb) / norm;
  }
  return { w, b };
}

/**
 * Trains a {@link LogisticModel} over named features. `groups[i]` names the query row `i` belongs to
 * (needed for pairwise training); labels are 1 for a match, 0 otherwise.
 */
export function trainReranker(
  rows: FeatureRow[],
  labels: number[],
  features: string[],
  options: TrainOptions & { groups?: string[]; version?: number; meta?: Record<string, unknown> } = {},
): LogisticModel {
  const raw = rows.map((r) => toVector(r, features));
  const { mean, std } = standardisation(raw);
  const X = raw.map((x) => x.map((v, j) => (v - mean[j]!) / std[j]!));
  let fit: { w: number[]; b: number };
  if (options.pairwise) {
    if (!options.groups) throw new Error('trainReranker: pairwise training needs groups');
    const byGroup = new Map<string, number[]>();
    options.groups.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i]));
    const D: Float64Array[] = [];
    const t: number[] = [];
    for (const idx of byGroup.values()) {
      for (const p of idx.filter((i) => labels[i]! > 0.5)) {
        for (const n of idx.filter((i) => labels[i]! <= 0.5)) {
          // Both orientations, so the data are symmetric and the bias stays at 0.
          const diff = X[p]!.map((v, j) => v - X[n]![j]!);
          D.push(diff, diff.map((v) => -v));
          t.push(1, 0);
        }
      }
    }
    fit = fitLogistic(D, t, { ...options, fitBias: false });
  } else fit = fitLogistic(X, labels, options);
  return { kind: 'logistic', version: options.version ?? 1, features, mean, std, weights: fit.w, bias: fit.b, meta: options.meta };
}
