/**
 * Packs from packs: merging shard packs into the pack of one build, and
 * splitting a pack into one pack per month. Both replay articles through
 * `PackBuilder` in a fixed order, the way a build adds them, so the result is
 * byte for byte what a build over those articles writes (the claim index's
 * term dictionary, counts and boilerplate depend on that order, so index JSON
 * is never spliced together).
 */
import * as v from 'valibot';
import type { ArticleMeta, Claim, Entity } from '../types';
import { PackBuilder, type Pack } from './pack';
import { monthOf, type ShardPack, type ShardRecord } from './shard';
import { filterVectorSection, mergeVectorSections } from './vectorsMerge';

/** One article of a pack with its claims, as `PackBuilder.add` takes them. */
export interface PackEntry {
  sourceId: string;
  meta: ArticleMeta;
  claims: Claim[];
  text?: string;
}

/**
 * The articles of a pack with their claims, in pack order. Claims are read back
 * from the index: each is stored once there, and none is shared between articles
 * (a claim id hashes its article id and sentence, one claim per distinct sentence).
 */
export function packEntries(pack: Pack): PackEntry[] {
  const byArticle = new Map<string, Claim[]>();
  for (const { claim } of pack.index.docs) {
    const list = byArticle.get(claim.articleId);
    if (list) list.push(claim);
    else byArticle.set(claim.articleId, [claim]);
  }
  return pack.articles.map((a) => ({
    sourceId: a.sourceId,
    meta: a.meta,
    claims: byArticle.get(a.meta.id) ?? [],
    ...(a.text !== undefined ? { text: a.text } : {}),
  }));
}

/**
 * The finished pack of a corpus build: the builder's articles and index, and
 * the corpus names (the names pass) as `discovered`, since every article was
 * analysed with exactly those names and a query must spot the same ones.
 */
export function finishPack(builder: PackBuilder, discovered: Entity[], now: Date): Pack {
  return { ...builder.build(now), discovered };
}

/** Replays entries, in order, into a new pack (a later article with the same text as an earlier one is dropped, as in a build). */
export function assemblePack(entries: Iterable<PackEntry>, discovered: Entity[], now: Date): Pack {
  const builder = new PackBuilder();
  for (const e of entries) builder.add(e.sourceId, e.meta, e.claims, [], e.text);
  return finishPack(builder, discovered, now);
}

const ShardRecordSchema = v.object({
  index: v.pipe(v.number(), v.integer(), v.minValue(1)),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  input: v.string(),
  lines: v.array(v.pipe(v.number(), v.integer())),
  rows: v.array(v.pipe(v.number(), v.integer())),
});

/** The shard record of a loaded pack; throws when the pack is not a shard pack. */
export function shardRecordOf(pack: Pack): ShardRecord {
  const parsed = v.safeParse(ShardRecordSchema, (pack as Partial<ShardPack>).shard);
  if (!parsed.success) throw new Error('not a shard pack (build it with --shard i/n)');
  if (parsed.output.lines.length !== pack.articles.length) throw new Error('shard record does not match its articles');
  return parsed.output;
}

/**
 * Merges the shard packs of one build (all `count` shards, any order) into
 * exactly the pack a single build of the same input writes at `now`.
 * Throws when shards are missing, repeated, or come from different inputs.
 */
export function mergeShards(shards: readonly Pack[], now: Date): Pack {
  if (!shards.length) throw new Error('nothing to merge');
  const records = shards.map(shardRecordOf);
  const { count, input } = records[0]!;
  const names = JSON.stringify(shards[0]!.discovered.map((e) => e.id));
  const seen = new Set<number>();
  records.forEach((r, i) => {
    if (r.count !== count || r.input !== input)
      throw new Error(`shard ${r.index}/${r.count} is from another build than shard 1 of the list`);
    if (seen.has(r.index)) throw new Error(`shard ${r.index}/${count} given twice`);
    if (JSON.stringify(shards[i]!.discovered.map((e) => e.id)) !== names) throw new Error(`shard ${r.index}/${count} knows other names`);
    seen.add(r.index);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new Error(`missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  // Input order, as one build reads it: every article of the input is in exactly one shard.
  const ordered = shards.flatMap((pack, s) => packEntries(pack).map((entry, i) => ({ line: records[s]!.lines[i]!, entry })));
  ordered.sort((a, b) => a.line - b.line);
  const pack = assemblePack(
    ordered.map((o) => o.entry),
    shards[0]!.discovered,
    now,
  );
  return withVectors(pack, mergeVectorSections(shards.map((s, i) => ({ section: vectorsOf(s), lines: records[i]!.rows }))));
}

const vectorsOf = (pack: Pack): unknown => (pack as { vectors?: unknown }).vectors;

/** The pack with the optional `vectors` section after its own keys, where a build writes it. */
function withVectors(pack: Pack, vectors: unknown): Pack {
  return vectors === undefined ? pack : ({ ...pack, vectors } as Pack);
}

/**
 * One pack per month (`YYYY-MM` of the article's date, given else inferred;
 * `undated` for the rest), each the pack a build of only that month's articles
 * would write with the archive's names (and the vectors of its lines), keyed in month order.
 */
export function splitByMonth(pack: Pack): Map<string, Pack> {
  const months = new Map<string, PackEntry[]>();
  for (const entry of packEntries(pack)) {
    const month = monthOf(entry.meta);
    const list = months.get(month);
    if (list) list.push(entry);
    else months.set(month, [entry]);
  }
  const keys = [...months.keys()].sort();
  return new Map(
    keys.map((k) => {
      const part = assemblePack(months.get(k)!, pack.discovered, new Date(pack.createdAt));
      const ids = new Set(part.articles.map((a) => a.sourceId));
      return [
        k,
        withVectors(
          part,
          filterVectorSection(vectorsOf(pack), (id) => ids.has(id)),
        ),
      ];
    }),
  );
}
