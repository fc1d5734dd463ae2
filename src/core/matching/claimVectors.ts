/**
 * The stored claims' sentence vectors and their nearest-neighbour scan, for the model's links
 * (`modelLinks.ts`).
 *
 * Hand-written: a scan of int8 codes is all the lookup a small library needs; a large one (100,000
 * claims is 50 M multiply-adds, 50-200 ms per sentence in JavaScript) is first narrowed by the signs
 * of the vectors (512 bits per claim, compared by popcount: the angle between two vectors is about
 * pi times the share of differing signs), and only the closest few hundred are scored exactly. A
 * vector database would be one more runtime to ship for the same two steps.
 */
import type { QuantisedVector } from '../ranking';
import type { NearClaim, NearestClaims } from './nearest';

/** One distinct vector and the stored claims that have it (copies of one sentence share a vector). */
interface Row {
  members: Array<{ claimId: string; articleId: string }>;
  codes: Int8Array;
  /** Norm of the codes, taken once (the scale cancels in a cosine). */
  norm: number;
}

/** A cheap hash of a vector's codes, to find its copies (equality is then checked code by code). */
function codesHash(codes: Int8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < codes.length; i++) h = Math.imul(h ^ codes[i]!, 0x01000193);
  return h >>> 0;
}

function sameCodes(a: Int8Array, b: Int8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

/**
 * The stored claims' sentence vectors, searchable by cosine. Claims with the same vector (copies
 * of one sentence: wire copy, an article saved again) are one row, scanned once: a library's
 * copies made every page sentence's scan as long as its copies.
 */
export class ClaimVectors implements NearestClaims {
  private rows: Row[] = [];
  private readonly byClaim = new Set<string>();
  private byHash = new Map<number, Row[]>();
  /** Every row's sign bits, row after row, in one buffer: the sign step walks it without a pointer chase. */
  private signs = new Uint32Array(1024 * SIGN_WORDS);

  /** Number of claims with a vector. */
  get size(): number {
    return this.byClaim.size;
  }

  /** Whether a claim already has its vector. */
  has(claimId: string): boolean {
    return this.byClaim.has(claimId);
  }

  /** Adds a claim's int8 vector (idempotent per claim id). */
  add(claimId: string, articleId: string, vector: QuantisedVector): void {
    if (this.byClaim.has(claimId)) return;
    this.byClaim.add(claimId);
    const hash = codesHash(vector.codes);
    const same = this.byHash.get(hash);
    const copy = same?.find((row) => sameCodes(row.codes, vector.codes));
    if (copy) {
      copy.members.push({ claimId, articleId });
      return;
    }
    let n = 0;
    for (const c of vector.codes) n += c * c;
    const row: Row = { members: [{ claimId, articleId }], codes: vector.codes, norm: Math.sqrt(n) };
    this.setSigns(this.rows.length, vector.codes);
    this.rows.push(row);
    if (same) same.push(row);
    else this.byHash.set(hash, [row]);
  }

  /** Removes every vector of an article. */
  remove(articleId: string): void {
    const kept: Row[] = [];
    for (const row of this.rows) {
      const members = row.members.filter((m) => m.articleId !== articleId || (this.byClaim.delete(m.claimId), false));
      if (members.length) kept.push({ ...row, members });
    }
    this.rows = kept;
    this.byHash = new Map();
    kept.forEach((row, r) => {
      this.setSigns(r, row.codes);
      const hash = codesHash(row.codes);
      const same = this.byHash.get(hash);
      if (same) same.push(row);
      else this.byHash.set(hash, [row]);
    });
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
      if (row.norm === 0) continue;
      const codes = row.codes;
      let s = 0;
      for (let i = 0; i < codes.length; i++) s += query[i]! * codes[i]!;
      const cos = s / (nq * row.norm);
      for (const { claimId, articleId } of row.members) {
        if (cos <= minCos || (best.length === k && cos <= best[k - 1]!.cos)) break;
        if (exclude?.has(articleId)) continue;
        best.push({ claimId, articleId, cos });
        best.sort((a, b) => b.cos - a.cos);
        if (best.length > k) best.pop();
      }
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
