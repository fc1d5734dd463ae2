/**
 * The end-to-end suite, defined once and run per browser: chromium.test.ts
 * and firefox.test.ts each call {@link defineExtensionSuite} with their
 * launcher. Tests run in order and share one browser; each opens its own tabs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { repoRoot, startFixtureServer, type FixtureServer } from './support/server';
import { readCard, readHighlights, rangePoint, highlightTexts } from './support/probe';
import { waitFor } from './support/wait';
import {
  expectDomUnchanged,
  expectNoExtensionErrors,
  expectNothingInEditable,
  openFixture,
  rangesContaining,
  waitForHighlights,
  waitForQuietHighlights,
  waitForText,
  highlightTimeout,
} from './scenarios';
import {
  gazetteerSpellings,
  labelledSameClaimsOf,
  seedArticleBoxNames,
  seedArticleNames,
  seedArticleNonNames,
  spellingNames,
} from './expectations';
import { defineHostileTests } from './hostile';
import { defineReadabilitySweep } from './readability';

/** Where the e2e tests write the README's screenshots. */
export const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');

/** Options of one browser's run of the suite. */
export interface SuiteOptions {
  /** Write docs/screenshots/article-card.png and popup.png from this browser. */
  screenshots?: boolean;
}

/** Shared state of a running suite (the browser and fixture server). */
export interface SuiteContext {
  browser: ExtensionBrowser;
  server: FixtureServer;
}

/** Defines every e2e test for one browser. */
export function defineExtensionSuite(name: string, launch: () => Promise<ExtensionBrowser>, options: SuiteOptions = {}): void {
  describe(name, () => {
    const ctx = {} as SuiteContext;
    beforeAll(async () => {
      ctx.server = await startFixtureServer();
      ctx.browser = await launch();
      if (options.screenshots) mkdirSync(screenshotDir, { recursive: true });
    });
    afterAll(async () => {
      await ctx.browser?.close();
      await ctx.server?.close();
    });

    it('loads the extension; the content script answers and sees an article', async () => {
      expect(ctx.browser.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\/[\w-]+$/);
      const page = await openFixture(ctx.browser, ctx.server, 'article-seed.html');
      const state = await ctx.browser.pageState(page);
      expect(state.url).toBe(page.url);
      expect(state.isArticle).toBe(true);
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    describe('demo article (seed 001)', () => {
      // Opened by the first test that needs it (not in a hook: a failing hook would mark
      // the tests skipped instead of failed).
      let opened: Promise<TestPage> | undefined;
      const articlePage = () => (opened ??= openFixture(ctx.browser, ctx.server, 'article-seed.html'));
      afterAll(async () => (await opened?.catch(() => undefined))?.close());

      it('highlights the known places, people and organisations, on those words only', async () => {
        const page = await articlePage();
        const highlights = await waitForHighlights(page, seedArticleNames);
        const names = Object.fromEntries(Object.entries(highlights).filter(([name]) => name !== 'parallax-claim'));
        expect(rangesContaining(names, seedArticleNonNames)).toEqual([]);
        // The page's "Also read" asides point to other stories: nothing in them is marked, claims included.
        expect(rangesContaining(highlights, seedArticleBoxNames)).toEqual([]);
        // Each name highlight covers a spelling of an entity of that kind, never a stretch of prose.
        const known = gazetteerSpellings();
        const state = await ctx.browser.pageState(page);
        const surfaces = new Set(state.entities.flatMap((e) => [e.name, ...e.surfaces]).map((s) => s.toLowerCase()));
        for (const kind of ['parallax-place', 'parallax-person', 'parallax-org']) {
          const odd = (highlightTexts(highlights)[kind] ?? []).filter(
            (t) => !known[kind]?.has(t.toLowerCase()) && !surfaces.has(t.toLowerCase()),
          );
          expect(odd, `${kind} ranges that are no known spelling`).toEqual([]);
        }
        expectNothingInEditable(highlights);
        expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      });

      it('leaves the page DOM unchanged (at most one Parallax host element)', async () => {
        const page = await articlePage();
        await waitForHighlights(page, seedArticleNames);
        await expectDomUnchanged(page);
      });

      it('opens the card on hover over a highlight, and closes it on Escape', async () => {
        const page = await articlePage();
        const point = await waitFor(() => rangePoint(page, 'parallax-place', 'Bakhmut'), { what: 'a Bakhmut range with a box' });
        await page.moveMouse(point.x, point.y);
        // Wait for the library's answer, not only the card's first frame ("Looking up the library…").
        const card = await waitFor(
          async () => {
            const open = await readCard(page);
            return open && /Mentioned in \d+ stored article/.test(open.text) ? open : null;
          },
          { timeout: 10_000, what: 'the hover card with what the library knows' },
        );
        expect(`${card.label} ${card.labelledBy}`).toContain('Bakhmut');
        expect(card.text).toContain('Bakhmut');
        if (options.screenshots) await page.screenshot(path.join(screenshotDir, 'article-card.png'));
        await expectDomUnchanged(page);
        await page.press('Escape');
        await waitFor(async () => (await readCard(page)) === null, { timeout: 5_000, what: 'the card to close on Escape' });
        expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      });

      it('the highlight-stepping command opens the card of a highlight; Escape closes it', async () => {
        const page = await articlePage();
        await waitForHighlights(page, seedArticleNames);
        // The commands' shortcuts are browser accelerators that synthetic key events cannot reach,
        // so the test sends what the background sends when the command fires.
        expect(await ctx.browser.contentCall(page, 'stepHighlight', { direction: 1 })).toMatchObject({ ok: true });
        const card = await waitFor(() => readCard(page), { timeout: 10_000, what: 'the card opened by stepping' });
        expect(card.label || card.labelledBy, 'the card has an accessible name').not.toBe('');
        await page.press('Escape');
        await waitFor(async () => (await readCard(page)) === null, { timeout: 5_000, what: 'the card to close on Escape' });
        expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      });

      it('marks sentences that other stored articles also report as claims', async () => {
        const page = await articlePage();
        const expected = labelledSameClaimsOf('001');
        expect(expected.length).toBeGreaterThan(2);
        const covered = await waitFor(
          async () => {
            const claims = highlightTexts(await readHighlights(page))['parallax-claim'] ?? [];
            const hit = expected.filter((s) => claims.some((c) => c.includes(s)));
            return hit.length * 2 >= expected.length ? hit : null;
          },
          { timeout: highlightTimeout, what: `parallax-claim on at least half of ${JSON.stringify(expected)}` },
        );
        expect(covered.length * 2).toBeGreaterThanOrEqual(expected.length);
        await expectDomUnchanged(page);
      });

      it('lists the names in the popup opened for this tab', async () => {
        const page = await articlePage();
        const tabId = await ctx.browser.tabIdOf(page);
        const popup = await ctx.browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`, { width: 420, height: 640 });
        try {
          await waitForText(popup, ['Bakhmut', 'Luhansk', 'Zelensky', 'NATO'], 'the popup to list the names');
          if (options.screenshots) await popup.screenshot(path.join(screenshotDir, 'popup.png'));
          expectNoExtensionErrors(popup, ctx.browser.extensionOrigin);
        } finally {
          await popup.close();
        }
      });
    });

    it('recognises other spellings: Kiev, Kharkov, Zelenskiy', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'article-spellings.html');
      await waitForHighlights(page, spellingNames);
      await expectDomUnchanged(page);
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    it('underlines a country named 20 times once (its first mention), and still counts all 20', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'article-many-mentions.html');
      await waitForHighlights(page, { 'parallax-place': ['Ukraine'] });
      const highlighted = highlightTexts(await waitForQuietHighlights(page))['parallax-place'] ?? [];
      expect(highlighted.filter((text) => text === 'Ukraine')).toHaveLength(1);
      const state = await ctx.browser.pageState(page);
      expect(state.entities.find((e) => e.entityId === 'place:ukraine')?.count).toBe(20);
      await expectDomUnchanged(page);
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    it('does nothing on a search results page', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'search-results.html');
      const state = await ctx.browser.pageState(page);
      expect(state.isArticle).toBe(false);
      expect(Object.values(highlightTexts(await waitForQuietHighlights(page))).flat()).toEqual([]);
      await expectDomUnchanged(page);
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    defineHostileTests(ctx);
    defineReadabilitySweep(ctx);
  });
}
