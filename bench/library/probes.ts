/**
 * What the library benchmark reads from a real Chromium with dist/chrome
 * loaded: the time of an import through the options page's form, the store's
 * size, the background's lookup time for a page, the first highlight after a
 * page's load, and the service worker's JS heap.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { ExtensionBrowser, TestPage } from '../../tests/e2e/support/driver';
import { playwrightPages } from '../../tests/e2e/support/chromium';
import { waitFor } from '../../tests/e2e/support/wait';

/** One import through the options page's form. */
export interface ImportRun {
  ms: number;
  /** Progress messages the options page received while it ran. */
  progressMessages: number;
  /** From the first "writing" progress message to the summary: the one transaction's commit, about. */
  writeMs: number;
  summary: string;
}

/** Chooses `content` in the import form, submits it and waits for the summary (the reader's path). */
export async function importThroughForm(options: TestPage, name: string, content: string, timeoutMs: number): Promise<ImportRun> {
  const started = await options.evaluate(
    (arg: { name: string; content: string }) => {
      type Api = { runtime: { onMessage: { addListener(f: (m: unknown) => undefined): void } } };
      const w = window as unknown as { __benchProgress?: number; __benchWriting?: number | null; chrome: Api };
      if (w.__benchProgress === undefined)
        w.chrome.runtime.onMessage.addListener((m) => {
          const message = m as { method?: string; params?: { phase?: string } } | null;
          if (message?.method !== 'importProgress') return undefined;
          w.__benchProgress! += 1;
          if (message.params?.phase === 'writing') w.__benchWriting ??= performance.now();
          return undefined;
        });
      w.__benchProgress = 0;
      w.__benchWriting = null;
      document.querySelector('.import-result')?.replaceChildren();
      const input = document.getElementById('import-file') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([arg.content], arg.name, { type: 'application/json' }));
      input.files = files.files;
      const t0 = performance.now();
      input.form!.requestSubmit();
      return t0;
    },
    { name, content },
  );
  const done = await waitFor(
    () =>
      options.evaluate(() => {
        const text = document.querySelector('.import-result')?.textContent?.trim();
        const w = window as unknown as { __benchProgress: number; __benchWriting: number | null };
        return text ? { text, at: performance.now(), progress: w.__benchProgress, writingAt: w.__benchWriting } : null;
      }, null),
    { timeout: timeoutMs, interval: 50, what: `the import summary of ${name}` },
  );
  return {
    ms: done.at - started,
    progressMessages: done.progress,
    writeMs: done.writingAt === null ? NaN : done.at - done.writingAt,
    summary: done.text,
  };
}

/** Bytes the extension's origin uses (IndexedDB included), as the browser counts them. */
export function storeBytes(options: TestPage): Promise<number> {
  return options.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0, null);
}

/** The text blocks of a page, as block elements hold them (what the content script sends, near enough). */
export function pageBlocks(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const blocks = document.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, figcaption, td, dd, pre');
    return [...blocks]
      .filter((el) => !el.querySelector('p, li, blockquote, td'))
      .map((el) => (el as HTMLElement).innerText ?? el.textContent ?? '')
      .filter((text) => text.trim().length > 0);
  }, null);
}

/** One lookup of a page: the background's `analyzePage`, then `matchSentences` in the content script's batches. */
export interface Lookup {
  ms: number;
  sentences: number;
  matched: number;
}

/** Times one page's lookup, from an extension page, round trips included. */
export function lookupFrom(options: TestPage, pageUrl: string, blocks: string[]): Promise<Lookup> {
  return options.evaluate(
    async (arg: { pageUrl: string; blocks: string[] }) => {
      type Reply = { ok: boolean; value?: unknown; error?: string };
      const send = (method: string, params: object) =>
        (window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime.sendMessage({
          parallax: 1,
          method,
          params,
        });
      const t0 = performance.now();
      const analysis = await send('analyzePage', { pageUrl: arg.pageUrl, fresh: true, blocks: arg.blocks });
      if (!analysis.ok) throw new Error(analysis.error);
      const keyed = (analysis.value as { sentences: Array<{ block: number; start: number; end: number; key: string }> }).sentences;
      // As the content script sends them: in page order, each with its block.
      const sentences = keyed.map((s) => ({ key: s.key, text: arg.blocks[s.block]!.slice(s.start, s.end), block: s.block }));
      let matched = 0;
      for (let i = 0; i < sentences.length; i += 400) {
        const reply = await send('matchSentences', { pageUrl: arg.pageUrl, sentences: sentences.slice(i, i + 400) });
        if (!reply.ok) throw new Error(reply.error);
        matched += (reply.value as unknown[]).length;
      }
      return { ms: performance.now() - t0, sentences: sentences.length, matched };
    },
    { pageUrl, blocks },
  );
}

/**
 * Waits until the background has settled after an import (every stored claim has its vector: the
 * pack's were stored after the commit, between lookups) or `timeoutMs` passed; resolves to the time
 * waited and whether it settled. The panel's own call (`getPageContext`) reports the counts.
 */
export async function settleAfterImport(options: TestPage, timeoutMs: number): Promise<{ ms: number; settled: boolean }> {
  const started = Date.now();
  for (;;) {
    const model = await options.evaluate(async () => {
      type Reply = { ok: boolean; value?: { model?: { embedded: number; claims: number } } };
      const runtime = (window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime;
      const reply = await runtime.sendMessage({ parallax: 1, method: 'getPageContext', params: { pageUrl: 'https://bench.example/' } });
      return reply.value?.model ?? null;
    }, null);
    const settled = !!model && model.embedded >= model.claims;
    if (settled || Date.now() - started > timeoutMs) return { ms: Date.now() - started, settled };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Installed before a page's own scripts: stamps the load event and the first highlight of each kind. */
export const FIRST_HIGHLIGHT_PROBE = `(() => {
  const marks = { load: null, names: null, claims: null };
  window.__benchMarks = marks;
  addEventListener('load', () => { marks.load = performance.now(); });
  const timer = setInterval(() => {
    if (!globalThis.CSS || !CSS.highlights) return;
    for (const [name, h] of CSS.highlights) {
      if (!h.size) continue;
      if (name === 'parallax-claim') marks.claims ??= performance.now();
      else if (name.startsWith('parallax-')) marks.names ??= performance.now();
    }
    if (marks.names !== null && marks.claims !== null) clearInterval(timer);
  }, 4);
  setTimeout(() => clearInterval(timer), 30000);
})();`;

/** The first highlights of a page after its load event, in ms (null: none within the wait). */
export interface FirstHighlight {
  names: number | null;
  claims: number | null;
}

/** Opens `url`, waits for its first highlights (claims up to `claimWaitMs` after the names), reads the marks. */
export async function firstHighlight(
  browser: ExtensionBrowser,
  url: string,
  claimWaitMs = 3_000,
): Promise<FirstHighlight & { blocks: string[] }> {
  const page = await browser.open(url);
  type Marks = { load: number | null; names: number | null; claims: number | null };
  const read = () => page.evaluate(() => (window as unknown as { __benchMarks: Marks }).__benchMarks, null);
  try {
    const named = await waitFor(async () => ((await read()).names !== null ? true : null), { timeout: 30_000, interval: 50 }).catch(
      () => false,
    );
    if (named)
      await waitFor(async () => ((await read()).claims !== null ? true : null), { timeout: claimWaitMs, interval: 50 }).catch(() => false);
    const marks = await read();
    const since = (t: number | null) => (t === null || marks.load === null ? null : Math.max(0, t - marks.load));
    return { names: since(marks.names), claims: since(marks.claims), blocks: await pageBlocks(page) };
  } finally {
    await page.close();
  }
}

/** The service worker's JS heap after a full GC, in bytes (CDP Runtime.getHeapUsage on the worker target). */
export async function workerHeapBytes(context: BrowserContext, anyPage: TestPage): Promise<number> {
  const page = playwrightPages.get(anyPage) as Page;
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!worker) throw new Error('no extension service worker target');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const pending = new Map<number, (reply: { result?: { usedSize?: number }; error?: unknown }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId?: string; message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number }; error?: unknown };
      if (event.sessionId === sessionId && reply.id !== undefined) pending.get(reply.id)?.(reply);
    });
    const call = (id: number, method: string) =>
      new Promise<{ result?: { usedSize?: number }; error?: unknown }>((resolve) => {
        pending.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      });
    await call(1, 'HeapProfiler.collectGarbage');
    const usage = await call(2, 'Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    if (usage.result?.usedSize === undefined) throw new Error(`Runtime.getHeapUsage: ${JSON.stringify(usage.error)}`);
    return usage.result.usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Stops the extension's service worker, as Chrome does after 30 s idle (CDP ServiceWorker.stopAllWorkers). */
export async function stopServiceWorker(context: BrowserContext, anyPage: TestPage): Promise<void> {
  const page = playwrightPages.get(anyPage) as Page;
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
