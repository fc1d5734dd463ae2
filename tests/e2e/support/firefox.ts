/**
 * Real Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
 * Firefox build installed as a temporary add-on (`browser.installExtension`,
 * BiDi `webExtension.install`).
 *
 * The moz-extension UUID is random per profile. We pin it with the
 * `extensions.webextensions.uuids` pref (add-on id -> UUID, read by Firefox
 * when the add-on starts), so the popup page has a known URL.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firefoxBuildDir, firefoxPath, requireBrowserAndBuild } from './browsers';
import { contentMessage, defaultViewport, unwrapPageState, type ExtensionBrowser, type PageError, type TestPage } from './driver';
import { probeSource } from './probe';
import { waitFor } from './wait';

/** The gecko id from the built manifest (vite.config.ts sets it). */
export function geckoId(): string {
  const manifest = JSON.parse(readFileSync(path.join(firefoxBuildDir, 'manifest.json'), 'utf8'));
  const id = manifest?.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
  return id;
}

/** Prefs that let an unsigned temporary add-on load and run quietly offline. */
export function firefoxPrefs(addonId: string, uuid: string): Record<string, unknown> {
  return {
    'xpinstall.signatures.required': false,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    // Host permissions of MV3 add-ons are opt-in in Firefox; grant them like a user would.
    'extensions.originControls.grantByDefault': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
    // No network but the local fixture server: every other host goes to a closed local
    // proxy port and fails at once (Chromium gets --host-resolver-rules for the same).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': '127.0.0.1,localhost',
  };
}

function wrapPage(page: Page): TestPage {
  const errors: PageError[] = [];
  page.on('pageerror', (error) => {
    const e = error as Error;
    errors.push({ kind: 'pageerror', message: String(e?.message ?? e), where: String(e?.stack ?? '') });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push({ kind: 'console', message: message.text(), where: message.location().url ?? '' });
  });
  return {
    errors,
    get url() {
      return page.url();
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    moveMouse: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    press: (key) => page.keyboard.press(key as never),
    type: async (text) => {
      // Keys go to the focused tab only: several tabs are open at once.
      await page.bringToFront();
      await page.keyboard.type(text, { delay: 20 });
    },
    screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
    goto: async (url) => {
      try {
        await page.goto(url, { waitUntil: 'load' });
      } catch (error) {
        // Puppeteer 24 over BiDi can report a subframe's refused navigation (e.g. an
        // <iframe src="javascript:void(0)">) as the page's; the page itself is fine.
        const loaded = await waitFor(
          () => page.evaluate((u: string) => location.href === u && document.readyState === 'complete', url).catch(() => false),
          { timeout: 10_000, what: `${url} to load` },
        ).catch(() => false);
        if (!loaded) throw error;
      }
    },
    close: () => page.close(),
  };
}

/**
 * Opens a moz-extension:// page in a new tab (at the window's size, see launch). Firefox navigates, but Puppeteer
 * (24.x, BiDi) never sees the navigation finish for that scheme, so we start it
 * without waiting on it and poll the document instead.
 */
export async function gotoExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  await waitFor(() => page.evaluate((u: string) => location.href === u && document.readyState === 'complete', url).catch(() => false), {
    timeout: 20_000,
    what: `extension page ${url}`,
  });
  return page;
}

/** The Puppeteer page behind a TestPage, for the few Firefox-only checks. */
export const puppeteerPages = new WeakMap<TestPage, Page>();

/** Launches Firefox ESR headless and installs dist/firefox. */
export async function launchFirefox(options: { prefs?: Record<string, unknown> } = {}): Promise<ExtensionBrowser & { browser: Browser }> {
  requireBrowserAndBuild(firefoxPath, firefoxBuildDir);
  const addonId = geckoId();
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    protocol: 'webDriverBiDi',
    // No viewport emulation: Puppeteer's setViewport also sends emulation.setScreenOrientationOverride,
    // which Firefox 140 (our strict_min_version) does not know. The headless window gets the size instead.
    defaultViewport: null,
    env: { ...process.env, MOZ_HEADLESS_WIDTH: String(defaultViewport.width), MOZ_HEADLESS_HEIGHT: String(defaultViewport.height) },
    // Firefox 153 lets WebDriver navigate to moz-extension:// pages (the popup) only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(addonId, uuid), ...options.prefs },
  });
  const installed = await browser.installExtension(firefoxBuildDir);
  if (installed !== addonId) throw new Error(`installed add-on id ${installed}, expected ${addonId}`);
  const extensionOrigin = `moz-extension://${uuid}`;

  /** An extension page to make `browser.tabs` calls from (Firefox gives no handle on the background page). */
  let apiPage: Page | undefined;
  const extensionApi = async (): Promise<Page> => {
    if (!apiPage || apiPage.isClosed()) {
      apiPage = await gotoExtensionPage(browser, `${extensionOrigin}/src/options/index.html`);
    }
    return apiPage;
  };

  /**
   * Without the "tabs" permission Firefox gives no tab URLs, and a page's own
   * history navigation may not reach the driver's idea of its URL: so each tab's
   * content script is asked for its page (getPageState) and compared with the
   * page's own `location.href`. A tab keeps its id across navigations: cached.
   */
  const tabIds = new WeakMap<TestPage, number>();
  const tabIdOf = async (page: TestPage): Promise<number> => {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    const href = await page.evaluate(() => location.href, null);
    const api = await extensionApi();
    const id = await api.evaluate(
      async (arg: { href: string; message: unknown }) => {
        const { tabs } = (globalThis as unknown as FirefoxGlobal).browser;
        for (const tab of await tabs.query({})) {
          if (tab.id === undefined) continue;
          try {
            const reply = (await tabs.sendMessage(tab.id, arg.message, { frameId: 0 })) as { ok?: boolean; value?: { url?: string } };
            if (reply?.ok && reply.value?.url === arg.href) return tab.id;
          } catch {
            // No content script in that tab (an extension page, about:blank).
          }
        }
        return null;
      },
      { href, message: contentMessage('getPageState', {}) },
    );
    if (id === null) throw new Error(`no tab whose content script is on ${href}`);
    tabIds.set(page, id);
    return id;
  };

  const result: ExtensionBrowser & { browser: Browser } = {
    name: 'firefox',
    browser,
    extensionOrigin,
    // Viewports asked for are not emulated (see launch): pages get the window's size.
    async open(url) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(probeSource);
      const wrapped = wrapPage(page);
      puppeteerPages.set(wrapped, page);
      await page.goto(url, { waitUntil: 'load' });
      return wrapped;
    },
    async openExtensionPage(pathAndQuery) {
      const page = await gotoExtensionPage(browser, `${extensionOrigin}/${pathAndQuery}`);
      const wrapped = wrapPage(page);
      puppeteerPages.set(wrapped, page);
      return wrapped;
    },
    tabIdOf,
    async contentCall(page, method, params) {
      const tabId = await tabIdOf(page);
      const api = await extensionApi();
      return api.evaluate(
        (id: number, message: unknown) => (globalThis as unknown as FirefoxGlobal).browser.tabs.sendMessage(id, message, { frameId: 0 }),
        tabId,
        contentMessage(method, params) as unknown,
      );
    },
    async pageState(page) {
      return unwrapPageState(await result.contentCall(page, 'getPageState', {}));
    },
    close: () => browser.close(),
  };
  return result;
}

/** The slice of Firefox's `browser` API the tests call from an extension page. */
interface FirefoxGlobal {
  browser: {
    tabs: {
      query(filter: object): Promise<Array<{ id?: number; url?: string }>>;
      sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    };
  };
}
