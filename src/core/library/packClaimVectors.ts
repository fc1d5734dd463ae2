/**
 * A library pack's claim vectors (`pack.claimVectors`): the sentence model's int8 vector of every
 * claim sentence the pack's articles hold, so an import stores them with the claims and the
 * background never re-embeds them (an hour of model time for 10,000 articles on two cores).
 *
 * Keyed by the sentence's text (a content hash of it, spaces collapsed), not by claim id: a
 * sentence's vector depends on its words only, so the same sentence in two articles (a wire copy)
 * travels once, and a claim the importing build cuts a little differently simply gets no vector
 * and is embedded as before. Codes travel as one base64 string, as the corpus packs' do.
 *
 * Optional and versioned: a pack without it imports as before; a section of another version or
 * model is ignored (its claims are embedded); a malformed one refuses the whole import.
 */
import * as v from 'valibot';
import type { QuantisedVector } from '../ranking';
import { contentHash } from '../text';
import { fromBase64, packCodes } from './packVectors';

/** Layout version of the section. */
export const CLAIM_VECTORS_VERSION = 1;

/** Sentences per pack at most (20,000 articles of about 50 sentences). */
const MAX_KEYS = 1_000_000;

/** The serialised section: `codes` holds `keys.length * dim` int8 values, row after row. */
export interface ClaimVectorsJSON {
  version: typeof CLAIM_VECTORS_VERSION;
  /** The sentence model they come from; another model's vectors are not used. */
  model: string;
  dim: number;
  keys: string[];
  codes: string;
  scales: number[];
}

/** The section as read: vectors by sentence key. */
export interface ClaimVectorSet {
  model: string;
  dim: number;
  byKey: Map<string, QuantisedVector>;
}

/** The key of a claim sentence in the section. */
export function claimTextKey(text: string): string {
  return contentHash(text.replace(/\s+/g, ' ').trim());
}

/** Serialises vectors by sentence key (a key given twice keeps its first vector). */
export function encodeClaimVectors(model: string, dim: number, entries: Iterable<readonly [string, QuantisedVector]>): ClaimVectorsJSON {
  const byKey = new Map<string, QuantisedVector>();
  for (const [key, vector] of entries) if (!byKey.has(key)) byKey.set(key, vector);
  for (const vector of byKey.values())
    if (vector.codes.length !== dim) throw new Error(`claim vectors: a vector of ${vector.codes.length} codes, not ${dim}`);
  return { version: CLAIM_VECTORS_VERSION, model, dim, keys: [...byKey.keys()], ...packCodes([...byKey.values()], dim) };
}

const SectionSchema = v.object({
  version: v.number('must be a number'),
  model: v.pipe(v.string('must be a string'), v.maxLength(100, 'longer than 100 characters')),
  dim: v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(4096, 'must be at most 4096'),
  ),
  keys: v.pipe(
    v.array(v.pipe(v.string('must be strings'), v.maxLength(64, 'keys longer than 64 characters')), 'must be an array'),
    v.maxLength(MAX_KEYS, `at most ${MAX_KEYS} sentences`),
  ),
  codes: v.string('must be a string'),
  scales: v.array(v.pipe(v.number('must be numbers'), v.finite('must be finite numbers')), 'must be an array'),
});

/**
 * Reads a pack's `claimVectors` key: undefined when absent or of another version; throws, naming
 * what is wrong, when present but malformed (the import is then refused as a whole).
 */
export function decodeClaimVectors(section: unknown): ClaimVectorSet | undefined {
  if (section === undefined) return undefined;
  const parsed = v.safeParse(SectionSchema, section, { abortPipeEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new Error(`claimVectors${path ? `.${path}` : ''}: ${issue.message}`);
  }
  const s = parsed.output;
  if (s.version !== CLAIM_VECTORS_VERSION) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(s.codes);
  } catch {
    throw new Error('claimVectors.codes: not base64');
  }
  const n = s.keys.length;
  if (bytes.length !== n * s.dim || s.scales.length !== n)
    throw new Error(`claimVectors: ${bytes.length} codes and ${s.scales.length} scales for ${n} sentences of ${s.dim}`);
  const all = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const byKey = new Map<string, QuantisedVector>();
  s.keys.forEach((key, i) => byKey.set(key, { codes: all.subarray(i * s.dim, (i + 1) * s.dim), scale: s.scales[i]! }));
  return { model: s.model, dim: s.dim, byKey };
}
