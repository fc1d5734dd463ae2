/**
 * Hostile fixture pages: huge DOMs, editors, form fields, frames, SVG, and a
 * page that replaces its own body. Parallax must not throw, must not change
 * the page, and must never highlight inside anything the user edits.
 */
import { describe, expect, it } from 'vitest';
import { readHighlights, highlightTexts } from './support/probe';
import { waitFor } from './support/wait';
import {
  expectDomUnchanged,
  expectNoExtensionErrors,
  expectNothingInEditable,
  highlightTimeout,
  openFixture,
  waitForHighlights,
  waitForQuietHighlights,
} from './scenarios';
import type { SuiteContext } from './suite';

/** Defines the hostile-page tests inside the current describe block. */
export function defineHostileTests(ctx: SuiteContext): void {
  describe('hostile pages', () => {
    it('100,000 text nodes: highlights the names, no errors, DOM unchanged', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'hostile-many-nodes.html');
      expect(await page.evaluate(() => document.querySelectorAll('#story span').length, null)).toBe(100_000);
      await waitForHighlights(page, { 'parallax-place': ['Bakhmut', 'Luhansk', 'Kyiv'] });
      const highlights = await waitForQuietHighlights(page, 1_000);
      // How far into the 100,000 nodes the scan got (informational: the budget may cap it).
      console.log(`hostile-many-nodes: ${highlights['parallax-place']?.length ?? 0} place ranges (page names 201)`);
      await expectDomUnchanged(page);
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    it('editor, inputs and textareas: names there are never highlighted, typing is untouched', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'hostile-editable.html');
      await waitForHighlights(page, { 'parallax-place': ['Bakhmut', 'Luhansk', 'Kyiv'], 'parallax-person': ['Zelensky'] });
      expectNothingInEditable(await waitForQuietHighlights(page));
      await expectDomUnchanged(page);

      // The user types a name into the editor: it stays exactly as typed and unhighlighted.
      await page.evaluate(() => {
        const editor = document.getElementById('editor')!;
        editor.focus();
        const range = document.createRange();
        range.selectNodeContents(editor);
        range.collapse(false);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, null);
      await page.type(' Kharkiv and Bakhmut again');
      // Editors may store the typed spaces as no-break spaces.
      const editorText = () => page.evaluate(() => (document.getElementById('editor')!.textContent ?? '').replace(/\u00a0/g, ' '), null);
      await waitFor(async () => (await editorText()).endsWith(' Kharkiv and Bakhmut again'), {
        what: 'typed text in the editor',
      });
      expectNothingInEditable(await waitForQuietHighlights(page));
      expect(await page.evaluate(() => (document.getElementById('q') as HTMLInputElement).value, null)).toBe('Bakhmut Luhansk Kyiv');
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    it('iframes and SVG text: no errors, DOM unchanged', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'hostile-frames-svg.html');
      await waitForHighlights(page, { 'parallax-place': ['Vuhledar', 'Kyiv'], 'parallax-person': ['Zelensky'] });
      const highlights = await waitForQuietHighlights(page);
      expectNothingInEditable(highlights);
      await expectDomUnchanged(page);
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    it('single-page navigation: a new URL and article without reload get their own highlights', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'spa-article.html');
      await waitForHighlights(page, { 'parallax-place': ['Bakhmut', 'Kyiv'] });
      await page.evaluate(() => document.getElementById('next')!.click(), null);
      const url = ctx.server.url('spa-article.html?story=2');
      await waitFor(async () => (await ctx.browser.pageState(page)).url === url, {
        timeout: highlightTimeout,
        what: 'getPageState for the new URL',
      });
      await waitForHighlights(page, { 'parallax-place': ['Kharkiv', 'Kramatorsk', 'Sloviansk'] });
      // Nothing left over from the first story: its ranges were in nodes that are gone.
      expect(
        Object.values(await readHighlights(page))
          .flat()
          .filter((r) => !r.connected),
      ).toEqual([]);
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });

    it('a body replaced every second: highlights follow the new body, no errors', async () => {
      const page = await openFixture(ctx.browser, ctx.server, 'hostile-body-swap.html');
      // "Kharkiv" exists only in the replacement bodies, so seeing it highlighted means Parallax followed.
      await waitFor(
        async () => {
          const swaps = await page.evaluate(() => (window as unknown as { __bodySwaps?: number }).__bodySwaps ?? 0, null);
          const highlights = await readHighlights(page);
          const live = Object.values(highlights)
            .flat()
            .filter((r) => r.connected);
          return (
            swaps >= 2 && (highlightTexts(highlights)['parallax-place'] ?? []).includes('Kharkiv') && live.some((r) => r.text === 'Kharkiv')
          );
        },
        { timeout: highlightTimeout, what: 'highlights on a replaced body' },
      );
      expectNoExtensionErrors(page, ctx.browser.extensionOrigin);
      await page.close();
    });
  });
}
