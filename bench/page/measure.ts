/**
 * The page benchmark's measurement, in headless Chromium (playwright-core,
 * /usr/bin/chromium). For each saved page and run, the page is loaded afresh
 * (its own scripts removed) twice, in alternating order:
 *
 *   empty     an empty content script is added after load (the baseline)
 *   parallax  Parallax's content script (bench/page/entry.ts, bundled) is
 *             added after load and runs to the end of its first full scan
 *
 * Main-thread time is the renderer's own account (CDP `Performance.getMetrics`:
 * TaskDuration, all main-thread tasks, and ScriptDuration, script only), read
 * before the script is added and after a fixed window (done, plus a pause), so
 * every task the content script causes is counted, including the browser's
 * style and paint work for the highlights. Long tasks (>= 50 ms) come from a
 * `longtask` PerformanceObserver installed before the page's own content.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { answer } from './background';

/** The content script's manifest stylesheet (the highlights' default styles). */
const HIGHLIGHT_STYLES = readFileSync(path.join(import.meta.dirname, '..', '..', 'src', 'content', 'highlights.css'), 'utf8');

/** What one variant cost on one load of a page. */
export interface RunCost {
  taskMs: number;
  scriptMs: number;
  longTasks: number;
  found?: { isArticle: boolean; names: number; claims: number } | { error: string };
}

/** Pause before measuring (the page's own load work ends) and at least after (trailing tasks, long-task reports). */
const SETTLE_MS = 250;
/**
 * Both scripts are measured over the same wall-clock window from the moment
 * they are added: the page's own frames (animations, image decoding) cost
 * main-thread time too, and a longer window for Parallax would charge them to it.
 */
const WINDOW_MS = 1_200;

const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.startTime); })
    .observe({ type: 'longtask', buffered: true });
`;

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m: { name: string; value: number }) => [m.name, m.value]));
}

/**
 * The background's answers to one page's calls, recorded on the warm-up load
 * (keyed by method and the JSON of the params): measured loads get them
 * before their window opens, so the page pays what extension messaging costs
 * it (serialising the request, parsing the reply) and not the bench's
 * Playwright binding, whose CDP round trip runs script on the page's thread.
 */
export type Recorded = Map<string, string>;

/** A tab set up for the benchmark: the long-task observer and the background binding (which records). */
export async function benchPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession; recorded: Recorded }> {
  const page = await context.newPage();
  const recorded: Recorded = new Map();
  await page.addInitScript({ content: LONG_TASK_OBSERVER });
  await page.exposeFunction('parallaxBackground', (method: string, params: unknown) => {
    const reply = JSON.stringify(answer(method, params));
    recorded.set(`${method} ${JSON.stringify(params)}`, reply);
    return reply;
  });
  const cdp = await context.newCDPSession(page);
  return { page, cdp, recorded };
}

/** Loads `url` afresh, adds `script` after load, waits for it to finish; its cost on the main thread. */
export async function measureLoad(page: Page, cdp: CDPSession, url: string, script: string, recorded?: Recorded): Promise<RunCost> {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // The extension's manifest stylesheet is part of the page's first style pass; here it is added before the window.
  if (script) await page.addStyleTag({ content: HIGHLIGHT_STYLES });
  // In the extension that sheet is in the page's first style pass; here the pass it causes is forced
  // before the window (for both variants alike), or it would be charged to the script's first paint.
  await page.evaluate(() => document.documentElement.getBoundingClientRect());
  // Handed over before the window opens: the real background's answers cost the page nothing until they arrive.
  if (recorded?.size)
    await page.evaluate(
      (entries) => ((window as unknown as { parallaxAnswers: Map<string, string> }).parallaxAnswers = new Map(entries)),
      [...recorded],
    );
  await page.waitForTimeout(SETTLE_MS);
  const before = await metrics(cdp);
  const since = await page.evaluate(() => performance.now());
  const added = Date.now();
  await page.evaluate(async (source) => {
    const el = document.createElement('script');
    el.textContent = source;
    document.documentElement.appendChild(el);
    el.remove();
    await (window as unknown as { parallaxDone?: Promise<unknown> }).parallaxDone;
  }, script);
  await page.waitForTimeout(Math.max(SETTLE_MS, WINDOW_MS - (Date.now() - added)));
  const after = await metrics(cdp);
  type Bench = { parallaxFound?: () => Promise<RunCost['found']> };
  const found = await page.evaluate(() => (window as unknown as Bench).parallaxFound?.()).catch((e: Error) => ({ error: e.message }));
  const longTasks = await page.evaluate(
    (t) => (window as unknown as { __longTasks: number[] }).__longTasks.filter((s) => s >= t).length,
    since,
  );
  await cdp.send('Performance.disable');
  return {
    taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
    scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
    longTasks,
    ...(found ? { found } : {}),
  };
}
