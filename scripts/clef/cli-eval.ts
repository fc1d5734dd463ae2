/**
 * CLEF-2020 Task 2 judged through the corpus CLI, as the held-back test split is: the claims become
 * an article file (`{"id", "text": vclaim, "title"}`), the tweets query lines, and the real commands
 * run as subprocesses (`npm run -s corpus -- build`, then `query --top 5`); each output line's
 * `results`, in order, is the ranking. `npx tsx scripts/clef/cli-eval.ts [--pack <built.json>]`
 * (`--pack` reuses a pack built from the same claims instead of building one; `--keep` keeps the
 * temporary directory). `runClefCliEval()` returns the rows for `npm run eval`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Bm25Index } from '../../src/core/ranking/index';
import { loadClef, type Query } from './data';
import { meanAveragePrecisionAt } from './metrics';
import type { ClefRow, Rows } from './run';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs a command, collecting stdout; stderr lines go to `log`. Rejects on a non-zero exit. */
function run(args: string[], log: (s: string) => void): Promise<{ stdout: string; seconds: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '-s', 'corpus', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      for (const line of b.toString('utf8').split('\n')) if (line.trim()) log(line);
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`corpus ${args[0]} exited with ${code}`));
      else done({ stdout: Buffer.concat(out).toString('utf8'), seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** MAP@5 of the CLI's answer (one JSON line per query) against the split's relevant claims. */
function scoreOutput(stdout: string, queries: Query[]): number {
  const ranked = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const parsed = JSON.parse(line) as { id: string; results: Array<{ articleId: string }> };
    ranked.set(
      parsed.id,
      parsed.results.map((r) => r.articleId),
    );
  }
  if (ranked.size !== queries.length) throw new Error(`the CLI answered ${ranked.size} of ${queries.length} queries`);
  return meanAveragePrecisionAt(queries.map((q) => ({ ranked: ranked.get(q.id) ?? [], relevant: q.rel })));
}

/** Options: `pack` reuses a built pack; `keep` leaves the temporary files; `log` gets progress. */
export interface CliEvalOptions {
  pack?: string;
  keep?: boolean;
  log?: (s: string) => void;
}

/**
 * Builds the claims into a pack and queries train and dev through the CLI (both splits at once, one
 * process each), beside a plain BM25 of the same run. Returns the table's rows; the notes carry the
 * build time and the query cost per tweet.
 */
export async function runClefCliEval(options: CliEvalOptions = {}): Promise<Rows> {
  const log = options.log ?? (() => undefined);
  const { claims, train, dev } = loadClef();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-clef-cli-'));
  try {
    const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const claimsFile = join(dir, 'claims.jsonl');
    writeFileSync(claimsFile, lines(claims.map((c) => ({ id: c.id, text: c.vclaim, ...(c.title ? { title: c.title } : {}) }))));
    const splits = { train, dev };
    for (const [name, qs] of Object.entries(splits))
      writeFileSync(join(dir, `${name}.jsonl`), lines(qs.map((q) => ({ id: q.id, text: q.text }))));
    let pack = options.pack;
    let buildNote = `pack ${pack} reused`;
    if (!pack) {
      pack = join(dir, 'pack.json');
      const built = await run(['build', '--in', claimsFile, '--out', pack], log);
      buildNote = `build of ${claims.length} claims with vectors ${built.seconds.toFixed(0)} s`;
    }
    const [trainRun, devRun] = await Promise.all(
      (['train', 'dev'] as const).map((name) => run(['query', '--pack', pack, '--in', join(dir, `${name}.jsonl`), '--top', '5'], log)),
    );
    const perQuery = (r: { seconds: number }, n: number) => ((r.seconds * 1000) / n).toFixed(0);
    // The baseline of the table, computed here so it comes from the same run and data.
    const plain = new Bm25Index(
      claims.map((c) => `${c.vclaim} ${c.title}`),
      { tokens: { stopwords: false, stem: false } },
    );
    const plainMap = (qs: Query[]) =>
      meanAveragePrecisionAt(qs.map((q) => ({ ranked: plain.search(q.text, 5).map((h) => claims[h.doc]!.id), relevant: q.rel })));
    const rows: ClefRow[] = [
      {
        method: 'plain BM25 (baseline, same run)',
        train: plainMap(train),
        dev: plainMap(dev),
        note: 'k1 1.2, b 0.75, lowercase words of raw tweet vs vclaim + title',
      },
      {
        method: 'corpus CLI: build + query --top 5',
        train: scoreOutput(trainRun!.stdout, train),
        dev: scoreOutput(devRun!.stdout, dev),
        note: `${buildNote}; query ${perQuery(devRun!, dev.length)} ms per tweet (dev, with load; train and dev run side by side)`,
      },
    ];
    return rows;
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

if (process.argv[1]?.endsWith('cli-eval.ts')) {
  const at = process.argv.indexOf('--pack');
  const rows = await runClefCliEval({
    pack: at > 0 ? process.argv[at + 1] : undefined,
    keep: process.argv.includes('--keep'),
    log: (s) => console.error(s),
  });
  const w = Math.max(...rows.map((r) => r.method.length));
  console.log(`${'method'.padEnd(w)}  train MAP@5  dev MAP@5  notes`);
  for (const r of rows)
    console.log(`${r.method.padEnd(w)}  ${r.train.toFixed(3).padStart(11)}  ${r.dev.toFixed(3).padStart(9)}  ${r.note ?? ''}`);
}
