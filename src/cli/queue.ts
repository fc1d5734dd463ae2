/**
 * What `corpus submit` and `corpus worker` agree on: the BullMQ queue, the
 * shard job's data and progress, and how to reach Redis. BullMQ does the
 * distribution (locks, stalled-job detection, retries with backoff); the CLI
 * only says what a shard job is.
 */
import { hostname } from 'node:os';
import type { ConnectionOptions } from 'bullmq';

/** The default queue name; `--queue` picks another (one archive team, one queue). */
export const DEFAULT_QUEUE = 'parallax-corpus';

/**
 * One shard job. Paths are absolute and must mean the same file on every
 * worker's machine (shared storage), since the pack is written, not sent.
 */
export interface ShardJob {
  input: string;
  output: string;
  /** 1-based shard index and count, as `--shard i/n`. */
  index: number;
  count: number;
  /** Embed the shard's lines into its pack's `vectors` section (`--no-vectors` on submit: false). */
  vectors: boolean;
}

/** A shard job's progress, as the worker reports it with `job.updateProgress`. */
export interface ShardProgress {
  done: number;
  total: number;
  /** `host:pid` of the worker process running it (so an operator knows which machine to look at). */
  worker: string;
}

/** What a finished shard job returns. */
export interface ShardResult {
  articles: number;
  claims: number;
  worker: string;
}

/** This process as a worker name: `host:pid`. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * BullMQ connection options for a `redis://[user:pass@]host:port[/db]` URL.
 * `maxRetriesPerRequest: null` is what BullMQ requires of a worker's blocking
 * connection: a Redis restart pauses workers instead of failing their jobs.
 */
export function connection(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--redis must be a URL such as redis://127.0.0.1:6379, not "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`--redis must be a redis:// URL, not "${url}"`);
  return { url, maxRetriesPerRequest: null };
}

/** "shard 2/3" for logs. */
export const shardLabel = (job: Pick<ShardJob, 'index' | 'count'>) => `shard ${job.index}/${job.count}`;
