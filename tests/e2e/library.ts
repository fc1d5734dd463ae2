/**
 * The library growing and surviving, in a real browser (library.*.test.ts
 * call {@link defineLibrarySuite}):
 *
 *   "save articles I read here" on ─► a fixture page read ─► stored once; read again: still once
 *   a large import through the options page ─► the background stopped while it writes
 *     (Chromium: the service worker stopped over CDP; Firefox: the add-on reloaded)
 *     ─► the library exactly as before, and the options page says the import was cut off
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/server';
import { waitFor } from './support/wait';
import { openFixture, waitForText } from './scenarios';
import { callBackgroundFrom } from './privacy';

/** A call from an extension page that must succeed; its value. */
async function call<T>(page: TestPage, method: string, params: object = {}): Promise<T> {
  const reply = await callBackgroundFrom(page, method, params);
  if (!reply.ok) throw new Error(`${method}: ${reply.error}`);
  return reply.value as T;
}

type Listed = { id: string; url?: string; title?: string };

/** Everything the reader can see of the library: each article's id and metadata, and the row counts. */
async function libraryState(options: TestPage): Promise<{ articles: Listed[]; stats: unknown }> {
  const articles = (await call<Listed[]>(options, 'listArticles')).map(({ id, url, title }) => ({ id, url, title }));
  return { articles: articles.sort((a, b) => a.id.localeCompare(b.id)), stats: await call(options, 'getLibraryStats') };
}

/** A pack of `count` distinct articles of a few sentences each, big enough to take a while to write. */
function largePack(count: number): string {
  const places = ['Kharkiv', 'Odesa', 'Lviv', 'Dnipro', 'Zaporizhzhia', 'Mykolaiv', 'Kherson', 'Sumy'];
  const articles = Array.from({ length: count }, (_, i) => {
    const place = places[i % places.length]!;
    const text = [
      `${place}: The regional council said on Monday that ${100 + i} families had moved into repaired housing in district ${i}.`,
      `Officials said ${i % 17} schools and ${i % 11} clinics in the area reopened after repairs funded by the city, according to the council.`,
      `The mayor of ${place} told reporters that crews would repair ${i % 23} more buildings before the winter, the council said.`,
    ].join('\n\n');
    return { id: `cut-${i}`, text, outlet: `Outlet ${i % 9}`, date: `2023-0${1 + (i % 9)}-1${i % 10}` };
  });
  return JSON.stringify({ format: 'parallax-library', version: 1, articles });
}

/** Defines the library tests for one browser. */
export function defineLibrarySuite(
  name: string,
  launch: () => Promise<ExtensionBrowser>,
  stopBackground: (browser: ExtensionBrowser, extensionPage: TestPage) => Promise<void>,
): void {
  describe(`${name}: the library grows as you read, and a cut-off import leaves no trace`, () => {
    let server: FixtureServer;
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      server = await startFixtureServer();
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('with "save articles I read here" on, a page read is saved once; reading it again adds nothing', async () => {
      const options = await browser.openExtensionPage('src/options/index.html');
      await waitFor(async () => ((await call<{ articles: number }>(options, 'getLibraryStats')).articles >= 4 ? true : null), {
        timeout: 30_000,
        what: 'the seeded library',
      });
      const host = new URL(server.origin).hostname;
      await call(options, 'setSiteSettings', { host, settings: { enabled: true, autoSave: true } });
      const before = await call<Listed[]>(options, 'listArticles');
      const url = server.url('article-other-event.html');
      const savedOnes = async () => (await call<Listed[]>(options, 'listArticles')).filter((a) => a.url === url);

      const page = await openFixture(browser, server, 'article-other-event.html');
      const saved = await waitFor(async () => ((await savedOnes()).length ? await savedOnes() : null), {
        timeout: 20_000,
        what: 'the page read to be saved',
      });
      expect(saved).toEqual([expect.objectContaining({ url, title: expect.stringContaining('Harbour festival') })]);
      // Read again (a reload is a fresh scan): still one article for the page.
      await page.goto(`${url}#again`);
      await waitFor(() => browser.pageState(page), { what: 'the reloaded page to be scanned' });
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // past the save's delay after a scan
      expect(await savedOnes()).toHaveLength(1);
      expect((await call<Listed[]>(options, 'listArticles')).length).toBe(before.length + 1);
      await page.close();

      // With the switch off again, another page of the site is not saved.
      await call(options, 'setSiteSettings', { host, settings: { enabled: true, autoSave: false } });
      const other = await openFixture(browser, server, 'article-spellings.html');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await call<Listed[]>(options, 'listArticles')).some((a) => a.url === server.url('article-spellings.html'))).toBe(false);
      await other.close();
      await options.close();
    });

    it('an import cut off mid-write (the background stopped) leaves the library exactly as it was, and the next start says so', async () => {
      const options = await browser.openExtensionPage('src/options/index.html');
      await waitForText(options, ['Import articles'], 'the options page');
      const before = await libraryState(options);
      // Submit a large pack; once the background reports that it writes, stop it (the import's one
      // transaction is open then: the rows are queued and being committed).
      await options.evaluate((content: string) => {
        type Api = { runtime: { onMessage: { addListener(f: (m: unknown) => undefined): void } } };
        const api = (globalThis as unknown as { browser?: Api; chrome?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
        const state = window as unknown as { __writing?: boolean };
        api.runtime.onMessage.addListener((m) => {
          const progress = m as { method?: string; params?: { phase?: string } } | null;
          if (progress?.method === 'importProgress' && progress.params?.phase === 'writing') state.__writing = true;
          return undefined;
        });
        const input = document.getElementById('import-file') as HTMLInputElement;
        const files = new DataTransfer();
        files.items.add(new File([content], 'large.json', { type: 'application/json' }));
        input.files = files.files;
        input.form!.requestSubmit();
      }, largePack(3_000));
      await waitFor(() => options.evaluate(() => (window as unknown as { __writing?: boolean }).__writing === true, null), {
        timeout: 180_000,
        interval: 10,
        what: 'the import to start writing',
      });
      await stopBackground(browser, options);
      const after = await waitFor(
        async () => {
          const page = await browser.openExtensionPage('src/options/index.html');
          try {
            await waitForText(page, ['Import articles'], 'the options page after the reload');
            return page;
          } catch (error) {
            await page.close().catch(() => undefined);
            throw error;
          }
        },
        { timeout: 60_000, what: 'the options page after the reload' },
      );
      const notice = await waitForText(after, ['large.json'], 'the cut-off import notice');
      expect(notice).toMatch(/The import of large\.json \(3000 articles.*was cut off.*Nothing of it was stored/s);
      expect(await libraryState(after)).toEqual(before);
      await after.close();
    });
  });
}
