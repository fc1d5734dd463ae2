/**
 * Combining two rankings of the same documents (lexical and sentence-model) into one. Min-max
 * normalisation puts scores with different ranges (BM25 0..40, cosine 0.2..0.9) on one 0..1 scale per
 * query before a linear blend; reciprocal-rank fusion ignores scores and uses only positions.
 */

/** Scales values to 0..1 by their own min and max; all equal gives all 0 (no evidence either way). */
export function minMax(values: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  return values.map((v) => (span > 0 ? (v - lo) / span : 0));
}

/**
 * Linear blend of two score lists over the same candidates, each min-max normalised first:
 * `weight * a + (1 - weight) * b`.
 */
export function linearBlend(a: readonly number[], b: readonly number[], weight: number): number[] {
  const na = minMax(a);
  const nb = minMax(b);
  return na.map((x, i) => weight * x + (1 - weight) * nb[i]!);
}

/** Ranks (0 = best) of each value in a score list; ties share the better rank. */
export function ranksOf(scores: readonly number[]): number[] {
  const order = scores.map((s, i) => [s, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const ranks = new Array<number>(scores.length);
  order.forEach(([s, i], r) => {
    const prev = r > 0 ? order[r - 1]! : undefined;
    ranks[i] = prev && prev[0] === s ? ranks[prev[1]]! : r;
  });
  return ranks;
}

/**
 * Reciprocal-rank fusion: each list adds `1 / (k + rank + 1)`; `k` = 60 is the customary damping that
 * keeps one list's top item from dominating.
 */
export function reciprocalRank(lists: ReadonlyArray<readonly number[]>, k = 60): number[] {
  const n = lists[0]?.length ?? 0;
  const out = new Array<number>(n).fill(0);
  for (const scores of lists) ranksOf(scores).forEach((r, i) => (out[i]! += 1 / (k + r + 1)));
  return out;
}
