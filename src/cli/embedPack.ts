/**
 * Embedding a pack's articles with the shipped sentence model, on every core: a pool of worker
 * threads (embedWorker.ts) takes chunks of texts while the main thread analyses articles for the
 * claim index. The result is the pack's optional `vectors` section (core/library/packVectors.ts).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { encodePackVectors, type PackVectorsJSON } from '../core/library/packVectors';
import type { QuantisedVector } from '../core/ranking';
import type { EmbedReply } from './embedWorker';
import { parseJsonLine } from '../core/library';
import { ArticleLineSchema } from './jsonl';

/** The model every pack vector comes from; a query embeds with the same one. */
export const PACK_MODEL = 'use-lite-512';

/** Texts per task: large enough to amortise a message, small enough to balance the workers. */
const CHUNK = 64;

/** A running embedding job: its result, and a way to stop its workers early. */
export interface EmbedJob<T> {
  result: Promise<T>;
  cancel(): void;
}

/**
 * Embeds `texts` in `workers` threads (default: one per core) into int8 vectors, in input order.
 * Equal texts are embedded once; texts are grouped by length so a batch's texts cost alike.
 * `onProgress(done, total)` counts distinct texts.
 */
export function embedInWorkers(
  texts: readonly string[],
  options: { workers?: number; onProgress?: (done: number, total: number) => void } = {},
): EmbedJob<QuantisedVector[]> {
  const unique = [...new Set(texts)].sort((a, b) => a.length - b.length);
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) chunks.push(unique.slice(i, i + CHUNK));
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), chunks.length));
  const pool: Worker[] = [];
  const byText = new Map<string, QuantisedVector>();
  let settled = false;
  const stopAll = () => {
    settled = true;
    for (const w of pool) void w.terminate();
  };
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<QuantisedVector[]>((resolve, reject) => {
    let done = 0;
    fail = (e: Error) => {
      if (settled) return;
      stopAll();
      reject(e);
    };
    if (chunks.length === 0) return resolve([]);
    for (let k = 0; k < count; k++) {
      const w = new Worker(new URL('./embedWorker.mjs', import.meta.url));
      pool.push(w);
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0 && done < unique.length) fail(new Error(`embedding worker stopped with code ${code}`));
      });
      w.on('message', (m: EmbedReply) => {
        if ('error' in m) return fail(new Error(`embedding failed: ${m.error}`));
        chunks[m.id]!.forEach((t, i) => byText.set(t, { codes: m.codes.subarray(i * m.dim, (i + 1) * m.dim), scale: m.scales[i]! }));
        done += chunks[m.id]!.length;
        options.onProgress?.(done, unique.length);
        if (done === unique.length) {
          stopAll();
          resolve(texts.map((t) => byText.get(t)!));
        }
      });
      // Every task up front, dealt round-robin: the chunks are sorted by length, so each worker gets
      // a like share of short and long texts, and none waits on the (busy) main thread for more.
      for (let id = k; id < chunks.length; id += count) w.postMessage({ id, texts: chunks[id] });
    }
  });
  return {
    result,
    cancel: () => fail(new Error('embedding cancelled')),
  };
}

/**
 * Reads the article lines of `input` (validated as the build validates them) and embeds each line's
 * text and title in worker threads, returning the pack's `vectors` section. Runs alongside the
 * build's own pass over the file; `log` gets progress lines about every 10 seconds. `keep` limits
 * the section to the lines whose id it accepts (one shard's).
 */
export function startPackVectors(input: string, log: (message: string) => void, keep?: (id: string) => boolean): EmbedJob<PackVectorsJSON> {
  let job: EmbedJob<QuantisedVector[]> | undefined;
  let cancelled = false;
  const result = (async () => {
    const ids: string[] = [];
    const texts: string[] = [];
    const titles: string[] = [];
    // Read in one go, not streamed: a stream would interleave line by line with the build's own
    // (slow, analysing) pass over the file, and the workers would idle until it ended.
    const raw = readFileSync(input, 'utf8');
    for (const line of raw.split('\n')) {
      if (line.trim() === '') continue;
      // A bad line stops the build's own pass, which names it; here it only ends the job.
      const parsed = parseJsonLine(line, ArticleLineSchema);
      if (!parsed.ok) throw new Error(`embedding: ${parsed.error}`);
      if (keep && !keep(parsed.value.id)) continue; // another shard's line (build --shard)
      ids.push(parsed.value.id);
      texts.push(parsed.value.text);
      titles.push(parsed.value.title ?? '');
    }
    if (cancelled) throw new Error('embedding cancelled');
    const started = performance.now();
    let said = started;
    // Titles that are absent are not embedded: an all-zero vector stands for "no title" (cosine 0).
    const wanted = [...texts, ...titles.filter((t) => t !== '')];
    job = embedInWorkers(wanted, {
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - said < 10_000 && done < total) return;
        said = now;
        log(`embedded ${done}/${total} texts (${((now - started) / 1000).toFixed(0)} s)`);
      },
    });
    const vectors = await job.result;
    const dim = vectors[0]?.codes.length ?? 512;
    const zero: QuantisedVector = { codes: new Int8Array(dim), scale: 0 };
    let at = texts.length;
    return encodePackVectors({
      model: PACK_MODEL,
      dim,
      ids,
      texts,
      titles,
      textVectors: vectors.slice(0, texts.length),
      titleVectors: titles.map((t) => (t === '' ? zero : vectors[at++]!)),
    });
  })();
  return {
    result,
    cancel: () => {
      cancelled = true;
      job?.cancel();
    },
  };
}
