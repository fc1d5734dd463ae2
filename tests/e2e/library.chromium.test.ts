/** The library scenarios (library.ts) in real Chromium; the background is stopped as Chrome stops an idle service worker. */
import { launchChromium, playwrightPages } from './support/chromium';
import { defineLibrarySuite } from './library';

defineLibrarySuite(
  'Chromium',
  () => launchChromium(),
  async (browser, extensionPage) => {
    const page = playwrightPages.get(extensionPage);
    if (!page) throw new Error('not a Chromium page');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  },
);
