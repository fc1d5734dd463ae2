/** The library scenarios (library.ts) in real Firefox ESR; the background (an event page) is stopped by reloading the add-on. */
import { launchFirefox } from './support/firefox';
import { defineLibrarySuite } from './library';

defineLibrarySuite(
  'Firefox ESR',
  () => launchFirefox(),
  async (_browser, extensionPage) => {
    await extensionPage
      .evaluate(() => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(), null)
      // The reload closes the page that asked for it, sometimes before the call returns.
      .catch(() => undefined);
  },
);
