/**
 * CLEF-2020 Task 2's measure: MAP@5. Average precision over the top five claims, divided by the
 * number of relevant claims (at most five), then the mean over queries.
 */

/** Average precision at `k` of one ranked id list against the relevant ids. */
export function averagePrecisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = 5): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / Math.min(relevant.size, k);
}

/** Mean of {@link averagePrecisionAt} over queries. */
export function meanAveragePrecisionAt(runs: ReadonlyArray<{ ranked: readonly string[]; relevant: ReadonlySet<string> }>, k = 5): number {
  if (runs.length === 0) return 0;
  return runs.reduce((s, r) => s + averagePrecisionAt(r.ranked, r.relevant, k), 0) / runs.length;
}
