/**
 * Parallax's Chrome build in real Chromium (playwright-core, --load-extension).
 * Also writes the README's screenshots (docs/screenshots).
 */
import { launchChromium } from './support/chromium';
import { defineExtensionSuite } from './suite';

defineExtensionSuite('Chromium', () => launchChromium(), { screenshots: true });
