/**
 * `corpus submit`: one archive build as n BullMQ shard jobs. Enqueues them,
 * reports their progress (and any stall BullMQ recovers) on stderr, waits for
 * all, then merges the shard packs into the pack of one build.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { mergePackFiles } from './packFiles';
import { connection, shardLabel, type ShardJob, type ShardProgress, type ShardResult } from './queue';

/** A submitted build. */
export interface SubmitOptions {
  redis: string;
  queue: string;
  input: string;
  output: string;
  shards: number;
  /** Embed articles into the packs' `vectors` sections (the workers' threads do it). */
  vectors: boolean;
  /** Tries per shard job (a job that throws); a dead worker's job is re-run by the stalled check, not counted here. */
  attempts?: number;
  now: Date;
  log: (message: string) => void;
}

/** Enqueues the shard jobs, waits for them, merges; the shard files are removed once merged. */
export async function submit(opts: SubmitOptions): Promise<void> {
  const conn = connection(opts.redis);
  const queue = new Queue<ShardJob, ShardResult>(opts.queue, { connection: conn });
  const events = new QueueEvents(opts.queue, { connection: conn });
  const run = randomUUID().slice(0, 8);
  const output = resolve(opts.output);
  const dir = `${output}.shards-${run}`;
  try {
    await events.waitUntilReady(); // before adding: no event of ours may be missed
    await mkdir(dir, { recursive: true });
    const specs = Array.from({ length: opts.shards }, (_, i): ShardJob => {
      const index = i + 1;
      return {
        input: resolve(opts.input),
        output: join(dir, `${index}-of-${opts.shards}.json`),
        index,
        count: opts.shards,
        vectors: opts.vectors,
      };
    });
    const jobs = await queue.addBulk(
      specs.map((data) => ({
        name: 'shard',
        data,
        opts: {
          jobId: `${run}-${data.index}-of-${data.count}`,
          attempts: opts.attempts ?? 3,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
    const ours = new Map(jobs.map((j) => [j.id!, j.data]));
    opts.log(`run ${run}: ${jobs.length} shard jobs on queue "${opts.queue}"`);
    events.on('progress', ({ jobId, data }) => {
      const job = ours.get(jobId);
      const p = data as Partial<ShardProgress>;
      if (job && typeof p === 'object' && p.total) opts.log(`${shardLabel(job)}: ${p.done}/${p.total} articles (worker ${p.worker})`);
    });
    events.on('stalled', ({ jobId }) => {
      const job = ours.get(jobId);
      if (job) opts.log(`${shardLabel(job)}: stalled (its worker stopped); back in the queue for another worker`);
    });
    events.on('failed', ({ jobId, failedReason }) => {
      const job = ours.get(jobId);
      if (job) opts.log(`${shardLabel(job)}: failed: ${failedReason}`);
    });
    // waitUntilFinished rejects only when BullMQ gives up on the job (attempts spent).
    const results = await Promise.all(jobs.map((j) => j.waitUntilFinished(events) as Promise<ShardResult>));
    results.forEach((r, i) => opts.log(`${shardLabel(specs[i]!)}: done by ${r.worker}: ${r.articles} articles, ${r.claims} claims`));
    const merged = await mergePackFiles(
      specs.map((s) => s.output),
      output,
      opts.now,
    );
    opts.log(`merged into ${output}: ${merged.articles.length} articles`);
    await rm(dir, { recursive: true, force: true });
  } finally {
    await events.close();
    await queue.close();
  }
}
