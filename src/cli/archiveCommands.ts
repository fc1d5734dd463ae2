/**
 * The corpus CLI's archive commands: `build` (whole, one shard, or one pack
 * per month), `merge`, `split`, and the BullMQ pair `worker` / `submit`.
 * corpus.ts parses the command line and hands these their options.
 */
import { parseShardSpec } from '../core/library';
import { buildArchive, buildTime } from './build';
import { mergePackFiles, readPackFile, writeMonths, writePackFile } from './packFiles';
import { DEFAULT_QUEUE } from './queue';
import { submit } from './submit';
import { runWorker } from './worker';

/** Bad usage: corpus.ts prints it with the usage text and exits 2. */
export class UsageError extends Error {}

/** The commands handled here. */
export const ARCHIVE_COMMANDS = new Set(['build', 'merge', 'split', 'worker', 'submit']);

/** The command-line options these commands read (parseArgs's `values`). */
export type ArchiveValues = Partial<Record<string, string | boolean | undefined>>;

/** Lines for corpus.ts's usage text. */
export const ARCHIVE_USAGE = `  corpus build --in <articles.jsonl> --out <pack.json> [--no-vectors] [--shard <i>/<n>]
  corpus build --in <articles.jsonl> --by-month --out <dir> [--no-vectors]   one pack per month: <dir>/YYYY-MM.json, undated.json
  corpus merge --out <pack.json> <shard.json>...       all shards of one input: exactly the pack of one build
  corpus split --by-month --pack <pack.json> --out <dir>
  corpus worker --redis <redis://host:port> [--queue <name>] [--concurrency <k>] [--lock-ms <ms>] [--stalled-ms <ms>]
  corpus submit --redis <redis://host:port> --in <articles.jsonl> --shards <n> --out <pack.json> [--queue <name>] [--no-vectors]`;

const str = (values: ArchiveValues, name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function need(values: ArchiveValues, command: string, ...names: string[]): void {
  const missing = names.filter((n) => !values[n]);
  if (missing.length) throw new UsageError(`${command} needs ${missing.map((n) => `--${n}`).join(' and ')}`);
}

function count(values: ArchiveValues, name: string): number | undefined {
  const raw = str(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

async function build(values: ArchiveValues, log: (message: string) => void): Promise<void> {
  need(values, 'build', 'in', 'out');
  const [input, out] = [str(values, 'in')!, str(values, 'out')!];
  if (values.shard && values['by-month']) throw new UsageError('--by-month splits a whole build: merge the shards, then split');
  let shard;
  try {
    shard = values.shard ? parseShardSpec(str(values, 'shard') ?? '') : undefined;
  } catch (e) {
    throw new UsageError(`--${(e as Error).message}`);
  }
  const started = performance.now();
  const result = await buildArchive(input, { ...(shard ? { shard } : {}), vectors: !values['no-vectors'], log, now: buildTime() });
  if (values['by-month']) for (const m of await writeMonths(result.pack, out)) log(`wrote ${m.file}: ${m.articles} articles`);
  else await writePackFile(out, result.pack);
  const took = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `wrote ${out}${shard ? ` (shard ${shard.index}/${shard.count})` : ''}: ${result.articles} articles, ${result.claims} claims in ${took} s`,
  );
}

/** Runs one of `ARCHIVE_COMMANDS`; `rest` are the positionals after the command (merge's shard files). */
export async function runArchiveCommand(
  command: string,
  values: ArchiveValues,
  rest: string[],
  log: (message: string) => void,
): Promise<void> {
  if (command !== 'merge' && rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const queue = str(values, 'queue') ?? DEFAULT_QUEUE;
  switch (command) {
    case 'build':
      return build(values, log);
    case 'merge': {
      need(values, 'merge', 'out');
      if (!rest.length) throw new UsageError('merge needs the shard packs to merge');
      const merged = await mergePackFiles(rest, str(values, 'out')!, buildTime());
      return log(`merged ${rest.length} shards into ${str(values, 'out')}: ${merged.articles.length} articles`);
    }
    case 'split': {
      need(values, 'split', 'pack', 'out');
      if (!values['by-month']) throw new UsageError('split needs --by-month (the one partition there is)');
      const { pack } = await readPackFile(str(values, 'pack')!);
      for (const m of await writeMonths(pack, str(values, 'out')!)) log(`wrote ${m.file}: ${m.articles} articles`);
      return;
    }
    case 'worker': {
      need(values, 'worker', 'redis');
      const [concurrency, lockMs, stalledMs] = [count(values, 'concurrency'), count(values, 'lock-ms'), count(values, 'stalled-ms')];
      return runWorker({ redis: str(values, 'redis')!, queue, concurrency, lockMs, stalledMs, log });
    }
    case 'submit': {
      need(values, 'submit', 'redis', 'in', 'out', 'shards');
      const [redis, input, output, shards] = [str(values, 'redis')!, str(values, 'in')!, str(values, 'out')!, count(values, 'shards')!];
      return submit({ redis, queue, input, output, shards, vectors: !values['no-vectors'], now: buildTime(), log });
    }
  }
  throw new UsageError(`unknown command "${command}"`);
}
