/**
 * The sentence model in a real browser: it loads from the files bundled in the extension (a
 * worker in Chrome's offscreen document, in Firefox's event page), embeds the seed library, and
 * links a page sentence that restates a seed claim in other words; a page that carries a stored
 * wire report under another URL is said to be that report. Each browser's file calls
 * {@link defineModelSuite}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/server';
import { waitFor } from './support/wait';
import { expectNoExtensionErrors, openFixture, waitForText } from './scenarios';

/** The model loads (27 MB) and embeds the seed library once per browser profile: give it time on a busy machine. */
const MODEL_TIMEOUT = 120_000;

/** Defines the model's e2e tests for one browser. */
export function defineModelSuite(name: string, launch: () => Promise<ExtensionBrowser>): void {
  describe(`${name}: the sentence model`, () => {
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

    it(
      'links a paraphrase with few shared words through the model, off the page, and the panel says the model is ready',
      async () => {
        const page = await openFixture(browser, server, 'article-paraphrase.html');
        try {
          const match = await waitFor(
            async () => (await browser.pageState(page)).matches.find((m) => m.text.includes('beaten back 85 Russian assaults')),
            { timeout: MODEL_TIMEOUT, what: 'the paraphrase to be linked' },
          );
          const report = match.reports.find((r) => r.claim.text.includes('repelled 85 Russian attacks'));
          expect(report, JSON.stringify(match.reports.map((r) => r.claim.text))).toBeDefined();
          expect(report!.relation).toBe('same');
          expect(report!.cosine).toBeGreaterThan(0.8);
          const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabIdOf(page)}`, {
            width: 420,
            height: 700,
          });
          try {
            await waitForText(popup, ['Sentence model ready'], 'the panel to say the model is ready');
            expectNoExtensionErrors(popup, browser.extensionOrigin);
          } finally {
            await popup.close();
          }
          expectNoExtensionErrors(page, browser.extensionOrigin);
        } finally {
          await page.close();
        }
      },
      MODEL_TIMEOUT + 30_000,
    );

    it('says that a page carrying a stored wire report under another URL is that report', async () => {
      const page = await openFixture(browser, server, 'article-wire-copy.html');
      try {
        const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabIdOf(page)}`, {
          width: 420,
          height: 700,
        });
        try {
          const text = await waitForText(popup, ['This page is the same report as Seed article 4'], 'the panel to name the stored report');
          expect(text).not.toContain('Nothing in your library covers');
          expectNoExtensionErrors(popup, browser.extensionOrigin);
        } finally {
          await popup.close();
        }
      } finally {
        await page.close();
      }
    });
  });
}
