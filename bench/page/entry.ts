/**
 * The page side of `npm run bench`, bundled to one IIFE and added to each
 * test page as the content script would be (after load). It runs Parallax's
 * real content script, `ContentApp` from src/content, with its message
 * function stubbed: calls go to `window.parallaxBackground`, a Playwright
 * binding answered in Node by bench/page/background.ts (the same core
 * functions as the extension's background, off the page's thread).
 *
 * `window.parallaxDone` resolves once the first full scan is done (names and
 * claims painted); `window.parallaxFound()` then says what was found.
 */
import { ContentApp, type BackgroundPort } from '../../src/content/app';

type Binding = (method: string, params: unknown) => Promise<string>;

/**
 * Messaging as the extension does it: the params serialised, the answer parsed
 * back on the page. Answers recorded on the warm-up load are used when present
 * (see measure.ts); otherwise the Playwright binding computes them.
 */
const port: BackgroundPort = async (method, params) => {
  const request = JSON.stringify(params);
  const recorded = (window as unknown as { parallaxAnswers?: Map<string, string> }).parallaxAnswers?.get(`${method} ${request}`);
  // A task boundary, as a message reply is: the page gets its turn between request and answer.
  if (recorded !== undefined) return new Promise((resolve) => setTimeout(() => resolve(JSON.parse(recorded)), 0));
  const binding = (window as unknown as { parallaxBackground?: Binding }).parallaxBackground;
  if (!binding) return { ok: false, error: 'no bench binding' };
  return JSON.parse(await binding(method, params));
};

const app = new ContentApp(document, port);
const bench = window as unknown as { parallaxDone: Promise<unknown>; parallaxFound: () => Promise<unknown> };
bench.parallaxDone = app.start();
/** What was found, read after the measurement (the popup's question, not the content script's own work). */
bench.parallaxFound = async () => {
  const state = await app.pageState();
  return { isArticle: state.isArticle, names: state.entities.reduce((n, e) => n + e.count, 0), claims: state.matches.length };
};
