/**
 * Asking for a sentence's nearest stored claims: the question (`NearestClaims`, answered by
 * `ClaimVectors` in modelLinks.ts) and an answer worked out ahead (`PrecomputedNearest`).
 */
import type { ClaimVectors } from './claimVectors';

/** One stored claim near a query vector. */
export interface NearClaim {
  claimId: string;
  articleId: string;
  cos: number;
}

/** What finds the stored claims nearest to a vector: {@link ClaimVectors}, or {@link PrecomputedNearest} over it. */
export interface NearestClaims {
  /** The `k` stored claims nearest to `query` with a cosine above `minCos` (articles in `exclude` left out), best first. */
  nearest(query: Float32Array, k: number, minCos: number, exclude?: ReadonlySet<string>): NearClaim[];
}

/**
 * Nearest claims worked out ahead of a match, one query at a time, so that a caller can spread the
 * work (a large library's sign scan costs milliseconds per sentence) between other tasks and then
 * run the match as one synchronous pass. Answers exactly as the underlying vectors would: each
 * prepared query keeps its `depth` nearest claims with no article left out, and a question they
 * cannot answer (too many of them excluded, a lower cosine floor, a query not prepared) is asked of
 * the vectors themselves.
 */
export class PrecomputedNearest implements NearestClaims {
  private readonly found = new Map<Float32Array, { minCos: number; near: NearClaim[] }>();

  constructor(
    private readonly vectors: ClaimVectors,
    private readonly depth: number,
  ) {}

  /** Works out one query's nearest claims above `minCos`. */
  prepare(query: Float32Array, minCos: number): void {
    if (!this.found.has(query)) this.found.set(query, { minCos, near: this.vectors.nearest(query, this.depth, minCos) });
  }

  nearest(query: Float32Array, k: number, minCos: number, exclude?: ReadonlySet<string>): NearClaim[] {
    const prepared = this.found.get(query);
    if (!prepared || minCos < prepared.minCos || k > this.depth) return this.vectors.nearest(query, k, minCos, exclude);
    const kept = prepared.near.filter((n) => n.cos > minCos && !exclude?.has(n.articleId)).slice(0, k);
    // A full list may hide further claims past its end once excluded ones are dropped.
    if (kept.length < k && prepared.near.length === this.depth) return this.vectors.nearest(query, k, minCos, exclude);
    return kept;
  }
}
