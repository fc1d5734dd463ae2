/**
 * Core matching benchmark: lookup latency for all sentences of a page at
 * library sizes 100 / 1,000 / 10,000 articles, pack build time for 10,000
 * articles, heap used, and the BM25-only baseline's latency in the same run.
 *
 *   npx tsx bench/core.ts          (alone; `node --expose-gc --import tsx bench/core.ts` adds the index's own heap)
 *   benchCore()                    (from the bench runner)
 *
 * The synthetic library is real text: paragraphs of the 86 Readability test
 * pages (../shared/testpages/readability), regrouped into articles by a seeded
 * shuffle, plus the four seeds. Targets: < 50 ms per page at 10,000 articles;
 * 10,000 articles built in < 30 s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { analyzeArticle, analyzeSentence } from '../src/core/library';
import { ClaimIndex } from '../src/core/matching';
import { buildLexicon, type Lexicon } from '../src/core/entities';
import { PackBuilder } from '../src/core/library';
import { loadGazetteer } from '../src/core/library';
import { splitSentences } from '../src/core/text';
import type { Claim } from '../src/core/types';

const ROOT = join(import.meta.dirname, '..');
/** The shared Readability test pages, outside the repository. */
export const TEST_PAGES_DIR = join(ROOT, '../shared/testpages/readability');

/** Readable text of every test page (Readability over happy-dom; body text when Readability gives up). */
export function testPageTexts(): Array<{ name: string; text: string }> {
  const files = readdirSync(TEST_PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort();
  return files.map((name) => {
    const html = readFileSync(join(TEST_PAGES_DIR, name), 'utf8');
    const window = new Window({
      url: 'https://example.org/',
      settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true },
    });
    window.document.write(html);
    let text = '';
    try {
      text = new Readability(window.document as unknown as Document).parse()?.textContent ?? '';
    } catch {
      text = '';
    }
    if (!text.trim()) text = window.document.body?.textContent ?? '';
    void window.happyDOM.close();
    return { name, text };
  });
}

/** A deterministic PRNG (mulberry32): the same seed gives the same library (here and in library/generate.ts). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` synthetic articles of 4-10 real paragraphs each, plus the seeds. */
export function syntheticArticles(paragraphs: string[], seeds: string[], count: number): string[] {
  const random = prng(20230215);
  const out = [...seeds];
  while (out.length < count) {
    const n = 4 + Math.floor(random() * 7);
    const parts = Array.from({ length: n }, () => paragraphs[Math.floor(random() * paragraphs.length)]!);
    out.push(parts.join('\n\n'));
  }
  return out.slice(0, count);
}

const ms = (x: number) => Math.round(x * 100) / 100;
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Builds a pack as the CLI does (analysis, index, serialisation); times the analysis part separately. */
function buildLibrary(texts: string[], lexicon: Lexicon): { claims: Claim[]; ms: number; analyseMs: number } {
  const started = performance.now();
  const builder = new PackBuilder();
  const claims: Claim[] = [];
  let analyseMs = 0;
  texts.forEach((text, i) => {
    const t = performance.now();
    const analysed = analyzeArticle({ text, origin: 'import' }, lexicon);
    analyseMs += performance.now() - t;
    builder.add(`bench-${i}`, analysed.meta, analysed.claims, analysed.discovered);
    claims.push(...analysed.claims);
  });
  JSON.stringify(builder.build());
  return { claims, ms: performance.now() - started, analyseMs };
}

/**
 * Per-page lookup of every (already analysed) sentence: wall ms per page, and CPU ms
 * per page (user + system), which stays meaningful when other processes share the cores.
 */
function lookupPages(pages: Claim[][], index: ClaimIndex): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const page of pages) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    for (const sentence of page) index.query(sentence, { top: 5 });
    const used = process.cpuUsage(cpuStart);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

function summary(xs: number[]): { median: number; p95: number; max: number } {
  return { median: ms(percentile(xs, 0.5)), p95: ms(percentile(xs, 0.95)), max: ms(Math.max(...xs)) };
}

/** Runs the benchmark, prints a table to stderr and returns the numbers. */
export async function benchCore(): Promise<Record<string, unknown>> {
  const lexicon = buildLexicon(loadGazetteer());
  const pages = testPageTexts();
  const paragraphs = pages
    .flatMap((p) => p.text.split(/\n\s*\n|\n(?=\s*\S)/).map((s) => s.replace(/\s+/g, ' ').trim()))
    .filter((p) => p.length >= 80);
  const seedTexts = readdirSync(join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  // Query pages: every test page's sentences, analysed as the background would (timed separately).
  const analyseStart = performance.now();
  const queryPages = pages.map((p) => splitSentences(p.text).map((s) => analyzeSentence(s.text, lexicon)));
  const analyseMsPerPage = (performance.now() - analyseStart) / pages.length;
  const sentencesPerPage = queryPages.reduce((n, p) => n + p.length, 0) / queryPages.length;
  const sizes = queryPages.map((p) => p.length);
  const result: Record<string, unknown> = {
    pages: pages.length,
    paragraphs: paragraphs.length,
    sentencesPerPage: { mean: ms(sentencesPerPage), median: percentile(sizes, 0.5), max: Math.max(...sizes) },
    analyseMsPerPage: ms(analyseMsPerPage),
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const size of [100, 1000, 10000]) {
    const { claims, ms: buildMs, analyseMs } = buildLibrary(syntheticArticles(paragraphs, seedTexts, size), lexicon);
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const indexStart = performance.now();
    const index = new ClaimIndex();
    index.add(claims);
    const indexMs = performance.now() - indexStart;
    gc?.();
    const indexHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const plain = new ClaimIndex({ plain: true });
    plain.add(claims);
    const ours = lookupPages(queryPages, index);
    const base = lookupPages(queryPages, plain);
    const totalSentences = queryPages.reduce((n, p) => n + p.length, 0);
    const perSentenceUs = (times: number[]) => Math.round((1000 * times.reduce((a, b) => a + b, 0)) / totalSentences);

    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    result[`articles_${size}`] = {
      claims: claims.length,
      packBuildMs: Math.round(buildMs),
      packBuildAnalysisMs: Math.round(analyseMs),
      indexOnlyMs: Math.round(indexMs),
      lookupMsPerPage: summary(ours.wall),
      lookupCpuMsPerPage: summary(ours.cpu),
      baselineMsPerPage: summary(base.wall),
      baselineCpuMsPerPage: summary(base.cpu),
      lookupUsPerSentence: perSentenceUs(ours.wall),
      baselineUsPerSentence: perSentenceUs(base.wall),
      ratioMedianOursToBaseline: ms(percentile(ours.wall, 0.5) / Math.max(percentile(base.wall, 0.5), 1e-6)),
      ratioCpuTotalOursToBaseline: ms(
        ours.cpu.reduce((a, b) => a + b, 0) /
          Math.max(
            base.cpu.reduce((a, b) => a + b, 0),
            1e-6,
          ),
      ),
      heapUsedMb: Math.round(heapMb),
      // Only meaningful when run with --expose-gc (see the header).
      indexHeapMb: gc ? Math.round(indexHeapMb) : 'run with --expose-gc',
    };
    process.stderr.write(`bench core: ${size} articles: ${JSON.stringify(result[`articles_${size}`])}\n`);
  }
  const big = result.articles_10000 as {
    packBuildMs: number;
    lookupMsPerPage: { median: number; p95: number };
    lookupCpuMsPerPage: { median: number; p95: number };
  };
  result.targets = {
    lookupUnder50msMedianAt10k: big.lookupMsPerPage.median < 50,
    lookupUnder50msP95At10k: big.lookupMsPerPage.p95 < 50,
    lookupCpuUnder50msP95At10k: big.lookupCpuMsPerPage.p95 < 50,
    build10kUnder30s: big.packBuildMs < 30_000,
  };
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchCore(), null, 2));
}
