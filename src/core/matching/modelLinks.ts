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
 * Hand-written: a scan of int8 codes is all the lookup a small library needs; a large one (100,000
 * claims is 50 M multiply-adds, 50-200 ms per sentence in JavaScript) is first narrowed by the signs
 * of the vectors (512 bits per claim, compared by popcount: the angle between two vectors is about
 * pi times the share of differing signs), and only the closest few hundred are scored exactly. A
 * vector database would be one more runtime to ship for the same two steps.
 */
import type { Claim, ClaimLink } from '../types';
import type { ClaimIndex } from './claimIndex';
import type { QuantisedVector } from '../ranking';
import type { NearClaim, NearestClaims } from './nearest';

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

interface Row {
  claimId: string;
  articleId: string;
  codes: Int8Array;
  /** Norm of the codes, taken once (the scale cancels in a cosine). */
  norm: number;
}

/** Words of sign bits per claim (512 dimensions). */
const SIGN_WORDS = 16;

/** Libraries up to this many claims are scanned exactly; larger ones are narrowed by signs first. */
export const EXACT_SCAN_MAX = 8_192;
/** Claims kept by the sign step for exact scoring. */
const SIGN_SHORTLIST = 512;

/** Sign bits of a vector, 32 to a word (at least SIGN_WORDS words). */
function signsOf(v: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(Math.max(SIGN_WORDS, Math.ceil(v.length / 32)));
  for (let i = 0; i < v.length; i++) if (v[i]! > 0) out[i >>> 5]! |= 1 << (i & 31);
  return out;
}

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The stored claims' sentence vectors, searchable by cosine. */
export class ClaimVectors implements NearestClaims {
  private rows: Row[] = [];
  private readonly byClaim = new Set<string>();
  /** Every row's sign bits, row after row, in one buffer: the sign step walks it without a pointer chase. */
  private signs = new Uint32Array(1024 * SIGN_WORDS);

  /** Number of claims with a vector. */
  get size(): number {
    return this.rows.length;
  }

  /** Whether a claim already has its vector. */
  has(claimId: string): boolean {
    return this.byClaim.has(claimId);
  }

  /** Adds a claim's int8 vector (idempotent per claim id). */
  add(claimId: string, articleId: string, vector: QuantisedVector): void {
    if (this.byClaim.has(claimId)) return;
    let n = 0;
    for (const c of vector.codes) n += c * c;
    this.setSigns(this.rows.length, vector.codes);
    this.rows.push({ claimId, articleId, codes: vector.codes, norm: Math.sqrt(n) });
    this.byClaim.add(claimId);
  }

  /** Removes every vector of an article. */
  remove(articleId: string): void {
    const kept: Row[] = [];
    for (const row of this.rows) {
      if (row.articleId === articleId) this.byClaim.delete(row.claimId);
      else kept.push(row);
    }
    this.rows = kept;
    kept.forEach((row, r) => this.setSigns(r, row.codes));
  }

  /** Writes row `r`'s sign bits, growing the buffer as needed. */
  private setSigns(r: number, codes: Int8Array): void {
    if ((r + 1) * SIGN_WORDS > this.signs.length) {
      const grown = new Uint32Array(this.signs.length * 2);
      grown.set(this.signs);
      this.signs = grown;
    }
    this.signs.set(signsOf(codes).subarray(0, SIGN_WORDS), r * SIGN_WORDS);
  }

  /** The `k` stored claims nearest to `query` with a cosine above `minCos`, best first. */
  nearest(query: Float32Array, k: number, minCos: number, exclude?: ReadonlySet<string>): NearClaim[] {
    let nq = 0;
    for (let i = 0; i < query.length; i++) nq += query[i]! * query[i]!;
    nq = Math.sqrt(nq);
    const best: NearClaim[] = [];
    if (nq === 0) return best;
    for (const row of this.rows.length > EXACT_SCAN_MAX ? this.shortlist(query) : this.rows) {
      if (row.norm === 0 || exclude?.has(row.articleId)) continue;
      const codes = row.codes;
      let s = 0;
      for (let i = 0; i < codes.length; i++) s += query[i]! * codes[i]!;
      const cos = s / (nq * row.norm);
      if (cos <= minCos || (best.length === k && cos <= best[k - 1]!.cos)) continue;
      best.push({ claimId: row.claimId, articleId: row.articleId, cos });
      best.sort((a, b) => b.cos - a.cos);
      if (best.length > k) best.pop();
    }
    return best;
  }

  /** The rows whose signs differ least from the query's (a histogram of distances picks the cut in one pass). */
  private shortlist(query: Float32Array): Row[] {
    const q = signsOf(query);
    const n = this.rows.length;
    const all = this.signs;
    const distances = new Uint16Array(n);
    const histogram = new Uint32Array(SIGN_WORDS * 32 + 1);
    for (let r = 0, at = 0; r < n; r++, at += SIGN_WORDS) {
      let d = 0;
      for (let w = 0; w < SIGN_WORDS; w++) d += popcount((q[w]! ^ all[at + w]!) >>> 0);
      distances[r] = d;
      histogram[d]!++;
    }
    let cut = 0;
    for (let kept = 0; cut < histogram.length && kept + histogram[cut]! <= SIGN_SHORTLIST; cut++) kept += histogram[cut]!;
    // Ties at the cut are left out, so the list never exceeds the shortlist (its nearest rows come first anyway).
    const out: Row[] = [];
    for (let r = 0; r < n; r++) if (distances[r]! < cut || (cut === 0 && distances[r] === 0)) out.push(this.rows[r]!);
    return out;
  }
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
