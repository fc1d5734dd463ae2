/**
 * A pack's optional sentence-vector section (`pack.vectors`): what hybrid ranking needs beyond the
 * claim index. For every input article line, in input order: its id, text and title, and int8
 * vectors of the text and the title (one scale per vector), so a query never re-embeds the library.
 *
 * It is a separate, optional key of the pack: packs without it load and query as before, and the
 * pack envelope (`pack.ts`) does not need to know about it. Every input line is kept, even one whose
 * text repeats an earlier article's (which the claim index stores once), so a ranking can return
 * each id. Codes travel as base64 (a quarter of the size of JSON numbers); pure TS, no Buffer or atob.
 */
import type { QuantisedVector } from '../ranking';

/** Version of the section's layout; a reader ignores a section of another version. */
export const PACK_VECTORS_VERSION = 1;

/** The serialised section. `codes` holds `ids.length * dim` int8 values, row after row. */
export interface PackVectorsJSON {
  version: typeof PACK_VECTORS_VERSION;
  /** The sentence model the vectors come from; a query must embed with the same one. */
  model: string;
  dim: number;
  ids: string[];
  texts: string[];
  /** `''` where a line had no title. */
  titles: string[];
  text: { codes: string; scales: number[] };
  /** Scale 0 (all-zero codes) where a line had no title. */
  title: { codes: string; scales: number[] };
}

/** The section in memory: vectors are views into one buffer per kind. */
export interface PackVectors {
  model: string;
  dim: number;
  ids: string[];
  texts: string[];
  titles: string[];
  textVectors: QuantisedVector[];
  titleVectors: QuantisedVector[];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Standard base64 (with `=` padding) of bytes. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Chunks keep each join small; a 5 MB section would otherwise build one huge array of characters.
  for (let start = 0; start < bytes.length; start += 3 * 4096) {
    const end = Math.min(bytes.length, start + 3 * 4096);
    let s = '';
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      s += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
      s += i + 1 < end ? ALPHABET[(n >> 6) & 63]! : '=';
      s += i + 2 < end ? ALPHABET[n & 63]! : '=';
    }
    parts.push(s);
  }
  return parts.join('');
}

/** Bytes of a standard base64 string; throws on a character outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const c of clean) {
    const v = LOOKUP.get(c);
    if (v === undefined) throw new Error(`pack vectors: "${c}" is not base64`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** Vectors as one base64 string of codes, row after row, and their scales (the first `dim` codes of each). */
export function packCodes(vectors: readonly QuantisedVector[], dim: number): { codes: string; scales: number[] } {
  const all = new Int8Array(vectors.length * dim);
  vectors.forEach((v, i) => all.set(v.codes.subarray(0, dim), i * dim));
  return { codes: toBase64(new Uint8Array(all.buffer)), scales: vectors.map((v) => v.scale) };
}

function unpackCodes(part: { codes: string; scales: number[] }, count: number, dim: number, name: string): QuantisedVector[] {
  const bytes = fromBase64(part.codes);
  if (bytes.length !== count * dim || part.scales.length !== count)
    throw new Error(`pack vectors: ${name} holds ${bytes.length} codes and ${part.scales.length} scales for ${count} x ${dim}`);
  const all = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return part.scales.map((scale, i) => ({ codes: all.subarray(i * dim, (i + 1) * dim), scale }));
}

/** Serialises the section. Every list must have one entry per id. */
export function encodePackVectors(v: PackVectors): PackVectorsJSON {
  const n = v.ids.length;
  for (const [name, list] of [
    ['texts', v.texts],
    ['titles', v.titles],
    ['textVectors', v.textVectors],
    ['titleVectors', v.titleVectors],
  ] as const)
    if (list.length !== n) throw new Error(`pack vectors: ${n} ids but ${list.length} ${name}`);
  return {
    version: PACK_VECTORS_VERSION,
    model: v.model,
    dim: v.dim,
    ids: v.ids,
    texts: v.texts,
    titles: v.titles,
    text: packCodes(v.textVectors, v.dim),
    title: packCodes(v.titleVectors, v.dim),
  };
}

/**
 * Reads a pack's `vectors` key: undefined when absent (an older pack) or of another version;
 * throws when present but malformed, naming what is wrong.
 */
export function decodePackVectors(section: unknown): PackVectors | undefined {
  if (section === undefined || section === null) return undefined;
  const s = section as Partial<PackVectorsJSON>;
  if (s.version !== PACK_VECTORS_VERSION) return undefined;
  if (
    typeof s.model !== 'string' ||
    typeof s.dim !== 'number' ||
    !Array.isArray(s.ids) ||
    !Array.isArray(s.texts) ||
    !Array.isArray(s.titles)
  )
    throw new Error('pack vectors: missing model, dim, ids, texts or titles');
  if (!s.text || !s.title) throw new Error('pack vectors: missing text or title codes');
  const n = s.ids.length;
  if (s.texts.length !== n || s.titles.length !== n)
    throw new Error(`pack vectors: ${n} ids but ${s.texts.length} texts, ${s.titles.length} titles`);
  return {
    model: s.model,
    dim: s.dim,
    ids: s.ids,
    texts: s.texts,
    titles: s.titles,
    textVectors: unpackCodes(s.text, n, s.dim, 'text'),
    titleVectors: unpackCodes(s.title, n, s.dim, 'title'),
  };
}
