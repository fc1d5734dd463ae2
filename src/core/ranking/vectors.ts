/**
 * Sentence vectors for storage and lookup. Stored claim vectors are int8 with one float scale per
 * vector: a quarter of float32's size in IndexedDB and in memory, and for unit vectors of 512
 * dimensions the rounding error moves a cosine by about 0.001, far below the gaps that decide a rank.
 */

/** An int8 vector and the scale that maps its codes back: value ≈ code * scale. */
export interface QuantisedVector {
  codes: Int8Array;
  scale: number;
}

/** Dot product of two float vectors of the same length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = Math.sqrt(dot(a, a));
  const nb = Math.sqrt(dot(b, b));
  return na === 0 || nb === 0 ? 0 : dot(a, b) / (na * nb);
}

/** Quantises a vector symmetrically to int8: the largest magnitude maps to ±127. */
export function quantise(v: ArrayLike<number>): QuantisedVector {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]!));
  const scale = max > 0 ? max / 127 : 1;
  const codes = new Int8Array(v.length);
  for (let i = 0; i < v.length; i++) codes[i] = Math.max(-127, Math.min(127, Math.round(v[i]! / scale)));
  return { codes, scale };
}

/** Back to floats (approximately the original vector). */
export function dequantise(q: QuantisedVector): Float32Array {
  const out = new Float32Array(q.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = q.codes[i]! * q.scale;
  return out;
}

/**
 * Cosine of a float query against a quantised vector, without dequantising: the int8 codes are
 * used as they are and the scale cancels in the normalisation.
 */
export function cosineQuantised(query: ArrayLike<number>, q: QuantisedVector): number {
  let s = 0;
  let nq = 0;
  let nc = 0;
  const n = Math.min(query.length, q.codes.length);
  for (let i = 0; i < n; i++) {
    const c = q.codes[i]!;
    s += query[i]! * c;
    nq += query[i]! * query[i]!;
    nc += c * c;
  }
  return nq === 0 || nc === 0 ? 0 : s / Math.sqrt(nq * nc);
}

/**
 * Cosine of a query against every stored vector (float or quantised), as a dense array. The query's
 * norm is taken once and each stored vector's dot and norm in one pass: this loop runs 10,000 times
 * per query, so it is written for speed rather than by reusing {@link cosine}.
 */
export function cosineAll(query: ArrayLike<number>, stored: ReadonlyArray<ArrayLike<number> | QuantisedVector>): Float64Array {
  const out = new Float64Array(stored.length);
  const nq = Math.sqrt(dot(query, query));
  if (nq === 0) return out;
  stored.forEach((v, k) => {
    const x = 'codes' in v ? v.codes : v;
    let s = 0;
    let nx = 0;
    const n = Math.min(query.length, x.length);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      s += query[i]! * xi;
      nx += xi * xi;
    }
    out[k] = nx === 0 ? 0 : s / (nq * Math.sqrt(nx));
  });
  return out;
}
