/**
 * The page side of `npm run bench`, bundled to one IIFE (global
 * `ParallaxBench`) and injected into each test page's main world. It runs, on
 * the same page:
 *
 *   pipeline  what the content script pays on this page: receiving the
 *             compiled lexicon (a structured clone, as messaging does, then
 *             lexiconFromData), detectArticle, then scanRoot on the article
 *             root (only when it is an article), then registering the CSS
 *             highlights. Compiling the lexicon is the background's job, done
 *             once, so it is not timed.
 *   scanBody  scanRoot on the whole <body> + highlights, whatever the page is:
 *             the same work as the baseline
 *   markBody  the baseline: mark.js over <body> with one RegExp of the same
 *             names (markRegExp: one DOM walk, the fastest way to use mark.js
 *             for hundreds of names), then unmark (not timed)
 *
 * Main-thread time of sliced work is the sum of its slices: `scheduler.yield`
 * is wrapped to close a slice when the scan yields and open one when it
 * resumes, so time given back to the page is not counted.
 */
import Mark from 'mark.js';
import { compileLexicon, lexiconFromData } from '../../src/core/entities';
import { loadGazetteer } from '../../src/core/library';
import { scanRoot, type ScannedMention } from '../../src/content/scan';
import { detectArticle } from '../../src/content/detect';
import type { Entity } from '../../src/core/types';

/** Cost of one run. */
export interface RunCost {
  /** Main-thread ms (sum of slices). */
  busyMs: number;
  /** Longest slice, ms. */
  maxSliceMs: number;
  slices: number;
  /** Wall ms from start to finish (includes time yielded to the page). */
  wallMs: number;
  /** Highlighted ranges (Parallax) or <mark> elements (mark.js). */
  found: number;
  isArticle?: boolean;
  /** Synchronous steps of the pipeline, ms: receiving the lexicon, detecting the article. */
  parts?: { lexiconMs: number; detectMs: number };
  /** performance.now() at start and end, to match long-task entries afterwards. */
  began: number;
  ended: number;
}

/** Long tasks (> 50 ms) seen by the page so far; the browser reports them after the task ends. */
const longTasks: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

/** Durations of long tasks that started within [from, to]. */
export function longTasksBetween(from: number, to: number): number[] {
  return longTasks.filter((t) => t.start >= from - 1 && t.start <= to).map((t) => t.duration);
}

const entities: Entity[] = loadGazetteer();
/** What the background sends in answer to getLexicon. */
const lexiconData = compileLexicon(entities);
/** Every spelling Parallax knows, for the baseline. */
const names = [...new Set(entities.flatMap((e) => [e.name, ...e.aliases]))].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const namesRegExp = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

// Slice accounting around scheduler.yield (see the header comment).
let open = 0;
let slices: number[] = [];
const scheduler = (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
if (scheduler?.yield) {
  const original = scheduler.yield.bind(scheduler);
  scheduler.yield = async () => {
    slices.push(performance.now() - open);
    await original();
    open = performance.now();
  };
}

function register(mentions: ScannedMention[]): void {
  const byKind = new Map<string, AbstractRange[]>();
  for (const m of mentions) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m.range]);
  for (const [kind, ranges] of byKind) CSS.highlights.set(`parallax-${kind}`, new Highlight(...ranges));
}

async function measure(work: () => Promise<Pick<RunCost, 'found' | 'isArticle' | 'parts'>>): Promise<RunCost> {
  CSS.highlights.clear();
  slices = [];
  const began = performance.now();
  open = began;
  const { found, isArticle, parts } = await work();
  const ended = performance.now();
  slices.push(ended - open);
  CSS.highlights.clear();
  return {
    busyMs: slices.reduce((a, b) => a + b, 0),
    maxSliceMs: Math.max(...slices),
    slices: slices.length,
    wallMs: ended - began,
    found,
    isArticle,
    parts,
    began,
    ended,
  };
}

/** What the content script does on this page, from the background's answer to getLexicon on. */
export function pipeline(): Promise<RunCost> {
  return measure(async () => {
    const t0 = performance.now();
    const lexicon = lexiconFromData(structuredClone(lexiconData));
    const t1 = performance.now();
    const detection = detectArticle(document, location.href);
    const parts = { lexiconMs: t1 - t0, detectMs: performance.now() - t1 };
    if (!detection.isArticle || !detection.root) return { found: 0, isArticle: false, parts };
    const { mentions } = await scanRoot(detection.root, lexicon);
    register(mentions);
    return { found: mentions.length, isArticle: true, parts };
  });
}

const sharedLexicon = lexiconFromData(lexiconData);
/** Parallax over the whole body, lexicon prebuilt: the baseline's work. */
export function scanBody(): Promise<RunCost> {
  return measure(async () => {
    const { mentions } = await scanRoot(document.body, sharedLexicon);
    register(mentions);
    return { found: mentions.length };
  });
}

/** mark.js over the whole body (synchronous, one task), then unmarked untimed. */
export async function markBody(): Promise<RunCost> {
  const marker = new Mark(document.body);
  let found = 0;
  const began = performance.now();
  marker.markRegExp(namesRegExp, { done: (n: number) => void (found = n) });
  const ended = performance.now();
  const ms = ended - began;
  await new Promise<void>((resolve) => marker.unmark({ done: () => resolve() }));
  return { busyMs: ms, maxSliceMs: ms, slices: 1, wallMs: ms, found, began, ended };
}

/** Size of the lexicon, for the report. */
export const lexiconSize = { entities: entities.length, names: names.length };
