/**
 * The comparison table in a real browser: a page that restates a seed claim
 * with another number on the same day, a page about an event the library does
 * not hold, and axe-core over the popup and the tab view in light and dark.
 * Each browser's file (table.*.test.ts) calls {@link defineTableSuite}.
 *
 * Extension pages forbid eval, so axe-core cannot be injected into them; it
 * runs on a snapshot of the panel (its DOM and its one stylesheet) written into
 * a local fixture page, where the same styles give the same colours and layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { repoRoot, startFixtureServer, type FixtureServer } from './support/server';
import { expectNoExtensionErrors, openFixture, waitForText } from './scenarios';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = path.join(repoRoot, 'docs', 'screenshots');

/** The panel's markup and styles, scripts left out; `dark` applies the dark palette whatever the system says. */
function panelSnapshot(panel: TestPage, dark: boolean): Promise<string> {
  return panel.evaluate((forceDark: boolean) => {
    const html = document.documentElement.cloneNode(true) as HTMLElement;
    html.querySelectorAll('script').forEach((s) => s.remove());
    const markup = html.outerHTML;
    return forceDark ? markup.replaceAll('(prefers-color-scheme: dark)', 'all') : markup;
  }, dark);
}

/** Writes a snapshot into a fixture tab and returns axe-core's violations there (with colour contrast). */
async function axeViolations(scratch: TestPage, markup: string): Promise<string[]> {
  return scratch.evaluate(
    async (arg: { markup: string; axe: string }) => {
      document.open();
      document.write(arg.markup);
      document.close();
      (0, eval)(arg.axe);
      const axe = (
        globalThis as unknown as {
          axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
    },
    { markup, axe: axeSource },
  );
}

/** Defines the table's e2e tests for one browser. */
export function defineTableSuite(name: string, launch: () => Promise<ExtensionBrowser>, options: { screenshots?: boolean } = {}): void {
  describe(`${name}: the comparison table`, () => {
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

    it('shows both numbers of a restated claim, marked as differing, in the tab view and the popup; axe finds nothing', async () => {
      const page = await openFixture(browser, server, 'article-other-number.html');
      const tabId = await browser.tabIdOf(page);
      const tab = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`, { width: 1100, height: 900 });
      const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`, { width: 420, height: 800 });
      const scratch = await browser.open(server.url('index.html'));
      try {
        // Seed article 3's first line is its title, so its column is headed by it.
        await waitForText(tab, ['Number: area (km²)', 'Ukraine says advanced over territory'], 'the tab view to show the table');
        const row = await tab.evaluate(() => {
          const tr = [...document.querySelectorAll('table tbody tr')].find((r) => r.textContent?.startsWith('Number: area (km²)'));
          return tr
            ? { differs: tr.classList.contains('px-differs'), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent) }
            : null;
        }, null);
        expect(row?.differs).toBe(true);
        expect(row?.cells[0]).toMatch(/nine square kilometres/);
        expect(row?.cells[1]).toMatch(/seven square kilometers/);
        const marks = await tab.evaluate(
          () => [...document.querySelectorAll('mark.px-mark-number')].map((m) => m.firstChild?.textContent),
          null,
        );
        expect(marks.join(' ')).toMatch(/nine square kilometres.*seven square kilometers/);
        await waitForText(
          popup,
          ['Differences at a glance', 'Ukraine says advanced over territory'],
          'the popup to show one card per outlet',
        );
        if (options.screenshots) {
          await tab.screenshot(path.join(screenshots, 'table-tab.png'));
          await popup.screenshot(path.join(screenshots, 'table-popup.png'));
        }
        for (const [panel, what] of [
          [tab, 'tab view'],
          [popup, 'popup'],
        ] as const) {
          for (const dark of [false, true]) {
            expect(await axeViolations(scratch, await panelSnapshot(panel, dark)), `${what}${dark ? ', dark' : ''}`).toEqual([]);
          }
        }
        if (options.screenshots) await scratch.screenshot(path.join(screenshots, 'table-popup-dark.png'));
        expectNoExtensionErrors(tab, browser.extensionOrigin);
        expectNoExtensionErrors(popup, browser.extensionOrigin);
      } finally {
        await Promise.all([tab.close(), popup.close(), scratch.close(), page.close()]);
      }
    });

    it('on a page about another event, says that nothing in the library covers it and lists no timeline', async () => {
      const page = await openFixture(browser, server, 'article-other-event.html');
      const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabIdOf(page)}`, { width: 420, height: 640 });
      try {
        const text = await waitForText(popup, ["Nothing in your library covers this page's story"], 'the panel to say so');
        expect(text).toContain("This page's event is not in the library");
        expectNoExtensionErrors(popup, browser.extensionOrigin);
      } finally {
        await Promise.all([popup.close(), page.close()]);
      }
    });
  });
}
