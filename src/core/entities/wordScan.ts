/**
 * The spotter's word scan: token offsets and a 20-bit hash of each plain
 * ASCII word in one pass, so most words of a page are rejected against the
 * lexicon's first-word filter without allocating a string.
 */
import { isApostrophe, isWordCode } from '../text';

/** Word offsets of a text and each plain ASCII word's `asciiWordHash`, apostrophes skipped (-1 for other words). */
export interface WordScan {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  /** Hash of the part before an apostrophe ("russia" in "Russia's"), else -1. */
  heads: Int32Array;
}

/**
 * 20-bit FNV-1a hash of an ASCII letters-and-digits word, lower-cased; -1 for
 * anything else. The spotter computes the same hash while scanning, so most
 * words are rejected without allocating a string.
 */
export function asciiWordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h ^ (h >>> 20)) & 0xfffff;
}

/** Scan buffers reused across calls (the spotter is called block by block; JS is single-threaded). */
let bufStarts = new Int32Array(4096);
let bufEnds = new Int32Array(4096);
let bufHashes = new Int32Array(4096);
let bufHeads = new Int32Array(4096);

/**
 * Word tokens as in `tokenize`, plus `asciiWordHash` of each plain ASCII word
 * (-1 for others), computed in the same pass: one loop, no per-word strings.
 * The arrays are shared buffers, valid until the next call: read, don't keep.
 */
export function scanWords(text: string): WordScan {
  const n = text.length;
  if (bufStarts.length < (n >> 1) + 2) {
    const size = (n >> 1) + 2;
    bufStarts = new Int32Array(size);
    bufEnds = new Int32Array(size);
    bufHashes = new Int32Array(size);
    bufHeads = new Int32Array(size);
  }
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128 ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) : !isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let head = -1;
    let plain = true;
    for (;;) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 122 || c < 48 || (c > 57 && c < 97)) plain = false;
      h = Math.imul(h ^ c, 0x01000193);
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : isWordCode(c)) continue;
      if (isApostrophe(c) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) {
        // Folding drops the mark, so the hash skips it; the part before it is the possessive's stem.
        if (head < 0 && c !== 0xad && (c < 0x200c || c > 0x200d) && c !== 0x2060) head = (h ^ (h >>> 20)) & 0xfffff;
        c = text.charCodeAt(++i);
        continue;
      }
      break;
    }
    bufStarts[count] = start;
    bufEnds[count] = i;
    bufHeads[count] = plain ? head : -1;
    bufHashes[count++] = plain ? (h ^ (h >>> 20)) & 0xfffff : -1;
  }
  return { count, starts: bufStarts, ends: bufEnds, hashes: bufHashes, heads: bufHeads };
}

/** True unless the filter proves that a word with this `asciiWordHash` starts no name (-1: unknown). */
export function mayStartName(filter: Uint32Array, hash: number): boolean {
  return hash < 0 || ((filter[hash >>> 5]! >>> (hash & 31)) & 1) === 1;
}
