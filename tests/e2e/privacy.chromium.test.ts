/**
 * The privacy and pack scenarios (privacy.ts) in real Chromium. Every
 * non-local request goes to a recording proxy, and Playwright records every
 * request of every page and worker (the extension's service worker too).
 */
import { launchChromium } from './support/chromium';
import { chromiumProxyArgs } from './support/recordingProxy';
import { definePrivacySuite } from './privacy';

// Playwright reports service-worker requests only with this switch (read when the browser starts).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

definePrivacySuite(
  'Chromium',
  async (port) => {
    const launched = await launchChromium({ extraArgs: chromiumProxyArgs(port) });
    const contextRequests: string[] = [];
    launched.context.on('request', (request) => contextRequests.push(request.url()));
    return Object.assign(launched, { contextRequests });
  },
  {
    // Chromium's own services from the browser process (the account check when a window opens,
    // android.clients.google.com and other Google endpoints at unpredictable moments); no page or
    // worker asks for them, so the per-context record above, which covers every extension context,
    // would show any request of Parallax's own.
    browserOwn: [/^CONNECT ([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com):443$/],
  },
);
