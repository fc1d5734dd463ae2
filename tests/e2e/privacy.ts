/**
 * Invisible to pages, zero network, and the library's packs, in a real
 * browser: each browser's file (privacy.*.test.ts) calls {@link definePrivacySuite}.
 *
 *   recording proxy ◄── every request for a host other than 127.0.0.1, from any context
 *   fixture pages ─► highlights ─► popup "Save" ─► options: import (UI), hostile pack, export
 *   export ─► a second browser with a fresh profile ─► import ─► the same library
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { repoRoot, startFixtureServer, type FixtureServer } from './support/server';
import { startRecordingProxy, type RecordingProxy } from './support/recordingProxy';
import { waitFor } from './support/wait';
import { expectDomUnchanged, openFixture, waitForHighlights, waitForText } from './scenarios';
import { seedArticleNames } from './expectations';

/**
 * Launches the browser with all its traffic but the fixture server's sent to the proxy on `port`.
 * `contextRequests`, when the driver can see them, is every URL requested by a page or worker of the browser.
 */
export type ProxiedLaunch = (port: number) => Promise<ExtensionBrowser & { contextRequests?: string[] }>;

/** What the browser itself sends without any extension (matched against proxy log lines), each with its reason. */
export interface PrivacyOptions {
  browserOwn?: RegExp[];
}

/** Every file of a built extension, as paths relative to its root. */
export function distFiles(browserName: ExtensionBrowser['name']): string[] {
  const root = path.join(repoRoot, 'dist', browserName === 'chromium' ? 'chrome' : 'firefox');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** A background call made from an extension page, as the options page makes it. */
export function callBackgroundFrom(
  page: TestPage,
  method: string,
  params: object,
): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  return page.evaluate(
    async (arg: { method: string; params: object }) => {
      type Api = { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };
      const api = (globalThis as unknown as { browser?: Api; chrome?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      return api.runtime.sendMessage({ parallax: 1, method: arg.method, params: arg.params });
    },
    { method, params },
  );
}

/** Chooses a file in the options page's import form (a File made in the page) and submits it. */
async function importThroughForm(options: TestPage, name: string, content: string): Promise<string> {
  await options.evaluate(
    (arg: { name: string; content: string }) => {
      const input = document.getElementById('import-file') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([arg.content], arg.name, { type: 'application/json' }));
      input.files = files.files;
      input.form!.requestSubmit();
    },
    { name, content },
  );
  return waitFor(() => options.evaluate(() => document.querySelector('.import-result')?.textContent?.trim() || null, null), {
    timeout: 60_000,
    what: `the import summary of ${name}`,
  });
}

/** The library as a reader sees it (ids, metadata, counts), sorted by id. */
async function libraryOf(options: TestPage): Promise<unknown[]> {
  const reply = await callBackgroundFrom(options, 'listArticles', {});
  expect(reply.ok, reply.error).toBe(true);
  return (reply.value as Array<Record<string, unknown>>)
    .map(({ id, title, outlet, date, url, claims, mentions, dateline, inferredDate }) => ({
      id,
      title,
      outlet,
      date,
      url,
      claims,
      mentions,
      dateline,
      inferredDate,
    }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

const HOSTILE = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';

/** Defines the privacy and pack tests for one browser. */
export function definePrivacySuite(name: string, launch: ProxiedLaunch, options: PrivacyOptions = {}): void {
  /** Requests that left (or tried to leave) the browser, other than the browser's own; and what any context asked for beyond local. */
  const leaks = (proxy: RecordingProxy, browser: ExtensionBrowser & { contextRequests?: string[] }, origin: string) => ({
    proxied: proxy.requests.filter((line) => !(options.browserOwn ?? []).some((re) => re.test(line))),
    // Only network schemes can leave the browser (a page's refused extension fetches show as chrome-extension://invalid/).
    fromContexts: (browser.contextRequests ?? []).filter((url) => /^(https?|wss?|ftp):/i.test(url) && !url.startsWith(origin)),
  });
  describe(`${name}: invisible to pages, zero network, packs`, () => {
    let server: FixtureServer;
    let proxy: RecordingProxy;
    let browser: ExtensionBrowser & { contextRequests?: string[] };
    let exported: string | undefined;
    beforeAll(async () => {
      server = await startFixtureServer();
      proxy = await startRecordingProxy();
      browser = await launch(proxy.port);
    });
    afterAll(async () => {
      await browser?.close();
      await proxy?.close();
      await server?.close();
    });

    it('a page can fetch no file of the extension, and sees no global, attribute or timing entry of it', async () => {
      const page = await openFixture(browser, server, 'article-seed.html');
      await waitForHighlights(page, seedArticleNames);
      const files = distFiles(browser.name);
      expect(files).toContain('manifest.json');
      expect(files.length).toBeGreaterThan(5);
      const fetched = await page.evaluate(
        async (arg: { origin: string; files: string[] }) => {
          const ok: string[] = [];
          for (const file of arg.files) {
            try {
              const response = await fetch(`${arg.origin}/${file}`);
              ok.push(`${file}: ${response.status}`);
            } catch {
              // refused: what we want
            }
          }
          return ok;
        },
        { origin: browser.extensionOrigin, files },
      );
      expect(fetched, 'extension files a page could fetch').toEqual([]);
      const traces = await page.evaluate(
        (origin: string) => ({
          globals: Object.getOwnPropertyNames(window)
            .filter((n) => /parallax|crx|webext|__vite|preact/i.test(n))
            // The test harness's own probe (support/probe.ts), not the extension's.
            .filter((n) => n !== '__parallaxProbe'),
          resources: performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((n) => /extension:/.test(n)),
          inMarkup: document.documentElement.outerHTML.includes(origin),
        }),
        browser.extensionOrigin,
      );
      expect(traces).toEqual({ globals: [], resources: [], inMarkup: false });
      await expectDomUnchanged(page);
      await page.close();
    });

    it('browse, save, import, export: the library works and no request leaves the browser', async () => {
      const article = await openFixture(browser, server, 'article-spellings.html');
      await waitForHighlights(article, { 'parallax-place': ['Kiev'] });
      const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabIdOf(article)}`);
      await waitForText(popup, ['Save this article to the library'], 'the popup');
      await popup.evaluate(() => (document.querySelector('button.px-button') as HTMLButtonElement).click(), null);
      const saved = await waitForText(popup, ['library.'], 'the save to finish');
      expect(saved).toMatch(/Saved to the library\.|Already in the library\./);
      await popup.close();
      await article.close();

      const options = await browser.openExtensionPage('src/options/index.html');
      await waitForText(options, ['Articles', 'Export the library'], 'the options page');
      const pack = JSON.stringify({
        format: 'parallax-library',
        version: 1,
        articles: [
          {
            text: 'Kyiv: Ukrainian forces advanced two kilometres near Bakhmut on Monday, the defence ministry said.',
            outlet: 'Example Wire',
            date: '2023-07-10',
          },
          { text: `Warsaw: Poland said on Wednesday it would send more tanks to Ukraine. ${HOSTILE}`, title: `Hostile ${HOSTILE}` },
        ],
      });
      expect(await importThroughForm(options, 'good.json', pack)).toMatch(/2 added, 0 merged/);
      await waitForText(options, [`Hostile ${HOSTILE}`], 'the imported title, shown as text');
      expect(await options.evaluate(() => ({ imgs: document.querySelectorAll('main img').length, title: document.title }), null)).toEqual({
        imgs: 0,
        title: 'Parallax options',
      });

      // A hostile pack (one bad article among good ones): refused whole, the library unchanged.
      const before = await libraryOf(options);
      const hostile = pack.replace('"date":"2023-07-10"', '"date":"<script>"').replace('Kyiv:', 'Odesa:');
      expect(await importThroughForm(options, 'hostile.json', hostile)).toMatch(
        /Nothing was imported.*article 1: date: must be an ISO date/s,
      );
      const truncated = pack.slice(0, 80);
      expect(await importThroughForm(options, 'cut.json', truncated)).toMatch(/not valid JSON/);
      expect(await libraryOf(options)).toEqual(before);

      const reply = await callBackgroundFrom(options, 'exportLibrary', {});
      expect(reply.ok, reply.error).toBe(true);
      exported = (reply.value as { json: string }).json;
      expect((JSON.parse(exported) as { articles: unknown[] }).articles.length).toBe(before.length);
      await options.close();
      expect(leaks(proxy, browser, server.origin), 'requests that tried to leave the browser').toEqual({ proxied: [], fromContexts: [] });
    });

    it('export, then import into a fresh profile, gives the same library', async () => {
      expect(exported, 'the previous test exported the library').toBeDefined();
      const first = await browser.openExtensionPage('src/options/index.html');
      const original = await libraryOf(first);
      await first.close();
      const fresh = await launch(proxy.port);
      try {
        const options = await fresh.openExtensionPage('src/options/index.html');
        await waitForText(options, ['Export the library'], 'the fresh options page');
        expect(await importThroughForm(options, 'library.json', exported!)).toMatch(/added/);
        expect(await libraryOf(options)).toEqual(original);
        expect(leaks(proxy, fresh, server.origin), 'requests that tried to leave the browser').toEqual({ proxied: [], fromContexts: [] });
      } finally {
        await fresh.close();
      }
    });
  });
}
