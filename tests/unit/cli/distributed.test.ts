/**
 * The distributed build on a real job engine: the test starts its own Redis
 * on a free port, three `corpus worker` processes and one `corpus submit` of a
 * 3-shard build, kills (SIGKILL) the worker of the first shard to report
 * progress mid-job, and still gets the very bytes of one build: BullMQ's
 * stalled-job check hands the dead worker's job to another worker.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, corpusChild, writeArchive } from './archive';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
// Never skipped: without redis-server the test fails and says how to install it (.ci/run does).

const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'parallax-bullmq-'));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `test` every 50 ms until it returns a value; fails after `ms`, saying what it waited for. */
async function waitFor<T>(what: string, test: () => T | undefined, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = test();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startRedis(): Promise<string> {
  if (!hasRedis) throw new Error('redis-server is not installed (apt-get install redis-server; .ci/run does it)');
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
  children.push(redis);
  let out = '';
  redis.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  await waitFor('redis-server to accept connections', () => (out.includes('Ready to accept connections') ? true : undefined), 10_000);
  return `redis://127.0.0.1:${port}`;
}

describe('BullMQ build', { timeout: 150_000 }, () => {
  const archive = join(dir, 'articles.jsonl');
  const one = join(dir, 'one.json');
  let redis: string;

  beforeAll(async () => {
    writeArchive(archive, 300);
    const run = corpus('build', '--no-vectors', '--in', archive, '--out', one);
    expect(run.code, run.stderr).toBe(0);
    redis = await startRedis();
  });

  afterAll(async () => {
    // Everything this test started goes, whatever happened: workers, submit, redis.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('3 workers, one killed mid-job: the stalled job runs again elsewhere and the pack is identical', async () => {
    const queue = `test-${process.pid}`;
    const fast = ['--queue', queue, '--lock-ms', '2000', '--stalled-ms', '1000'];
    const workers = [1, 2, 3].map(() => corpusChild('worker', '--redis', redis, ...fast));
    children.push(...workers.map((w) => w.child));
    for (const w of workers) await waitFor('a worker to be ready', () => (w.err().includes(' ready on queue') ? true : undefined), 30_000);

    const out = join(dir, 'distributed.json');
    const submit = corpusChild(
      'submit',
      '--redis',
      redis,
      '--queue',
      queue,
      '--in',
      archive,
      '--shards',
      '3',
      '--out',
      out,
      '--no-vectors',
    );
    children.push(submit.child);
    // The first shard whose worker has done some, but not half, of its articles: its worker dies.
    const progress = /shard (\d)\/3: (\d+)\/(\d+) articles \(worker [^:]+:(\d+)\)/g;
    const [shard, pid] = await waitFor(
      'a shard to report progress',
      () => {
        for (const m of submit.err().matchAll(progress)) if (Number(m[2]) < Number(m[3]) / 2) return [m[1]!, Number(m[4])] as const;
        return undefined;
      },
      60_000,
    );
    const victim = workers.find((w) => w.child.pid === pid);
    expect(victim, `worker pid ${pid} is one of ours`).toBeDefined();
    victim!.child.kill('SIGKILL');

    expect(await submit.exited, submit.err()).toBe(0);
    expect(submit.err()).toContain(`shard ${shard}/3: stalled`);
    const doneBy = new RegExp(`shard ${shard}/3: done by [^:]+:(\\d+)`).exec(submit.err());
    expect(Number(doneBy?.[1])).not.toBe(pid);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(one, 'utf8'));

    // The live workers close gracefully on SIGTERM.
    const live = workers.filter((w) => w !== victim);
    for (const w of live) w.child.kill('SIGTERM');
    expect(await Promise.all(live.map((w) => w.exited))).toEqual([0, 0]);
  });
});
