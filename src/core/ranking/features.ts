/**
 * Features for the re-ranker, as named numbers. A row is a plain record so that callers with other
 * evidence (a news claim's date distance, speaker side) can add their own names; the model looks
 * features up by name and a missing one counts as its training mean, i.e. contributes nothing.
 */
import { foldTokens, namedTokens, numbersIn } from './tokens';
import { minMax, ranksOf } from './fusion';

/** Named feature values for one (query, candidate) pair. */
export type FeatureRow = Record<string, number>;

/** Inverse document frequency lookup, e.g. `Bm25Index.idf` bound to its index. */
export type IdfLookup = (term: string) => number;

/** Terms rarer than this (idf in a 10k-document library ≈ df below ~100) count as "rare". */
const RARE_IDF = 4.5;

/**
 * Word-overlap features of a query text against a candidate text, independent of any retriever:
 * - `idf_cover`: share of the query's idf mass that the candidate contains (1 = every query term found);
 * - `idf_cover_c`: the same seen from the candidate (its terms the query contains);
 * - `rare_shared`: number of shared rare terms (log-scaled), the strongest cue that two texts are about one thing;
 * - `num_shared`, `num_clash`: shared numbers, and whether both have numbers but share none;
 * - `name_shared`, `name_cover`: shared capitalised words, and the share of the candidate's names found;
 * - `len_ratio`: log of the token-count ratio (a tweet is often much longer than a claim).
 */
export function overlapFeatures(query: string, candidate: string, idf: IdfLookup): FeatureRow {
  const q = new Set(foldTokens(query));
  const c = new Set(foldTokens(candidate));
  let qMass = 0;
  let cMass = 0;
  let shared = 0;
  let rare = 0;
  for (const t of q) {
    const w = idf(t);
    qMass += w;
    if (c.has(t)) {
      shared += w;
      if (w >= RARE_IDF) rare++;
    }
  }
  for (const t of c) cMass += idf(t);
  const qNums = new Set(numbersIn(query));
  const cNums = new Set(numbersIn(candidate));
  const numShared = [...cNums].filter((n) => qNums.has(n)).length;
  const qNames = new Set(namedTokens(query));
  const cNames = new Set(namedTokens(candidate));
  const nameShared = [...cNames].filter((n) => qNames.has(n) || q.has(n)).length;
  return {
    idf_cover: qMass > 0 ? shared / qMass : 0,
    idf_cover_c: cMass > 0 ? shared / cMass : 0,
    rare_shared: Math.log1p(rare),
    num_shared: Math.log1p(numShared),
    num_clash: qNums.size > 0 && cNums.size > 0 && numShared === 0 ? 1 : 0,
    name_shared: Math.log1p(nameShared),
    name_cover: cNames.size > 0 ? nameShared / cNames.size : 0,
    len_ratio: Math.log((q.size + 1) / (c.size + 1)),
  };
}

/**
 * Adds list-relative features for each named score over one query's candidate list, in place:
 * `<key>_mm` (min-max within the list), `<key>_top` (1 for the list's best, decaying as 1/(1+rank)),
 * and `<key>_gap` (how far below the list's best). Raw scores differ in range from query to query;
 * these say how a candidate stands among its rivals, which is what a ranking needs.
 */
export function addListFeatures(rows: FeatureRow[], keys: readonly string[]): void {
  for (const key of keys) {
    const values = rows.map((r) => r[key] ?? 0);
    const mm = minMax(values);
    const ranks = ranksOf(values);
    const best = Math.max(...values);
    rows.forEach((r, i) => {
      r[`${key}_mm`] = mm[i]!;
      r[`${key}_top`] = 1 / (1 + ranks[i]!);
      r[`${key}_gap`] = best - values[i]!;
    });
  }
}
