/**
 * The library at scale, in the browser: dist/chrome in real headless Chromium
 * (the e2e harness's launch and flags), a generated library (generate.ts)
 * imported through the options page's form, and at each size:
 *
 *   import time (and the progress messages the page got), store size on disk
 *   (navigator.storage.estimate of the extension's origin), how long the background took to settle
 *   after the import (the pack's vectors stored), then, settled, lookup per page
 *   (analyzePage + matchSentences from an extension page, round trips included,
 *   median of 7 per page, then median / p90 / worst over the pages), the first
 *   lookup after the import (the claim index rebuilt), the first name and claim
 *   highlight after a real page's load event, and the service worker's JS heap
 *   after a full GC (CDP Runtime.getHeapUsage on the worker target).
 *
 * The baseline is the seeds-only library of the same run. Sizes below 10,000
 * grow one profile from the seeds; 10,000 is one pack imported into a fresh
 * profile (the import target), and larger sizes grow that profile in packs of
 * 10,000. A size that would pass --library-minutes is not started; what was
 * reached is said, never extrapolated.
 *
 *   npm run bench -- --library [--library-sizes 1000,10000,100000] [--library-minutes 45]
 *   (needs `npm run build` first: it measures the built extension)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../tests/e2e/support/chromium';
import { repoRoot, startFixtureServer, type FixtureServer } from '../../tests/e2e/support/server';
import { waitFor } from '../../tests/e2e/support/wait';
import type { TestPage } from '../../tests/e2e/support/driver';
import { generateLibrary, libraryPackOf, librarySources, type GeneratedArticle } from './generate';
import { claimVectorsOf, libraryVectors } from './vectors';
import type { QuantisedVector } from '../../src/core/ranking';
import {
  FIRST_HIGHLIGHT_PROBE,
  firstHighlight,
  importThroughForm,
  lookupFrom,
  settleAfterImport,
  stopServiceWorker,
  storeBytes,
  workerHeapBytes,
  type ImportRun,
} from './probes';

/** Real article pages the lookup and highlights are measured on (test pages, and the seed demo article). */
export const BENCH_PAGES = [
  'article-seed.html',
  ...['bbc-1', 'cnn', 'nytimes-3', 'nytimes-4', 'wapo-1', 'wapo-2', 'telegraph', 'theverge', 'yahoo-1', 'herald-sun-1']
    .concat(['ars-1', 'lwn-1', 'quanta-1', 'citylab-1', 'buzzfeed-1', 'liberation-1', 'wikipedia'])
    .map((name) => `readability/${name}.html?noscript=1`),
];

/** Longest wait for an import's background work before the pages are measured anyway (said in the table). */
const SETTLE_MS = 180_000;

/** Articles per imported pack (the import takes at most 20,000 and 40 MB). */
const PACK_ARTICLES = 10_000;
// Seven runs: with three, one page's median moved by up to 20 ms between two steps of the same run.
const LOOKUP_RUNS = 7;

/** Per page, at one library size. */
export interface PageMeasure {
  page: string;
  lookupMs: number;
  sentences: number;
  matched: number;
  namesMs: number | null;
  claimsMs: number | null;
}

/** One row of the table. */
export interface LibraryStep {
  label: string;
  /** Articles in the store (the seeds included). */
  stored: number;
  imports: ImportRun[];
  storeBytes: number;
  heapBytes: number;
  firstLookupMs: number;
  /** After an import: how long until every claim had its vector (the pages are measured after it). */
  settle?: { ms: number; settled: boolean };
  /** The first lookup after the service worker was stopped (its caches restored from the store). */
  restartLookupMs: number;
  pages: PageMeasure[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.ceil(s.length / 2) - 1]! : NaN;
};
const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.ceil(0.9 * s.length) - 1]! : NaN;
};

/** Number of articles the background holds (the stats call any page may make). */
async function storedArticles(options: TestPage): Promise<number> {
  const reply = await options.evaluate(
    () =>
      (
        window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { articles: number } }> } } }
      ).chrome.runtime.sendMessage({ parallax: 1, method: 'getLibraryStats', params: {} }),
    null,
  );
  if (!reply.ok || !reply.value) throw new Error('getLibraryStats failed');
  return reply.value.articles;
}

type Launched = Awaited<ReturnType<typeof launchChromium>>;

/** Measures the current library of one browser profile. */
async function measure(
  browser: Launched,
  server: FixtureServer,
  options: TestPage,
  label: string,
  imports: ImportRun[],
  blocksByPage: Map<string, string[]>,
): Promise<LibraryStep> {
  const pages: PageMeasure[] = [];
  const firstUrl = server.url(BENCH_PAGES[0]!);
  // Before any page is opened (a page's own lookups would warm the caches), when its blocks are known.
  const known = blocksByPage.get(BENCH_PAGES[0]!);
  let firstLookupMs = known ? (await lookupFrom(options, firstUrl, known)).ms : NaN;
  // The pages are measured once the import's background work is done (its vectors stored, the index
  // snapshotted): what a reader gets from then on. The first lookup above is the one that met it.
  const settle = imports.length ? await settleAfterImport(options, SETTLE_MS) : undefined;
  if (settle) await new Promise((resolve) => setTimeout(resolve, 2_000)); // the snapshot, written when quiet
  for (const file of BENCH_PAGES) {
    const url = server.url(file);
    const seen = await firstHighlight(browser, url);
    blocksByPage.set(file, seen.blocks);
    const runs = [];
    for (let i = 0; i < LOOKUP_RUNS; i++) runs.push(await lookupFrom(options, url, seen.blocks));
    if (Number.isNaN(firstLookupMs)) firstLookupMs = runs[0]!.ms;
    pages.push({
      page: file.replace(/^readability\//, '').replace(/\?.*$/, ''),
      lookupMs: median(runs.map((r) => r.ms)),
      sentences: runs[0]!.sentences,
      matched: runs[0]!.matched,
      namesMs: seen.names,
      claimsMs: seen.claims,
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const heapBytes = await workerHeapBytes(browser.context, options);
  await stopServiceWorker(browser.context, options);
  // Not by opening the page: its content script would wake the worker first.
  const restart = await lookupFrom(options, firstUrl, blocksByPage.get(BENCH_PAGES[0]!)!);
  return {
    label,
    stored: await storedArticles(options),
    imports,
    storeBytes: await storeBytes(options),
    heapBytes,
    firstLookupMs,
    ...(settle ? { settle } : {}),
    restartLookupMs: restart.ms,
    pages,
  };
}

/** A fresh profile with the extension seeded, and its options page open. */
async function openProfile(): Promise<{ browser: Launched; options: TestPage }> {
  const browser = await launchChromium();
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`: evaluated functions need it in the page.
  await browser.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' + FIRST_HIGHLIGHT_PROBE });
  const options = await browser.openExtensionPage('src/options/index.html');
  await waitFor(() => options.evaluate(() => !!document.getElementById('import-file'), null), { what: 'the options page' });
  await waitFor(async () => (await storedArticles(options)) >= 4, { timeout: 60_000, what: 'the seeded library' });
  return { browser, options };
}

/** Imports articles [from, to) of the generated library in packs; stops early (and says so) past the deadline. */
async function grow(
  options: TestPage,
  articles: GeneratedArticle[],
  from: number,
  to: number,
  deadline: number,
  vectors: ReadonlyMap<string, QuantisedVector>,
): Promise<{ runs: ImportRun[]; reached: number }> {
  const runs: ImportRun[] = [];
  for (let start = from; start < to; start += PACK_ARTICLES) {
    if (Date.now() > deadline) return { runs, reached: start };
    const slice = articles.slice(start, Math.min(to, start + PACK_ARTICLES));
    const pack = JSON.stringify(libraryPackOf(slice, claimVectorsOf(slice, vectors)));
    const run = await importThroughForm(options, `bench-${start}.json`, pack, 30 * 60_000);
    if (!/added/.test(run.summary)) throw new Error(`import refused: ${run.summary}`);
    runs.push(run);
    process.stderr.write(`imported ${start + slice.length} articles (${(run.ms / 1000).toFixed(1)} s)\n`);
  }
  return { runs, reached: to };
}

/** The whole benchmark: the seeds, then each size. */
export async function benchLibrary(sizes: number[], minutes: number): Promise<{ steps: LibraryStep[]; stopped?: string }> {
  const deadline = Date.now() + minutes * 60_000;
  const articles = generateLibrary(librarySources(), Math.max(...sizes));
  // Packs carry their claims' vectors, so an import is not re-embedded in the browser.
  const vectors = await libraryVectors(articles);
  const server = await startFixtureServer();
  const steps: LibraryStep[] = [];
  const blocksByPage = new Map<string, string[]>();
  let stopped: string | undefined;
  // Sizes under one pack grow the first profile; the rest start from one pack in a fresh profile.
  const groups = [sizes.filter((s) => s < PACK_ARTICLES), sizes.filter((s) => s >= PACK_ARTICLES)];
  try {
    for (const [g, group] of groups.entries()) {
      if (g > 0 && !group.length) continue;
      const { browser, options } = await openProfile();
      try {
        if (g === 0) steps.push(await measure(browser, server, options, 'seeds only', [], blocksByPage));
        let have = 0;
        for (const size of group) {
          const { runs, reached } = await grow(options, articles, have, size, deadline, vectors);
          have = reached;
          // A size cut short by the time budget is measured where it stopped, and said so.
          const label = `${reached.toLocaleString('en')} articles${reached < size ? ` (of ${size.toLocaleString('en')}: time budget spent)` : ''}`;
          if (runs.length) steps.push(await measure(browser, server, options, label, runs, blocksByPage));
          if (reached < size) {
            stopped = `time budget of ${minutes} min spent at ${reached} articles`;
            break;
          }
        }
        if (stopped) break;
      } catch (error) {
        stopped = String((error as Error).message ?? error);
        break;
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return { steps, ...(stopped ? { stopped } : {}) };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (x: number | null) => (x === null || Number.isNaN(x) ? '-' : `${x.toFixed(1)} ms`);

/** Pages whose lookup or first name highlight is slower than with the seeds (by more than noise: +10 ms and 1.5x). */
export function slowerThanSeeds(step: LibraryStep, seeds: LibraryStep): string[] {
  const base = new Map(seeds.pages.map((p) => [p.page, p]));
  const slower = (a: number | null, b: number | null | undefined) => a !== null && b != null && a > b + 10 && a > b * 1.5;
  return step.pages
    .filter((p) => slower(p.lookupMs, base.get(p.page)?.lookupMs) || slower(p.namesMs, base.get(p.page)?.namesMs))
    .map((p) => p.page);
}

/** The README's table. */
export function libraryTable(steps: LibraryStep[]): string {
  const seeds = steps[0]!;
  const header = [
    'library',
    'stored',
    'import',
    'progress msgs',
    'store on disk',
    'lookup/page median',
    'p90',
    'worst',
    'first lookup after import',
    'settled after import',
    'first lookup after worker restart',
    'first name highlight',
    'first claim highlight',
    'slower than seeds',
    'worker heap',
  ];
  const rows = steps.map((s) => {
    const importMs = s.imports.reduce((n, r) => n + r.ms, 0);
    const lookups = s.pages.map((p) => p.lookupMs);
    const names = s.pages.flatMap((p) => (p.namesMs === null ? [] : [p.namesMs]));
    const claims = s.pages.flatMap((p) => (p.claimsMs === null ? [] : [p.claimsMs]));
    const worst = s.pages.reduce((a, b) => (b.lookupMs > a.lookupMs ? b : a));
    return [
      s.label,
      s.stored.toLocaleString('en'),
      s.imports.length
        ? `${(importMs / 1000).toFixed(1)} s (writing ${(s.imports.reduce((n, r) => n + r.writeMs, 0) / 1000).toFixed(1)} s${s.imports.length > 1 ? `, ${s.imports.length} packs` : ''})`
        : '-',
      s.imports.length ? String(s.imports.reduce((n, r) => n + r.progressMessages, 0)) : '-',
      mb(s.storeBytes),
      ms(median(lookups)),
      ms(p90(lookups)),
      `${ms(worst.lookupMs)} (${worst.page})`,
      ms(s.firstLookupMs),
      s.settle ? `${(s.settle.ms / 1000).toFixed(1)} s${s.settle.settled ? '' : ' (not yet: measured anyway)'}` : '-',
      ms(s.restartLookupMs),
      `${ms(median(names))} (${names.length} pages)`,
      `${ms(median(claims))} (${claims.length} pages)`,
      s === seeds ? '-' : `${slowerThanSeeds(s, seeds).length} of ${s.pages.length}`,
      mb(s.heapBytes),
    ];
  });
  return [header, ...rows]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n')
    .replace(/^(\|[^\n]*\n)/, (first) => first + `|${' --- |'.repeat(header.length)}\n`);
}

/** `npm run bench -- --library`: runs, prints the table, writes bench/library/results.json. */
export async function runLibraryBench(args: string[]): Promise<void> {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const sizes = (option('--library-sizes') ?? '1000,10000,100000')
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  const minutes = Number(option('--library-minutes') ?? 45);
  const started = Date.now();
  const result = await benchLibrary(sizes, minutes);
  console.log(`\nlibrary benchmark (headless Chromium, dist/chrome; pages: ${BENCH_PAGES.length})\n`);
  if (result.steps.length) console.log(libraryTable(result.steps));
  if (result.stopped) console.log(`\nstopped: ${result.stopped}`);
  writeFileSync(
    path.join(repoRoot, 'bench', 'library', 'results.json'),
    JSON.stringify({ date: new Date().toISOString(), sizes, ...result, seconds: (Date.now() - started) / 1000 }, null, 2) + '\n',
  );
}
