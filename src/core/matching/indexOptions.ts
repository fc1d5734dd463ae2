/**
 * The claim index's options, thresholds and serialised form: what callers
 * (the background, the CLI, packs, the evaluation) set and store.
 */
import type { Claim } from '../types';
import type { RelationThresholds } from './relation';

/**
 * Query options. `minScore` defaults to the calibrated `DEFAULT_MIN_SCORE` (or
 * `PLAIN_MIN_SCORE`); 0 turns the query into ranking (every BM25 candidate not
 * rejected by its date, scored 0.6 x match score + 0.4 x normalised BM25), as the
 * corpus CLI's retrieval mode.
 */
export interface QueryOptions {
  top?: number;
  excludeArticleId?: string;
  minScore?: number;
  /** The query's article date (YYYY-MM-DD) when known: dates claims that state no time of their own. */
  pageDate?: string;
  /**
   * Decide `same` / `related` / `candidate` for each link (relation.ts): another
   * day or another speaker is kept as `related` instead of dropped, boilerplate
   * is never linked. Matching mode then returns `same` and `related` links.
   */
  relations?: boolean;
  /** The decision's thresholds (default: `DEFAULT_THRESHOLDS`, calibrated in scripts/eval). */
  thresholds?: RelationThresholds;
}

/** Index construction options. `plain` makes the BM25-only baseline over raw words. */
export interface ClaimIndexOptions {
  plain?: boolean;
  maxPostings?: number;
}

/** Calibrated on the labelled seed fixture and the negative test pages (see scripts/eval.ts). */
export const DEFAULT_MIN_SCORE = 0.42;
/** The BM25-only baseline's threshold on self-normalised BM25. */
export const PLAIN_MIN_SCORE = 0.3;
/** Serialised form, versioned: term dictionary plus each claim with its term ids. */
export interface ClaimIndexJSON {
  version: 1;
  plain: boolean;
  /** Article id -> date (given or inferred), for claims that state no time of their own. */
  articleDates?: Record<string, string>;
  terms: string[];
  /** Per term: capitalised mid-sentence occurrences, and all occurrences. */
  cap: number[];
  seen: number[];
  docs: Array<{ claim: Claim; t: number[]; c?: number[] }>;
}
