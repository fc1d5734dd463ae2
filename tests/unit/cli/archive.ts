/**
 * Helpers for the corpus CLI's archive tests: a real-text archive (CLEF-2020
 * fact-checked claims, ten to an article, no text of ours), and running the
 * CLI as a child process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '../../..');
const CLEF = '/work/shared/clef2020/verified_claims.docs.tsv';

/** One article line of the archive. */
export interface ArchiveLine {
  id: string;
  text: string;
  title: string;
  date?: string;
}

/** Reads the TSV's claim column (fields may be CSV-quoted, `""` inside quotes). */
function clefClaims(): string[] {
  const unquote = (f: string) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
  return readFileSync(CLEF, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => unquote(line.split('\t')[1] ?? '').trim())
    .filter((claim) => claim.length > 20);
}

/**
 * `count` articles of ten claims each. Every third one is undated, the rest
 * spread over three months; two lines repeat an earlier article's text under
 * another id, so a build keeps it once, whichever shards the two land in.
 */
export function archiveLines(count: number): ArchiveLine[] {
  const claims = clefClaims();
  const lines: ArchiveLine[] = [];
  for (let i = 0; i < count - 2; i++) {
    const own = claims.slice(i * 10, i * 10 + 10);
    const date = i % 3 === 0 ? undefined : `2020-0${1 + (i % 3) + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push({ id: `clef-${i}`, title: own[0]!.slice(0, 80), text: own.join(' '), ...(date ? { date } : {}) });
  }
  // Ids chosen so that each copy lands in another of 3 shards than its original.
  lines.push({ ...lines[5]!, id: 'reprint-5' }, { ...lines[40]!, id: 'wire-copy-40' });
  return lines;
}

/** Writes the archive as JSONL to `path`. */
export function writeArchive(path: string, count: number): ArchiveLine[] {
  const lines = archiveLines(count);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return lines;
}

/** Fixed pack timestamps: two builds of one input are then identical files. */
export const REPRODUCIBLE = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };

/** The corpus CLI in one process (node with tsx's loader, no wrapper process), so its pid is the worker's. */
export function corpusArgs(...args: string[]): string[] {
  return ['--import', 'tsx', join(ROOT, 'src/cli/corpus.ts'), ...args];
}

/** Runs the CLI to completion. */
export function corpus(...args: string[]) {
  const run = spawnSync(process.execPath, corpusArgs(...args), { cwd: ROOT, encoding: 'utf8', env: REPRODUCIBLE, maxBuffer: 64 * 2 ** 20 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts the CLI in the background; its stderr is collected in `err()`. */
export function corpusChild(...args: string[]): { child: ChildProcess; err: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, corpusArgs(...args), { cwd: ROOT, env: REPRODUCIBLE, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, err: () => stderr, exited };
}
