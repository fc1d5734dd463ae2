/**
 * Parallax's Firefox build in real Firefox ESR (puppeteer-core over WebDriver
 * BiDi, installed as a temporary add-on).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchFirefox } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';
import { scenarioContentScriptRuns } from './scenarios';

describe('Firefox ESR', () => {
  let server: FixtureServer;
  let browser: Awaited<ReturnType<typeof launchFirefox>>;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs the extension and injects the content script, which answers for the page', async () => {
    await scenarioContentScriptRuns(browser, server);
  });
});
