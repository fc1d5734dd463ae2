/**
 * Real Chromium with the unpacked Chrome build loaded (`--load-extension`),
 * driven by playwright-core. New headless mode loads extensions.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromeBuildDir, chromiumPath, requireBrowserAndBuild } from './browsers';
import { contentMessage, defaultViewport, unwrapPageState, type ExtensionBrowser, type PageError, type TestPage } from './driver';
import { probeSource } from './probe';

/** Command-line switches: the extension, plus quiet, offline-friendly defaults. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Every host but the local fixture server fails at once: no test or benchmark waits on the network.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ];
}

/** The slice of the `chrome` extension API the tests call in the service worker (no @types/chrome here). */
interface ChromeGlobal {
  chrome: {
    tabs: {
      query(filter: object): Promise<Array<{ id?: number; url?: string }>>;
      sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    };
  };
}

function wrapPage(page: Page): TestPage {
  const errors: PageError[] = [];
  page.on('pageerror', (error) => errors.push({ kind: 'pageerror', message: error.message, where: error.stack ?? '' }));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push({ kind: 'console', message: message.text(), where: message.location().url });
  });
  return {
    errors,
    get url() {
      return page.url();
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    moveMouse: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    press: (key) => page.keyboard.press(key),
    type: async (text) => {
      await page.bringToFront();
      await page.keyboard.type(text, { delay: 20 });
    },
    screenshot: async (file) => void (await page.screenshot({ path: file })),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    close: () => page.close(),
  };
}

/** The Playwright page behind a TestPage, for the few Chromium-only tests. */
export const playwrightPages = new WeakMap<TestPage, Page>();

/** Launches Chromium with dist/chrome and waits for the extension's service worker. */
export async function launchChromium(
  options: { headless?: boolean; extraArgs?: string[] } = {},
): Promise<ExtensionBrowser & { context: BrowserContext; worker: Worker }> {
  requireBrowserAndBuild(chromiumPath, chromeBuildDir);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    viewport: defaultViewport,
    args: [...chromiumArgs(chromeBuildDir), ...(options.extraArgs ?? [])],
  });
  await context.addInitScript({ content: probeSource });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  // Node's URL gives non-special schemes an origin of 'null', so cut it by hand.
  const extensionOrigin = worker.url().split('/').slice(0, 3).join('/');

  // Without the "tabs" permission the worker cannot read tab URLs, so the page
  // is brought to the front and the window's active tab is taken instead.
  const tabIdOf = async (page: TestPage): Promise<number> => {
    const pwPage = playwrightPages.get(page);
    if (!pwPage) throw new Error('not a Chromium test page');
    await pwPage.bringToFront();
    const id = await worker.evaluate(async () => {
      const [tab] = await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    }, null);
    if (id === null) throw new Error(`no active tab for ${page.url}`);
    return id;
  };

  const result: ExtensionBrowser & { context: BrowserContext; worker: Worker } = {
    name: 'chromium',
    context,
    worker,
    extensionOrigin,
    async open(url, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const wrapped = wrapPage(page);
      playwrightPages.set(wrapped, page);
      await page.goto(url, { waitUntil: 'load' });
      return wrapped;
    },
    async openExtensionPage(pathAndQuery, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const wrapped = wrapPage(page);
      playwrightPages.set(wrapped, page);
      await page.goto(`${extensionOrigin}/${pathAndQuery}`, { waitUntil: 'load' });
      return wrapped;
    },
    tabIdOf,
    async contentCall(page, method, params) {
      const tabId = await tabIdOf(page);
      return worker.evaluate(
        ([id, message]) => (globalThis as unknown as ChromeGlobal).chrome.tabs.sendMessage(id as number, message, { frameId: 0 }),
        [tabId, contentMessage(method, params)] as const,
      );
    },
    async pageState(page) {
      return unwrapPageState(await result.contentCall(page, 'getPageState', {}));
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return result;
}
