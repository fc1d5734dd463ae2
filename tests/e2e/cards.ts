/**
 * Open cards in a real browser: a claim card on a page that restates a seed
 * claim with another number the same day, and an entity card with its
 * page story, timeline and locator map, each checked by axe-core inside the
 * card's shadow root, in the light and the dark palette. Each browser's file
 * (cards.*.test.ts) calls {@link defineCardSuite}; Chromium writes the
 * README's card screenshots.
 *
 * axe-core is injected into the fixture page (a plain local page, no CSP) and
 * run on the card host: axe follows open shadow roots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { highlightTexts, readCard, readHighlights } from './support/probe';
import { repoRoot, startFixtureServer, type FixtureServer } from './support/server';
import { waitFor } from './support/wait';
import { UI_CSS } from '../../src/ui/styles';
import { expectDomUnchanged, expectNoExtensionErrors, highlightTimeout, openFixture, waitForHighlights } from './scenarios';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = path.join(repoRoot, 'docs', 'screenshots');

/** Viewport centre of the first occurrence of `words` in the page's text (a word inside a highlight). */
function pointOfWords(page: TestPage, words: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((needle: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(needle);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    }
    return null;
  }, words);
}

/** Rests the pointer on `words` until a card whose text includes `expect` is open. */
async function hoverCard(page: TestPage, words: string, expected: string) {
  const point = await waitFor(() => pointOfWords(page, words), { what: `"${words}" on the page` });
  await page.moveMouse(point.x - 30, point.y + 200);
  await page.moveMouse(point.x, point.y);
  return waitFor(
    async () => {
      const card = await readCard(page);
      return card && card.text.includes(expected) ? card : null;
    },
    { timeout: highlightTimeout, what: `a card with "${expected}"` },
  );
}

/**
 * The card's dark palette as the page would get it under prefers-color-scheme: dark: the rules of
 * the stylesheet's dark block, each declaration !important (the card's own sheet is adopted, and
 * adopted sheets come last in a shadow root's cascade). Read from the source: a page cannot read
 * the extension's sheet (Firefox refuses it as cross-origin).
 */
function darkPalette(): string {
  const block = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?\})\s*\}/.exec(UI_CSS)?.[1];
  if (!block) throw new Error('no dark block in UI_CSS');
  return block.replace(/(--[\w-]+:\s*[^;}]+)/g, '$1 !important');
}

/** axe-core's violations inside the open card's shadow root; `dark` first applies the card's dark palette. */
function cardViolations(page: TestPage, dark: boolean): Promise<string[]> {
  return page.evaluate(
    async (arg: { axe: string; dark: boolean; darkCss: string }) => {
      const host = document.querySelector('parallax-card-host') as HTMLElement;
      const root = host.shadowRoot!;
      if (arg.dark && !root.querySelector('style[data-test-dark]')) {
        const style = document.createElement('style');
        style.dataset.testDark = '';
        style.textContent = arg.darkCss;
        root.appendChild(style);
      }
      if (!(globalThis as { axe?: unknown }).axe) (0, eval)(arg.axe);
      const axe = (
        globalThis as unknown as {
          axe: { run(ctx: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> };
        }
      ).axe;
      const result = await axe.run({ include: [['parallax-card-host', '[role="dialog"]']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 140)).join(' | ')}`);
    },
    { axe: axeSource, dark, darkCss: darkPalette() },
  );
}

/** The open card's computed background colour. */
function cardBackground(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const dialog = document.querySelector('parallax-card-host')!.shadowRoot!.querySelector('[role="dialog"]')!;
    return getComputedStyle(dialog).backgroundColor;
  }, null);
}

/** Removes the test's dark palette again. */
function lightAgain(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    document.querySelector('parallax-card-host')?.shadowRoot?.querySelector('style[data-test-dark]')?.remove();
  }, null);
}

/** Defines the card tests for one browser. */
export function defineCardSuite(name: string, launch: () => Promise<ExtensionBrowser>, options: { screenshots?: boolean } = {}): void {
  describe(`${name}: open cards`, () => {
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

    it('a claim card gives both numbers of a restated claim; axe finds nothing in light and dark', async () => {
      const page = await openFixture(browser, server, 'article-other-number.html');
      try {
        await waitForHighlights(page, { 'parallax-claim': ['nine square kilometres'] });
        const card = await hoverCard(page, 'operational position', 'seven square kilometers');
        expect(card.label).toBe('Parallax: other reports of this sentence');
        expect(card.text).toContain('nine square kilometres');
        if (options.screenshots) await page.screenshot(path.join(screenshots, 'card-claim.png'));
        expect(await cardViolations(page, false), 'claim card, light').toEqual([]);
        expect(await cardViolations(page, true), 'claim card, dark').toEqual([]);
        expect(await cardBackground(page), 'the dark palette is applied').toBe('rgb(29, 32, 38)');
        if (options.screenshots) await page.screenshot(path.join(screenshots, 'card-claim-dark.png'));
        await lightAgain(page);
        await expectDomUnchanged(page);
        expectNoExtensionErrors(page, browser.extensionOrigin);
      } finally {
        await page.close();
      }
    });

    it('an entity card leads with the page story, then a timeline and a locator map; axe finds nothing in light and dark', async () => {
      const page = await openFixture(browser, server, 'article-other-number.html');
      try {
        // Claims first: the card asks for the page story with the page's matched claims.
        await waitForHighlights(page, { 'parallax-claim': ['nine square kilometres'], 'parallax-place': ['Bakhmut'] });
        const card = await hoverCard(page, 'Bakhmut', 'Timeline'); // the title's Bakhmut: its first mention, underlined
        expect(card.label).toBe('Parallax: Bakhmut, place');
        expect(card.text).toContain("In this page's story");
        expect(card.text).toMatch(/Mentioned in \d+ stored articles/);
        expect(card.text).toContain('GeoNames');
        const map = await page.evaluate(() => {
          const root = document.querySelector('parallax-card-host')!.shadowRoot!;
          const svg = root.querySelector('svg[role="img"]');
          return svg ? { label: svg.getAttribute('aria-label'), dot: root.querySelectorAll('circle').length } : null;
        }, null);
        expect(map?.label).toMatch(/^Bakhmut \(48\.59° N/);
        expect(map?.dot).toBeGreaterThan(0);
        const live = await page.evaluate(
          () => document.querySelector('parallax-card-host')!.shadowRoot!.querySelector('[aria-live="polite"]')?.textContent ?? '',
          null,
        );
        expect(live).toBe('Bakhmut, place: Parallax card open. Escape closes it.');
        if (options.screenshots) await page.screenshot(path.join(screenshots, 'card-entity.png'));
        expect(await cardViolations(page, false), 'entity card, light').toEqual([]);
        expect(await cardViolations(page, true), 'entity card, dark').toEqual([]);
        if (options.screenshots) await page.screenshot(path.join(screenshots, 'card-entity-dark.png'));
        await lightAgain(page);
        await page.press('Escape');
        await waitFor(async () => (await readCard(page)) === null, { timeout: 5_000, what: 'the card to close on Escape' });
        await expectDomUnchanged(page);
        expectNoExtensionErrors(page, browser.extensionOrigin);
      } finally {
        await page.close();
      }
    });

    it('the Reading options repaint an open page without a reload: all mentions, none, then the first again', async () => {
      const page = await openFixture(browser, server, 'article-many-mentions.html');
      const options = await browser.openExtensionPage('src/options/index.html', { width: 1000, height: 900 });
      const ukraine = async () =>
        (highlightTexts(await readHighlights(page))['parallax-place'] ?? []).filter((t) => t === 'Ukraine').length;
      const choose = (id: string) =>
        options.evaluate(async (radio: string) => {
          for (let i = 0; i < 50 && !document.getElementById(radio); i++) await new Promise((r) => setTimeout(r, 100));
          (document.getElementById(radio) as HTMLInputElement).click();
        }, id);
      try {
        await waitForHighlights(page, { 'parallax-place': ['Ukraine'] });
        expect(await ukraine()).toBe(1);
        await choose('reading-names-all');
        await waitFor(async () => ((await ukraine()) === 20 ? true : null), { timeout: highlightTimeout, what: '20 Ukraine highlights' });
        await choose('reading-names-off');
        await waitFor(async () => ((await ukraine()) === 0 ? true : null), { timeout: highlightTimeout, what: 'no Ukraine highlight' });
        expect((await browser.pageState(page)).entities.find((e) => e.entityId === 'place:ukraine')?.count).toBe(20);
        await expectDomUnchanged(page);
        expectNoExtensionErrors(page, browser.extensionOrigin);
        expectNoExtensionErrors(options, browser.extensionOrigin);
      } finally {
        await choose('reading-names-first').catch(() => undefined);
        await Promise.all([options.close(), page.close()]);
      }
    });
  });
}
