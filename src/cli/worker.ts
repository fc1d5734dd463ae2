/**
 * `corpus worker`: a BullMQ worker that builds shard packs. Run any number,
 * on any machines that reach the Redis and see the same files. A worker that
 * dies mid-job stops renewing its job's lock; BullMQ's stalled-job check (in
 * the other workers) puts the job back in the queue and another worker runs
 * it from the start. A job that throws is retried by BullMQ (`attempts`,
 * backoff, set by `corpus submit`). Nothing here retries on its own.
 */
import { Worker, type Job } from 'bullmq';
import { buildArchive } from './build';
import { writePackFile } from './packFiles';
import { connection, shardLabel, workerName, type ShardJob, type ShardProgress, type ShardResult } from './queue';

/** Worker settings; the lock and stalled intervals default to BullMQ's own (30 s). */
export interface WorkerOptions {
  redis: string;
  queue: string;
  concurrency?: number;
  /** How long a job's lock lasts without renewal: how soon a dead worker's job is noticed. */
  lockMs?: number;
  /** How often workers look for stalled jobs. */
  stalledMs?: number;
  log: (message: string) => void;
}

/** Progress at most every this many ms (plus the first and last article): Redis hears enough, not every article. */
const PROGRESS_EVERY_MS = 200;

async function runShard(job: Job<ShardJob, ShardResult>, log: (message: string) => void): Promise<ShardResult> {
  const { input, output, index, count, vectors } = job.data;
  const worker = workerName();
  log(`${shardLabel(job.data)}: started (job ${job.id}, attempt ${job.attemptsMade + 1})`);
  let last = 0;
  const result = await buildArchive(input, {
    shard: { index, count },
    vectors,
    log: (m) => log(`${shardLabel(job.data)}: ${m}`),
    onProgress: async (done, total) => {
      if (done !== 1 && done !== total && Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      const progress: ShardProgress = { done, total, worker };
      await job.updateProgress(progress);
    },
  });
  await writePackFile(output, result.pack);
  log(`${shardLabel(job.data)}: wrote ${output} (${result.articles} articles, ${result.claims} claims)`);
  return { articles: result.articles, claims: result.claims, worker };
}

/** Runs a worker until SIGINT or SIGTERM, then lets its current job finish (BullMQ's graceful close). */
export async function runWorker(opts: WorkerOptions): Promise<void> {
  const worker = new Worker<ShardJob, ShardResult>(opts.queue, (job) => runShard(job, opts.log), {
    connection: connection(opts.redis),
    concurrency: opts.concurrency ?? 1,
    ...(opts.lockMs ? { lockDuration: opts.lockMs } : {}),
    ...(opts.stalledMs ? { stalledInterval: opts.stalledMs } : {}),
    // One stall is a crashed worker; a job that stalls again and again is itself the problem.
    maxStalledCount: 2,
  });
  worker.on('failed', (job, e) => opts.log(`${job ? shardLabel(job.data) : 'job'}: failed: ${e.message}`));
  worker.on('error', (e) => opts.log(`worker error: ${e.message}`));
  await worker.waitUntilReady();
  opts.log(`worker ${workerName()} ready on queue "${opts.queue}"`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  opts.log('closing: finishing the current job');
  await worker.close();
}
