/**
 * Fitting the logistic re-ranker: Newton's method with L2, from zero weights, so the same data give
 * the same model on every machine (no random start, no shuffling). Small on purpose: tens of
 * thousands of rows and a few dozen features fit in seconds, and a hand-written solver keeps the
 * project free of a training dependency.
 */
import { toVector, type LogisticModel } from './model';
import type { FeatureRow } from './features';

/** Training settings. */
export interface TrainOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  /** Newton steps at most (it usually stops sooner, when the weights stop moving). */
  epochs?: number;
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

/** Solves `A x = b` for a symmetric positive-definite `A` (Cholesky); `A` is n×n row-major. */
function solveSpd(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / L[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * y[k]!;
    y[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

/**
 * Minimises the class-balanced mean log-loss of `sigmoid(b + w·x)` plus `l2/2 |w|²` by Newton's
 * method. Plain gradient descent crawls on these features (BM25, its min-max and its rank are
 * strongly correlated) and stopped short of even the linear blend the model contains; Newton reaches
 * the optimum in a handful of steps, and a halved step whenever the loss rises keeps it safe.
 */
export function fitLogistic(
  X: Float64Array[],
  y: number[],
  options: TrainOptions & { fitBias?: boolean } = {},
): { w: number[]; b: number } {
  const d = X[0]?.length ?? 0;
  const n = d + 1; // last coordinate is the bias
  const l2 = options.l2 ?? 1e-3;
  const fitBias = options.fitBias ?? true;
  // Class balance: positives are rare among candidates; weighting them up keeps the loss from being
  // all negatives, and does not change which order a pairwise model learns.
  const pos = y.filter((v) => v > 0.5).length;
  const wPos = pos > 0 && pos < y.length ? (y.length - pos) / pos : 1;
  const sw = y.map((v) => (v > 0.5 ? wPos : 1));
  const total = sw.reduce((a, b) => a + b, 0);
  const theta = new Float64Array(n);

  const z = (x: Float64Array, t: Float64Array) => {
    let s = fitBias ? t[d]! : 0;
    for (let j = 0; j < d; j++) s += t[j]! * x[j]!;
    return s;
  };
  const loss = (t: Float64Array) => {
    let l = 0;
    X.forEach((x, i) => {
      const v = z(x, t);
      // log(1 + e^v) - y v, written to stay finite for large |v|
      l += sw[i]! * ((v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))) - y[i]! * v);
    });
    let r = 0;
    for (let j = 0; j < d; j++) r += t[j]! ** 2;
    return l / total + (l2 / 2) * r;
  };

  let current = loss(theta);
  for (let iter = 0; iter < (options.epochs ?? 30); iter++) {
    const g = new Float64Array(n);
    const H = new Float64Array(n * n);
    X.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-z(x, theta)));
      const e = (sw[i]! * (p - y[i]!)) / total;
      const h = (sw[i]! * p * (1 - p)) / total;
      for (let a = 0; a < d; a++) {
        g[a]! += e * x[a]!;
        for (let c = 0; c <= a; c++) H[a * n + c]! += h * x[a]! * x[c]!;
        H[d * n + a]! += h * x[a]!;
      }
      g[d]! += e;
      H[d * n + d]! += h;
    });
    for (let a = 0; a < n; a++) for (let c = 0; c < a; c++) H[c * n + a] = H[a * n + c]!;
    for (let j = 0; j < d; j++) {
      g[j]! += l2 * theta[j]!;
      H[j * n + j]! += l2;
    }
    if (!fitBias) {
      // Pin the bias: zero its gradient and make its row trivial.
      g[d] = 0;
      for (let a = 0; a < n; a++) H[d * n + a] = H[a * n + d] = 0;
      H[d * n + d] = 1;
    }
    H[d * n + d]! += 1e-9;
    const step = solveSpd(H, g, n);
    let scale = 1;
    let next = theta.map((t, j) => t - step[j]!);
    let nextLoss = loss(next);
    while (nextLoss > current && scale > 1e-4) {
      scale /= 2;
      next = theta.map((t, j) => t - scale * step[j]!);
      nextLoss = loss(next);
    }
    const moved = Math.max(...step.map((v) => Math.abs(v * scale)));
    theta.set(next);
    current = nextLoss;
    if (moved < 1e-7) break;
  }
  return { w: Array.from(theta.subarray(0, d)), b: theta[d]! };
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
          D.push(
            diff,
            diff.map((v) => -v),
          );
          t.push(1, 0);
        }
      }
    }
    fit = fitLogistic(D, t, { ...options, fitBias: false });
  } else fit = fitLogistic(X, labels, options);
  return { kind: 'logistic', version: options.version ?? 1, features, mean, std, weights: fit.w, bias: fit.b, meta: options.meta };
}
