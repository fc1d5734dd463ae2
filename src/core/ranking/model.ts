/**
 * Scoring candidates with a trained re-ranker shipped as JSON. Two kinds are understood: a logistic
 * regression over standardised features, and a small set of gradient-boosted regression trees.
 * Both are a few kilobytes and need no runtime beyond arithmetic, so the same file scores CLEF
 * tweets in the CLI and news claims in the extension.
 */
import type { FeatureRow } from './features';

/** Logistic regression: `sigmoid(bias + Σ weight_i * (x_i - mean_i) / std_i)`. */
export interface LogisticModel {
  kind: 'logistic';
  version: number;
  /** Feature names, in the order of `mean`, `std` and `weights`. */
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Free-form provenance (data, command, metrics); not read when scoring. */
  meta?: Record<string, unknown>;
}

/** One regression tree: internal nodes split on `features[feature] <= threshold`; leaves hold `value`. */
export interface TreeNode {
  feature?: number;
  threshold?: number;
  left?: TreeNode;
  right?: TreeNode;
  value?: number;
}

/** Gradient-boosted trees: `bias + rate * Σ tree(x)`, a log-odds like the logistic model. */
export interface GbdtModel {
  kind: 'gbdt';
  version: number;
  features: string[];
  bias: number;
  rate: number;
  trees: TreeNode[];
  meta?: Record<string, unknown>;
}

/** Any shipped re-ranker. */
export type RerankModel = LogisticModel | GbdtModel;

/** Reads a row into the model's feature order; a missing feature becomes `fallback[i]` (the mean) or 0. */
export function toVector(row: FeatureRow, features: readonly string[], fallback?: readonly number[]): Float64Array {
  const x = new Float64Array(features.length);
  features.forEach((name, i) => {
    const v = row[name];
    x[i] = v === undefined || !Number.isFinite(v) ? (fallback?.[i] ?? 0) : v;
  });
  return x;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function walk(node: TreeNode, x: Float64Array): number {
  let n = node;
  while (n.feature !== undefined && n.left && n.right) n = x[n.feature]! <= n.threshold! ? n.left : n.right;
  return n.value ?? 0;
}

/** The model's log-odds for one row (monotone in the probability; what ranking needs). */
export function logit(model: RerankModel, row: FeatureRow): number {
  if (model.kind === 'logistic') {
    const x = toVector(row, model.features, model.mean);
    let z = model.bias;
    for (let i = 0; i < x.length; i++) z += (model.weights[i]! * (x[i]! - model.mean[i]!)) / (model.std[i]! || 1);
    return z;
  }
  const x = toVector(row, model.features);
  let z = model.bias;
  for (const tree of model.trees) z += model.rate * walk(tree, x);
  return z;
}

/** Probability that each row's candidate is a match, in row order. */
export function scoreCandidates(model: RerankModel, rows: readonly FeatureRow[]): number[] {
  return rows.map((r) => sigmoid(logit(model, r)));
}

/** A candidate with its re-ranker probability. */
export interface Ranked<T> {
  candidate: T;
  score: number;
}

/**
 * Orders candidates by the model's score, best first; `rows[i]` are the features of `candidates[i]`.
 * Ties keep the input order, so a first-stage ranking survives where the model has no opinion.
 */
export function rerank<T>(candidates: readonly T[], rows: readonly FeatureRow[], model: RerankModel): Ranked<T>[] {
  if (rows.length !== candidates.length) throw new Error(`rerank: ${candidates.length} candidates but ${rows.length} feature rows`);
  const scores = scoreCandidates(model, rows);
  return candidates
    .map((candidate, i) => ({ candidate, score: scores[i]!, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ candidate, score }) => ({ candidate, score }));
}

/** Checks the shape of a parsed JSON model; throws with the reason if it is not one. */
export function parseModel(json: unknown): RerankModel {
  const m = json as { kind?: unknown; version?: unknown; features?: unknown; trees?: unknown; [k: string]: unknown } | null;
  if (!m || typeof m !== 'object' || !Array.isArray(m.features)) throw new Error('rerank model: no feature list');
  if (typeof m.version !== 'number') throw new Error('rerank model: no version');
  const n = m.features.length;
  if (m.kind === 'logistic') {
    for (const key of ['mean', 'std', 'weights'] as const) {
      const v = m[key];
      if (!Array.isArray(v) || v.length !== n) throw new Error(`rerank model: ${key} must have ${n} numbers`);
    }
    return m as unknown as LogisticModel;
  }
  if (m.kind === 'gbdt' && Array.isArray(m.trees)) return m as unknown as GbdtModel;
  throw new Error(`rerank model: unknown kind ${String(m.kind)}`);
}
