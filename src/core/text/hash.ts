/**
 * Content hashing for stable ids (articles `a_…`, claims `c_…`, seed-set
 * versions). Synchronous on purpose: ids are computed inside tight analysis
 * loops and in the content script, where `crypto.subtle.digest` (async) would
 * force every caller to await. Not a security hash; collisions only matter
 * for accidental equality, which 64 bits make negligible at library sizes.
 */

// The hash state, four 16-bit limbs (low first). Module-level rather than a
// closure per call: `contentHash` runs once per sentence in bulk imports.
let v0 = 0,
  v1 = 0,
  v2 = 0,
  v3 = 0;

/** XORs one byte into the state and multiplies by the FNV prime 2^40 + 0x1b3, keeping 64 bits. */
function mix(byte: number): void {
  v0 ^= byte;
  const t0 = v0 * 0x1b3;
  let t1 = v1 * 0x1b3;
  let t2 = v2 * 0x1b3 + (v0 << 8);
  const t3 = v3 * 0x1b3 + (v1 << 8);
  t1 += t0 >>> 16;
  v0 = t0 & 0xffff;
  t2 += t1 >>> 16;
  v1 = t1 & 0xffff;
  v3 = (t3 + (t2 >>> 16)) & 0xffff;
  v2 = t2 & 0xffff;
}

const hex4 = (v: number) => v.toString(16).padStart(4, '0');

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `s`, as 16 lowercase hex digits.
 * Same output as any standard FNV-1a-64 implementation (e.g. "a" ->
 * "af63dc4c8601ec8c"). Hand-written with four 16-bit limbs because BigInt
 * arithmetic is several times slower and bulk imports hash every sentence.
 */
export function contentHash(s: string): string {
  // Offset basis 0xcbf29ce484222325.
  v0 = 0x2325;
  v1 = 0x8422;
  v2 = 0x9ce4;
  v3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      mix(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        mix(0xf0 | (c >> 18));
        mix(0x80 | ((c >> 12) & 0x3f));
        mix(0x80 | ((c >> 6) & 0x3f));
        mix(0x80 | (c & 0x3f));
        continue;
      }
    }
    if (c < 0x800) {
      mix(0xc0 | (c >> 6));
    } else {
      // Lone surrogates are encoded as their 3-byte form (like WTF-8), so every string hashes.
      mix(0xe0 | (c >> 12));
      mix(0x80 | ((c >> 6) & 0x3f));
    }
    mix(0x80 | (c & 0x3f));
  }
  return hex4(v3) + hex4(v2) + hex4(v1) + hex4(v0);
}
