/**
 * Parallax's Chrome build in real Chromium (playwright-core, --load-extension).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { scenarioContentScriptRuns } from './scenarios';

describe('Chromium', () => {
  let server: FixtureServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the extension: a service worker under chrome-extension://', () => {
    expect(browser.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
  });

  it('injects the content script, which answers for the page', async () => {
    await scenarioContentScriptRuns(browser, server);
  });
});
