/**
 * Wire copies: the same agency story carried by several sites, an updated
 * version of one URL, a page quoting a stored article whole. Detected on the
 * cleaned text with word 5-shingles summarised by MinHash (128 hashes), so a
 * signature is a few hundred bytes per article and comparing two costs
 * nothing; the estimate of how much of the stored article the page contains
 * (containment) is what decides, because a page often adds a paragraph or
 * drops the last ones.
 *
 * Hand-written: a few dozen lines, no dependency, identical in the extension
 * and the CLI.
 */
import { foldText, tokenize } from './terms';

/** Hashes per signature: the estimate's error is about 1/sqrt(128) ~ 9%. */
const HASHES = 128;
const SHINGLE = 5;
/** A page carries a stored report when it contains at least this share of its shingles. */
export const COPY_CONTAINMENT = 0.6;

/** A compact summary of one article's text for copy detection. */
export interface CopySignature {
  /** Minimum of each of the `HASHES` hash functions over the shingles (unsigned 32-bit). */
  min: number[];
  /** Number of distinct shingles. */
  shingles: number;
}

/** FNV-1a of a string, 32-bit. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Per-hash multipliers and offsets of a universal family, fixed so signatures are stable across runs. */
const SEEDS: Array<[number, number]> = Array.from({ length: HASHES }, (_, i) => [(fnv(`a${i}`) | 1) >>> 0, fnv(`b${i}`)]);

/** The signature of an article's (cleaned) text. Texts shorter than one shingle get an empty signature. */
export function copySignature(text: string): CopySignature {
  const words = tokenize(foldText(text));
  const min = new Array<number>(HASHES).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = fnv(words.slice(i, i + SHINGLE).join(' '));
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < HASHES; k++) {
      const [a, b] = SEEDS[k]!;
      const v = (Math.imul(h, a) + b) >>> 0;
      if (v < min[k]!) min[k] = v;
    }
  }
  return { min, shingles: seen.size };
}

/** Estimated Jaccard similarity of two signatures' shingle sets. */
export function jaccard(a: CopySignature, b: CopySignature): number {
  if (!a.shingles || !b.shingles) return 0;
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a.min[k] === b.min[k]) same++;
  return same / HASHES;
}

/**
 * Estimated share of `stored`'s shingles that `page` contains, from the
 * Jaccard estimate and the two set sizes: |A∩B| = J(|A|+|B|)/(1+J).
 */
export function containment(page: CopySignature, stored: CopySignature): number {
  const j = jaccard(page, stored);
  if (j === 0) return 0;
  const shared = (j * (page.shingles + stored.shingles)) / (1 + j);
  return Math.min(1, shared / stored.shingles);
}

/** Whether `page` carries the stored report (a wire copy, an update of it, or the same article). */
export function isCopyOf(page: CopySignature, stored: CopySignature): boolean {
  // Very short texts share shingles by chance; a report needs some length to be "the same report".
  if (page.shingles < 20 || stored.shingles < 20) return false;
  return containment(page, stored) >= COPY_CONTAINMENT;
}
