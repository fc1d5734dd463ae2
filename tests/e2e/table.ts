/**
 * The comparison table in a real browser: a page that restates a seed claim
 * with another number on the same day, a page about an event the library does
 * not hold, links from the table and the library into the stored article
 * view, and axe-core over the popup, the tab view, the article view and the
 * options page in light and dark (see axe.ts).
 * Each browser's file (table.*.test.ts) calls {@link defineTableSuite}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { axeLightAndDark } from './axe';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { repoRoot, startFixtureServer, type FixtureServer } from './support/server';
import { expectNoExtensionErrors, openFixture, waitForText } from './scenarios';
import { rangePoint, readCard, readHighlights } from './support/probe';
import { waitFor } from './support/wait';

const screenshots = path.join(repoRoot, 'docs', 'screenshots');

/** A linked cell of the table's row that starts with `label`, in column `column` (0: this page), as its text and address. */
function cellLink(tab: TestPage, label: string, column: number): Promise<{ text: string; href: string } | null> {
  return tab.evaluate(
    (arg: { label: string; column: number }) => {
      const tr = [...document.querySelectorAll('table tbody tr')].find((r) => r.textContent?.startsWith(arg.label));
      const a = tr?.querySelectorAll('td')[arg.column]?.querySelector('a');
      return a ? { text: a.textContent ?? '', href: a.href } : null;
    },
    { label, column },
  );
}

/** Opens a table link's article view and returns the sentence it focused, once the text is there. */
async function followToSentence(browser: ExtensionBrowser, href: string) {
  const origin = browser.extensionOrigin.replace(/\/$/, '');
  expect(href.startsWith(`${origin}/src/article/index.html?article=`), href).toBe(true);
  const view = await browser.openExtensionPage(href.slice(origin.length + 1), { width: 1000, height: 700 });
  await waitForText(view, ['are claims Parallax compares'], 'the article view to show the stored text');
  // The view focuses the sentence after it renders (a later task): wait for it, then read it all at once.
  await waitFor(() => view.evaluate(() => !!document.activeElement?.classList.contains('px-target'), null), {
    timeout: 10_000,
    what: 'the followed sentence to take focus',
  }).catch(() => undefined);
  const focused = await view.evaluate(() => {
    const target = document.querySelector('.px-target');
    const rect = target?.getBoundingClientRect();
    return {
      targets: document.querySelectorAll('.px-target').length,
      id: target?.id ?? '',
      active: document.activeElement === target,
      text: target?.textContent ?? '',
      inView: !!rect && rect.top >= 0 && rect.bottom <= innerHeight,
    };
  }, null);
  return { view, focused };
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

        // Verbatim cells link to their stored sentences: the seed's number and its claim land on the sentence that says them.
        expect(await cellLink(tab, 'Number: area (km²)', 0), 'this page has no stored sentence').toBeNull();
        const number = await cellLink(tab, 'Number: area (km²)', 1);
        const claim = await cellLink(tab, 'The claim', 1);
        expect(number?.text).toBe('approximately seven square kilometers');
        expect(claim?.text).toContain('approximately seven square kilometers');
        expect(new URL(claim!.href).hash).toBe(new URL(number!.href).hash);
        const { view, focused } = await followToSentence(browser, number!.href);
        try {
          expect(focused).toEqual({ targets: 1, id: new URL(number!.href).hash.slice(1), active: true, text: claim!.text, inView: true });
          expect({ ...(await axeLightAndDark(scratch, view, 'article view')) }).toEqual({});
          if (options.screenshots) await view.screenshot(path.join(screenshots, 'article-view.png'));
          expectNoExtensionErrors(view, browser.extensionOrigin);
        } finally {
          await view.close();
        }
        await waitForText(
          popup,
          ['Differences at a glance', 'Ukraine says advanced over territory'],
          'the popup to show one card per outlet',
        );
        if (options.screenshots) {
          await tab.screenshot(path.join(screenshots, 'table-tab.png'));
          await popup.screenshot(path.join(screenshots, 'table-popup.png'));
        }
        expect({ ...(await axeLightAndDark(scratch, tab, 'tab view')), ...(await axeLightAndDark(scratch, popup, 'popup')) }).toEqual({});
        // The scratch page holds the last snapshot axe saw: the popup, dark.
        if (options.screenshots) await scratch.screenshot(path.join(screenshots, 'table-popup-dark.png'));
        expectNoExtensionErrors(tab, browser.extensionOrigin);
        expectNoExtensionErrors(popup, browser.extensionOrigin);
      } finally {
        await Promise.all([tab.close(), popup.close(), scratch.close(), page.close()]);
      }
    });

    it('links this page’s cells to its stored copy when the library holds one', async () => {
      // The demo page carries seed article 2's text: its own column links to seed 2's sentences.
      const page = await openFixture(browser, server, 'article-seed.html');
      const tab = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabIdOf(page)}`, { width: 1100, height: 900 });
      try {
        await waitForText(tab, ['same wire report as', 'The claim'], 'the tab view to show the table');
        const own = await cellLink(tab, 'The claim', 0);
        expect(own?.href).toMatch(/\/src\/article\/index\.html\?article=a_[0-9a-f]+#q=/);
        const { view, focused } = await followToSentence(browser, own!.href);
        await view.close();
        expect(focused).toMatchObject({ targets: 1, active: true, text: own!.text, inView: true });
        expectNoExtensionErrors(tab, browser.extensionOrigin);
      } finally {
        await Promise.all([tab.close(), page.close()]);
      }
    });

    it('opens a stored article from the options page in the article view; axe finds nothing on either', async () => {
      const options = await browser.openExtensionPage('src/options/index.html', { width: 1000, height: 800 });
      const scratch = await browser.open(server.url('index.html'));
      try {
        // Seed article 3 is labelled by its first line, its title.
        await waitForText(options, ['Ukraine says advanced over territory'], 'the options page to list the library');
        const link = await options.evaluate(() => {
          const a = [...document.querySelectorAll<HTMLAnchorElement>('.articles strong a')].find((x) =>
            x.textContent?.startsWith('Ukraine says advanced over territory'),
          );
          return a ? { text: a.textContent ?? '', href: a.href } : null;
        }, null);
        expect(link?.href).toMatch(/\/src\/article\/index\.html\?article=a_[0-9a-f]+$/);
        const origin = browser.extensionOrigin.replace(/\/$/, '');
        const view = await browser.openExtensionPage(link!.href.slice(origin.length + 1), { width: 1000, height: 700 });
        try {
          const text = await waitForText(
            view,
            ['are claims Parallax compares', 'approximately seven square kilometers'],
            'the article view',
          );
          expect(text).toContain('Ukraine says advanced over territory near Bakhmut in past week');
          const marked = await view.evaluate(() => document.querySelectorAll('mark.px-claim').length, null);
          expect(marked).toBeGreaterThan(3);
          expectNoExtensionErrors(view, browser.extensionOrigin);
        } finally {
          await view.close();
        }
        expect(await axeLightAndDark(scratch, options, 'options page')).toEqual({});
        expectNoExtensionErrors(options, browser.extensionOrigin);
      } finally {
        await Promise.all([options.close(), scratch.close()]);
      }
    });

    it('shows the other article’s sentence that gives a number its matched sentence lacks, in the claim card and the popup', async () => {
      const page = await openFixture(browser, server, 'article-number-elsewhere.html');
      const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabIdOf(page)}`, { width: 420, height: 800 });
      try {
        // Seed article 3's matched sentence says "several square kilometers"; its 7 km² is two sentences further down.
        const text = await waitForText(
          popup,
          ['in another sentence', 'approximately seven square kilometers'],
          'the popup to show the evidence',
        );
        expect(text).not.toMatch(/no number for it/);
        const elsewhere = await popup.evaluate(
          () =>
            [...document.querySelectorAll('.px-elsewhere')].map((dd) => ({
              marked: [...dd.querySelectorAll('mark.px-mark-elsewhere')].map((m) => m.firstChild?.textContent),
              href: dd.querySelector('a')?.href ?? '',
            })),
          null,
        );
        expect(elsewhere.map((e) => e.marked)).toEqual([['approximately seven square kilometers']]);
        const { view, focused } = await followToSentence(browser, elsewhere[0]!.href);
        await view.close();
        expect(focused.text).toMatch(/^According to Deputy Defense Minister Ganna Malyar.*approximately seven square kilometers/);
        expect(focused.active).toBe(true);

        const point = await waitFor(() => rangePoint(page, 'parallax-claim', 'seven square kilometres'), { what: 'the claim highlight' });
        await page.moveMouse(point.x, point.y);
        const card = await waitFor(() => readCard(page), { timeout: 10_000, what: 'the claim card' });
        expect(card.text).toContain('in another sentence');
        expect(card.text).toMatch(/According to Deputy Defense Minister Ganna Malyar.*approximately seven square kilometers/);
        expect(card.text).not.toMatch(/no number for it/);
        if (options.screenshots) {
          // The card scrolls inside itself: show its difference and the other sentence for the README.
          await page.evaluate(() => {
            const root = [...document.querySelectorAll('*')].find((el) => el.shadowRoot?.querySelector('.px-elsewhere'))?.shadowRoot;
            const card = root?.querySelector<HTMLElement>('.px-card');
            const said = root?.querySelector<HTMLElement>('.px-said');
            if (card && said) card.scrollTop = said.offsetTop - 8;
          }, null);
          await page.screenshot(path.join(screenshots, 'claim-card-elsewhere.png'));
        }
        expectNoExtensionErrors(page, browser.extensionOrigin);
        expectNoExtensionErrors(popup, browser.extensionOrigin);
      } finally {
        await Promise.all([popup.close(), page.close()]);
      }
    });

    it('on a page about another event, says that nothing in the library covers it and lists no timeline', async () => {
      const page = await openFixture(browser, server, 'article-other-event.html');
      const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabIdOf(page)}`, { width: 420, height: 640 });
      try {
        const text = await waitForText(popup, ["Nothing in your library covers this page's story"], 'the panel to say so');
        expect(text).toContain("This page's event is not in the library");
        // Once the sentence model has answered too, no sentence of the page is marked as a claim.
        const state = await waitFor(
          async () => {
            const s = await browser.pageState(page);
            return s.refining === false ? s : null;
          },
          { timeout: 120_000, what: 'the sentence model to answer for the page' },
        );
        expect(state.matches).toEqual([]);
        expect((await readHighlights(page))['parallax-claim'] ?? []).toEqual([]);
        expectNoExtensionErrors(popup, browser.extensionOrigin);
      } finally {
        await Promise.all([popup.close(), page.close()]);
      }
    });
  });
}
