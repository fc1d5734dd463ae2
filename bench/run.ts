/**
 * `npm run bench` (tsx): performance of Parallax in real pages, and of the core.
 *
 * (a) Page cost. Each of the 86 saved pages in ../shared/testpages/readability
 *     is served locally (scripts removed, see tests/e2e/support/server.ts) and
 *     loaded in headless Chromium (/usr/bin/chromium) without the extension,
 *     RUNS times with an EMPTY content script and RUNS times with Parallax's
 *     content script, alternating, in the same run (bench/page/measure.ts).
 *     Parallax's content script is the real src/content code, bundled from
 *     bench/page/entry.ts with its message function stubbed: the background's
 *     answers are computed in Node by bench/page/background.ts with the same
 *     core functions as the extension's background, so they cost the page
 *     nothing but the messaging, as in the extension. Per page: extra
 *     main-thread ms (median of Parallax minus median of empty) and long tasks
 *     (>= 50 ms) added. Targets: median extra <= 3 ms, p90 <= 10 ms, no page
 *     with an added long task. (mark.js is no longer compared: it would
 *     measure the old in-page spotting, which the page no longer does.)
 * (b) `benchCore()` from bench/core.ts, when that module exists.
 * (d) The sentence model (bench/model/run.ts): `--model` runs it alone.
 * (c) The library at 1,000 / 10,000 / 100,000 articles in the extension itself
 *     (bench/library/run.ts); `--library` runs it alone, `--no-library` skips it.
 *
 * Prints tables; writes bench/results.json. Not part of `npm test`.
 * Options: --runs N (default 5), --pages substring (filter), --no-core.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readabilityPagesDir, repoRoot, startFixtureServer } from '../tests/e2e/support/server';
import { chromiumPath } from '../tests/e2e/support/browsers';
import { benchPage, measureLoad, type RunCost } from './page/measure';
import { runLibraryBench } from './library/run';
import { runModelBench } from './model/run';

// ---- statistics and the text table ----

/** Median of a list (NaN when empty). */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile `p` (0-100) of a list (NaN when empty). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Left-aligned text table with a header rule. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- the page benchmark ----

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 5);
const filter = option('--pages');

/** Bundles bench/page/entry.ts (Parallax's content script with a stubbed message function) as one classic script. */
async function bundleContentScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'bench', 'page', 'entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

interface PageResult {
  page: string;
  isArticle: boolean;
  names: number;
  claims: number;
  /** Medians over the runs, ms of main-thread time (all tasks) and of script. */
  emptyMs: number;
  parallaxMs: number;
  extraMs: number;
  extraScriptMs: number;
  /** Long tasks seen over all runs, with each script. */
  longTasksEmpty: number;
  longTasksParallax: number;
  error?: string;
}

async function pageBenchmark(): Promise<PageResult[]> {
  const files = readdirSync(readabilityPagesDir)
    .filter((f) => f.endsWith('.html') && (!filter || f.includes(filter)))
    .sort();
  const parallax = await bundleContentScript();
  const server = await startFixtureServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const results: PageResult[] = [];
  try {
    for (const file of files) {
      const { page, cdp, recorded } = await benchPage(context);
      const url = server.url(`readability/${file}?noscript=1`);
      try {
        const empty: RunCost[] = [];
        const full: RunCost[] = [];
        // One warm-up of each (not counted), then alternating order so drift hits both alike.
        await measureLoad(page, cdp, url, '');
        await measureLoad(page, cdp, url, parallax);
        for (let i = 0; i < runs; i++) {
          if (i % 2) {
            full.push(await measureLoad(page, cdp, url, parallax, recorded));
            empty.push(await measureLoad(page, cdp, url, ''));
          } else {
            empty.push(await measureLoad(page, cdp, url, ''));
            full.push(await measureLoad(page, cdp, url, parallax, recorded));
          }
        }
        const found = full[0]?.found;
        if (found && 'error' in found) throw new Error(found.error);
        const med = (list: RunCost[], f: (c: RunCost) => number) => median(list.map(f));
        results.push({
          page: file,
          isArticle: found?.isArticle ?? false,
          names: found?.names ?? 0,
          claims: found?.claims ?? 0,
          emptyMs: med(empty, (c) => c.taskMs),
          parallaxMs: med(full, (c) => c.taskMs),
          extraMs: med(full, (c) => c.taskMs) - med(empty, (c) => c.taskMs),
          extraScriptMs: med(full, (c) => c.scriptMs) - med(empty, (c) => c.scriptMs),
          longTasksEmpty: empty.reduce((n, c) => n + c.longTasks, 0),
          longTasksParallax: full.reduce((n, c) => n + c.longTasks, 0),
        });
      } catch (error) {
        results.push({ page: file, error: String((error as Error).message ?? error) } as PageResult);
      } finally {
        await page.close();
      }
      process.stdout.write('.');
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write('\n');
  return results;
}

/** Pages where Parallax's runs saw more long tasks than the empty script's. */
const addedLongTasks = (r: PageResult) => Math.max(0, r.longTasksParallax - r.longTasksEmpty);

function summarize(results: PageResult[]) {
  const ok = results.filter((r) => !r.error);
  const extra = ok.map((r) => r.extraMs);
  return {
    pages: results.length,
    errors: results.filter((r) => r.error).map((r) => ({ page: r.page, error: r.error })),
    articles: ok.filter((r) => r.isArticle).length,
    extraMs: { median: median(extra), p90: percentile(extra, 90), max: Math.max(...extra) },
    extraScriptMs: {
      median: median(ok.map((r) => r.extraScriptMs)),
      p90: percentile(
        ok.map((r) => r.extraScriptMs),
        90,
      ),
    },
    emptyMs: { median: median(ok.map((r) => r.emptyMs)) },
    pagesWithAddedLongTasks: ok.filter((r) => addedLongTasks(r) > 0).map((r) => r.page),
    targets: {
      medianExtraAtMost3Ms: median(extra) <= 3,
      p90ExtraAtMost10Ms: percentile(extra, 90) <= 10,
      noAddedLongTask: ok.every((r) => addedLongTasks(r) === 0),
    },
  };
}

async function coreBenchmark(): Promise<unknown> {
  const file = path.join(repoRoot, 'bench', 'core.ts');
  if (!existsSync(file)) return { skipped: 'bench/core.ts not present' };
  const mod = (await import(file)) as { benchCore?: () => unknown };
  if (typeof mod.benchCore !== 'function') return { skipped: 'bench/core.ts exports no benchCore()' };
  return await mod.benchCore();
}

if (args.includes('--model')) {
  // The sentence model's budgets alone (bench/model/run.ts): package bytes, ms per sentence, lookups.
  await runModelBench();
  process.exit(0);
}

if (args.includes('--library')) {
  // The library part alone (bench/library/run.ts).
  await runLibraryBench(args);
  process.exit(0);
}

const started = Date.now();
const chromiumVersion = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
console.log(`page benchmark: ${chromiumVersion}, ${runs} loads per script per page (after one warm-up), empty vs Parallax`);
const pages = await pageBenchmark();
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
console.log(
  formatTable(
    ['page', 'article', 'names', 'claims', 'empty ms', 'Parallax ms', 'extra ms', 'extra script ms', 'long tasks E/P'],
    pages.map((r) =>
      r.error
        ? [r.page, 'ERROR', r.error.slice(0, 60)]
        : [
            r.page,
            r.isArticle ? 'yes' : 'no',
            String(r.names),
            String(r.claims),
            fmt(r.emptyMs),
            fmt(r.parallaxMs),
            fmt(r.extraMs),
            fmt(r.extraScriptMs),
            `${r.longTasksEmpty}/${r.longTasksParallax}`,
          ],
    ),
  ),
);
const summary = summarize(pages);
console.log(
  '\n' +
    formatTable(
      ['pages', 'median extra', 'p90 extra', 'worst page', 'pages with an added long task'],
      [
        [
          String(pages.length),
          `${fmt(summary.extraMs.median)} ms`,
          `${fmt(summary.extraMs.p90)} ms`,
          `${fmt(summary.extraMs.max)} ms`,
          `${summary.pagesWithAddedLongTasks.length} of ${pages.length}`,
        ],
      ],
    ),
);
console.log(JSON.stringify(summary, null, 2));
const core = args.includes('--no-core') ? { skipped: '--no-core' } : await coreBenchmark();
console.log('core benchmark:', JSON.stringify(core, null, 2));

writeFileSync(
  path.join(repoRoot, 'bench', 'results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        chromium: chromiumVersion,
      },
      runsPerScript: runs,
      units: 'milliseconds of renderer main-thread time (CDP TaskDuration, thread ticks); extra = Parallax median minus empty median',
      summary,
      pages,
      core,
      seconds: (Date.now() - started) / 1000,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote bench/results.json in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (!args.includes('--no-library')) await runLibraryBench(args);
