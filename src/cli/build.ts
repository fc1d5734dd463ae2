/**
 * `corpus build`: an archive (JSONL) into a pack, whole or one shard of it.
 *
 * Two passes over the input (see core/library/corpusNames.ts): the names pass
 * reads every article, whatever the shard, so every shard analyses with the
 * same lexicon; the analysis pass then analyses only the shard's articles.
 * Each article's analysis depends on its text and that lexicon alone, so the
 * shards' packs merge (`corpus merge`) into exactly the pack of one build.
 * The names pass costs a few per cent of the analysis (no claims), which is
 * what every shard pays to need no coordination.
 */
import { createHash } from 'node:crypto';
import {
  analyzeArticle,
  CorpusNames,
  finishPack,
  loadGazetteer,
  PackBuilder,
  shardOf,
  type Pack,
  type ShardPack,
  type ShardSpec,
} from '../core/library';
import type { ArticleLine } from './analysis';
import { startPackVectors } from './embedPack';
import { ArticleLineSchema, InputError, readJsonl } from './jsonl';

/** Options of one build. */
export interface BuildOptions {
  /** Only this shard's articles (by id); the pack then carries its shard record. */
  shard?: ShardSpec;
  /** Called after each analysed article of the build (or shard): done of total. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Embed every article's text and title into the pack's `vectors` section (the costly part, in worker threads). */
  vectors?: boolean;
  /** Progress and notices for the operator. */
  log?: (message: string) => void;
  now?: Date;
}

/** A build's result: the pack, and counts for the log. */
export interface BuildResult {
  pack: Pack | ShardPack;
  articles: number;
  claims: number;
}

// Long analyses give the event loop a turn now and then: a BullMQ worker renews its job lock on a timer.
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const inputOf = (line: ArticleLine) => {
  const { id: _sourceId, ...input } = line;
  return { ...input, origin: 'import' as const };
};

/** Builds the pack of `input` (or of one shard of it). Throws `InputError` on a bad line or a repeated id. */
export async function buildArchive(input: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const log = opts.log ?? (() => undefined);
  const shard = opts.shard;
  const mine = (id: string) => !shard || shardOf(id, shard.count) === shard.index;
  // Embedding runs in worker threads alongside both passes (embedPack.ts).
  const embedding = opts.vectors ? startPackVectors(input, log, mine) : undefined;
  embedding?.result.catch(() => undefined);
  try {
    const names = new CorpusNames(loadGazetteer());
    const digest = createHash('sha256');
    const ids = new Set<string>();
    const rows: number[] = [];
    await readJsonl(input, ArticleLineSchema, async (line, lineNo) => {
      if (ids.has(line.id)) throw new InputError(input, lineNo, `duplicate id "${line.id}"`);
      ids.add(line.id);
      digest.update(`${JSON.stringify(line)}\n`);
      names.add(line.text);
      if (mine(line.id)) rows.push(lineNo);
      if (ids.size % 64 === 0) await breathe();
    });
    log(`names pass: ${ids.size} articles, ${names.discovered.length} new names`);

    const lexicon = names.lexicon;
    const builder = new PackBuilder();
    const lines: number[] = [];
    let claims = 0;
    let done = 0;
    await readJsonl(input, ArticleLineSchema, async (line, lineNo) => {
      if (!mine(line.id)) return;
      const analysed = analyzeArticle(inputOf(line), lexicon);
      const earlier = builder.add(line.id, analysed.meta, analysed.claims, [], analysed.text);
      if (earlier !== undefined) log(`line ${lineNo}: "${line.id}" has the same text as "${earlier}"; kept once`);
      else {
        lines.push(lineNo);
        claims += analysed.claims.length;
      }
      await opts.onProgress?.(++done, rows.length);
      await breathe();
    });
    const built = finishPack(builder, names.discovered, opts.now ?? new Date());
    // The vectors are an optional key after the pack's own (core/library/packVectors.ts).
    const vectors = embedding && (await embedding.result);
    const pack: Pack = vectors ? ({ ...built, vectors } as Pack) : built;
    return {
      pack: shard ? { ...pack, shard: { ...shard, input: digest.digest('hex'), lines, rows } } : pack,
      articles: builder.size,
      claims,
    };
  } finally {
    embedding?.cancel();
  }
}

/**
 * The pack's timestamp: `SOURCE_DATE_EPOCH` (seconds) when set, the
 * reproducible-builds convention, so two builds of one input are identical
 * files; else now.
 */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}
