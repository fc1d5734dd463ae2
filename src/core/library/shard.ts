/**
 * Sharding a corpus build by article id, and the per-shard record a shard
 * pack carries so that merging shards gives exactly the pack of one build.
 */
import type { ArticleMeta } from '../types';
import { articleDate } from '../text';
import type { Pack } from './pack';

/** One shard of a build: `index` of `count`, both 1-based as on the command line (`--shard 2/3`). */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * What a shard pack adds to a pack (the `shard` field; readers that do not
 * know it ignore it, so a shard pack is also an ordinary pack).
 */
export interface ShardRecord extends ShardSpec {
  /** Digest of the whole input: shards of different archives (or versions of one) must not merge. */
  input: string;
  /** Input line of each of `articles`, in the same order: a merge restores the single build's input order. */
  lines: number[];
  /** Input line of every line of the shard, repeated texts included: the rows of its `vectors` section. */
  rows: number[];
}

/** A pack built from one shard of an archive. */
export type ShardPack = Pack & { shard: ShardRecord };

/**
 * FNV-1a (32 bit) over the id's UTF-16 code units: stable across machines,
 * Node versions and runs (unlike any seeded hash), and spreads similar ids
 * ("art-1", "art-2") over shards.
 */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The 1-based shard of `count` an article id belongs to: a function of the id alone. */
export function shardOf(id: string, count: number): number {
  return (fnv1a(id) % count) + 1;
}

/** Parses `i/n` (1 <= i <= n); throws with the reason otherwise. */
export function parseShardSpec(raw: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) throw new Error(`shard must be i/n with 1 <= i <= n, not "${raw}"`);
  return { index, count };
}

/** The month partition an article belongs to: `YYYY-MM` of its date (given, else inferred), or `undated`. */
export function monthOf(meta: Pick<ArticleMeta, 'date' | 'inferredDate'>): string {
  return articleDate(meta)?.date.slice(0, 7) ?? 'undated';
}
