/**
 * The privacy and pack scenarios (privacy.ts) in real Firefox ESR. Every
 * non-local request goes to a recording proxy (the event page's, the
 * extension pages' and the content script's alike).
 */
import { launchFirefox } from './support/firefox';
import { firefoxProxyPrefs } from './support/recordingProxy';
import { definePrivacySuite } from './privacy';

definePrivacySuite('Firefox ESR', (port) => launchFirefox({ prefs: firefoxProxyPrefs(port) }), {
  // Firefox's own traffic, sent with or without any add-on: Remote Settings (blocklists,
  // certificate revocation), captive-portal detection and Mozilla's other services, at moments
  // that vary from run to run. Parallax's bundle names none of these hosts.
  browserOwn: [
    /^CONNECT ([a-z0-9-]+\.)*(mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com):443$/,
    /^GET http:\/\/detectportal\.firefox\.com\//,
  ],
});
