/**
 * `npm run bench` (tsx): performance of Parallax in real pages, and of the core.
 *
 * (a) Page benchmark. Each of the 86 saved pages in
 *     ../shared/testpages/readability is served locally (scripts removed, see
 *     server.ts) and opened in headless Chromium without the extension. The
 *     bundle from bench/page/entry.ts is injected and, on the same page, runs
 *     Parallax's pipeline, Parallax over the whole body, and mark.js over the
 *     whole body with the same names. Per page: median and p95 of main-thread
 *     ms over RUNS runs, long tasks (> 50 ms), and the ratio Parallax/mark.js.
 * (b) `benchCore()` from bench/core.ts, when that module exists.
 *
 * Prints tables; writes bench/results.json. Not part of `npm test`.
 * Options: --runs N (default 5), --pages substring (filter), --no-core.
 */
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readabilityPagesDir, repoRoot, startFixtureServer } from '../tests/e2e/support/server';
import { chromiumPath } from '../tests/e2e/support/browsers';

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

// ---- the benchmark ----

type Cost = {
  busyMs: number;
  maxSliceMs: number;
  slices: number;
  wallMs: number;
  found: number;
  isArticle?: boolean;
  parts?: { lexiconMs: number; detectMs: number };
  began: number;
  ended: number;
};
type Mode = 'pipeline' | 'scanBody' | 'markBody';
const modes: Mode[] = ['pipeline', 'scanBody', 'markBody'];

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 5);
const filter = option('--pages');

/** Bundles bench/page/entry.ts for the page (IIFE, global ParallaxBench). */
async function bundlePageBench(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'bench', 'page', 'entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'ParallaxBench',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** One mode on one page: a warm-up, then `runs` measured runs. */
async function measurePage(page: Page, mode: Mode): Promise<{ costs: Cost[]; longTasks: number[] }> {
  const costs: Cost[] = [];
  const longTasks: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const cost = await page.evaluate(
      (m) => (window as unknown as { ParallaxBench: Record<string, () => Promise<Cost>> }).ParallaxBench[m]!(),
      mode,
    );
    // Long-task entries arrive after their task ends; give the observer a moment.
    await page.waitForTimeout(60);
    const tasks = await page.evaluate(
      ([a, b]) =>
        (window as unknown as { ParallaxBench: { longTasksBetween(a: number, b: number): number[] } }).ParallaxBench.longTasksBetween(a, b),
      [cost.began, cost.ended] as const,
    );
    if (i === 0) continue;
    costs.push(cost);
    longTasks.push(...tasks);
  }
  return { costs, longTasks };
}

interface PageResult {
  page: string;
  bytes: number;
  isArticle: boolean;
  found: Record<Mode, number>;
  medianMs: Record<Mode, number>;
  p95Ms: Record<Mode, number>;
  maxSliceMs: Record<Mode, number>;
  longTasks: Record<Mode, number[]>;
  /** Median ms of the pipeline's synchronous steps. */
  lexiconMs: number;
  detectMs: number;
  /** scanBody / markBody medians. */
  ratio: number;
  error?: string;
}

async function pageBenchmark() {
  const files = readdirSync(readabilityPagesDir)
    .filter((f) => f.endsWith('.html') && (!filter || f.includes(filter)))
    .sort();
  const bundle = await bundlePageBench();
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
      const page = await context.newPage();
      try {
        await page.goto(server.url(`readability/${file}?noscript=1`), { waitUntil: 'load', timeout: 30_000 });
        await page.addScriptTag({ content: bundle });
        const per = {} as Record<Mode, { costs: Cost[]; longTasks: number[] }>;
        for (const mode of modes) per[mode] = await measurePage(page, mode);
        const pick = (f: (c: Cost[], l: number[]) => number) =>
          Object.fromEntries(modes.map((m) => [m, f(per[m].costs, per[m].longTasks)])) as Record<Mode, number>;
        const medianMs = pick((c) => median(c.map((x) => x.busyMs)));
        results.push({
          page: file,
          bytes: await page.evaluate(() => document.documentElement.outerHTML.length),
          isArticle: per.pipeline.costs[0]?.isArticle ?? false,
          found: pick((c) => c[0]?.found ?? 0),
          medianMs,
          lexiconMs: median(per.pipeline.costs.map((c) => c.parts?.lexiconMs ?? NaN)),
          detectMs: median(per.pipeline.costs.map((c) => c.parts?.detectMs ?? NaN)),
          p95Ms: pick((c) =>
            percentile(
              c.map((x) => x.busyMs),
              95,
            ),
          ),
          maxSliceMs: pick((c) => Math.max(...c.map((x) => x.maxSliceMs))),
          longTasks: Object.fromEntries(modes.map((m) => [m, per[m].longTasks])) as Record<Mode, number[]>,
          ratio: medianMs.markBody > 0 ? medianMs.scanBody / medianMs.markBody : NaN,
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

function summarize(results: PageResult[]) {
  const ok = results.filter((r) => !r.error);
  const col = (m: Mode) => ok.map((r) => r.medianMs[m]);
  const longTaskPages = (m: Mode) => ok.filter((r) => r.longTasks[m].length > 0).map((r) => r.page);
  return {
    pages: results.length,
    errors: results.filter((r) => r.error).map((r) => ({ page: r.page, error: r.error })),
    articles: ok.filter((r) => r.isArticle).length,
    medianOfPageMediansMs: Object.fromEntries(modes.map((m) => [m, median(col(m))])),
    p95OfPageMediansMs: Object.fromEntries(modes.map((m) => [m, percentile(col(m), 95)])),
    maxPageMedianMs: Object.fromEntries(modes.map((m) => [m, Math.max(...col(m))])),
    maxSliceMs: Object.fromEntries(modes.map((m) => [m, Math.max(...ok.map((r) => r.maxSliceMs[m]))])),
    pagesWithLongTasks: Object.fromEntries(modes.map((m) => [m, longTaskPages(m)])),
    medianLexiconBuildMs: median(ok.map((r) => r.lexiconMs)),
    medianDetectMs: median(ok.map((r) => r.detectMs)),
    medianRatioScanBodyToMark: median(ok.map((r) => r.ratio).filter(Number.isFinite)),
    ratioOfMedians: median(col('scanBody')) / median(col('markBody')),
  };
}

async function coreBenchmark(): Promise<unknown> {
  const file = path.join(repoRoot, 'bench', 'core.ts');
  if (!existsSync(file)) return { skipped: 'bench/core.ts not present' };
  const mod = (await import(file)) as { benchCore?: () => unknown };
  if (typeof mod.benchCore !== 'function') return { skipped: 'bench/core.ts exports no benchCore()' };
  return await mod.benchCore();
}

const started = Date.now();
const chromiumVersion = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
console.log(`page benchmark: ${chromiumVersion}, ${runs} runs per mode per page (after one warm-up)`);
const pages = await pageBenchmark();
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
console.log(
  formatTable(
    [
      'page',
      'article',
      'pipeline med',
      'p95',
      'lexicon',
      'detect',
      'body med',
      'p95',
      'mark.js med',
      'p95',
      'body/mark',
      'max slice',
      'long tasks P/M',
    ],
    pages.map((r) =>
      r.error
        ? [r.page, 'ERROR', r.error.slice(0, 60)]
        : [
            r.page,
            r.isArticle ? 'yes' : 'no',
            fmt(r.medianMs.pipeline),
            fmt(r.p95Ms.pipeline),
            fmt(r.lexiconMs),
            fmt(r.detectMs),
            fmt(r.medianMs.scanBody),
            fmt(r.p95Ms.scanBody),
            fmt(r.medianMs.markBody),
            fmt(r.p95Ms.markBody),
            fmt(r.ratio),
            fmt(Math.max(r.maxSliceMs.pipeline, r.maxSliceMs.scanBody)),
            `${r.longTasks.pipeline.length + r.longTasks.scanBody.length}/${r.longTasks.markBody.length}`,
          ],
    ),
  ),
);
const summary = summarize(pages);
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
      runsPerMode: runs,
      units: 'milliseconds of main-thread script time (sum of slices)',
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
