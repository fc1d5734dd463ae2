/**
 * Links found through the sentence model: a page sentence's nearest stored claims by cosine of
 * their sentence vectors, judged by the claim index exactly like its lexical candidates (structure
 * decides same / related). This is what finds a paraphrase that shares few words with the stored
 * report ("Kyiv's forces pulled out of the town" / "Ukrainian troops withdrew from Soledar").
 *
 *   page vector ─► ClaimVectors.nearest (int8 dot products, the page's own article left out)
 *               ─► modelSimilarity (calibrated cosine ─► a floor for the text similarity)
 *               ─► ClaimIndex.judge ─► same / related links, merged with the lexical ones
 *
 * The vectors and their nearest-neighbour scan are `claimVectors.ts`.
 */
import type { Claim, ClaimLink } from '../types';
import type { ClaimIndex } from './claimIndex';
import type { NearestClaims } from './nearest';

export { ClaimVectors, EXACT_SCAN_MAX } from './claimVectors';

/** How a cosine becomes a text-similarity floor: 0 at or below `from`, rising linearly to 1 at `to`. */
export interface ModelCalibration {
  from: number;
  to: number;
  /** A link found only through the model is `same` only at this cosine or above, both reports dated the same day. */
  same: number;
}

/** Tuned on the train half of the labelled news pairs (scripts/eval/newsModel.ts), reported on dev. */
export const MODEL_CALIBRATION: ModelCalibration = { from: 0.75, to: 1.2, same: 0.8 };

/** The similarity floor a cosine earns; 0 means the model adds nothing for this pair. */
export function modelSimilarity(cos: number, calibration: ModelCalibration = MODEL_CALIBRATION): number {
  if (cos <= calibration.from) return 0;
  return Math.min(1, (cos - calibration.from) / (calibration.to - calibration.from));
}

/**
 * The links the model adds for one page sentence: its nearest stored claims (its own articles left
 * out), judged by the claim index with the calibrated cosine as a similarity floor. Only `same` and
 * `related` come back; merge them with the lexical ones with {@link mergeLinks}.
 */
export function linksByMeaning(
  index: ClaimIndex,
  vectors: NearestClaims,
  page: Claim,
  vector: Float32Array,
  options: { exclude?: ReadonlySet<string>; pageDate?: string; calibration?: ModelCalibration; neighbours?: number } = {},
): ClaimLink[] {
  const calibration = options.calibration ?? MODEL_CALIBRATION;
  const near = vectors.nearest(vector, options.neighbours ?? 8, calibration.from, options.exclude);
  return index.judge(
    page,
    near.map((n) => ({ claimId: n.claimId, similarity: modelSimilarity(n.cos, calibration), cosine: n.cos })),
    { sameCosine: calibration.same, ...(options.pageDate ? { pageDate: options.pageDate } : {}) },
  );
}

/**
 * Lexical and model links of one sentence as one list: a claim found both ways keeps the higher
 * score and says the model agreed (`cosine`); `same` before `related`, then by score.
 */
export function mergeLinks(lexical: readonly ClaimLink[], model: readonly ClaimLink[]): ClaimLink[] {
  const byClaim = new Map<string, ClaimLink>(lexical.map((l) => [l.claimId, l]));
  for (const link of model) {
    const known = byClaim.get(link.claimId);
    if (!known) byClaim.set(link.claimId, link);
    else if (link.cosine !== undefined) byClaim.set(link.claimId, link.score > known.score ? link : { ...known, cosine: link.cosine });
  }
  const rank = (l: ClaimLink) => (l.relation === 'same' ? 2 : l.relation === 'related' ? 1 : 0);
  return [...byClaim.values()].sort((x, y) => rank(y) - rank(x) || y.score - x.score);
}
