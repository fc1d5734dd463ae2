/** Open cards (cards.ts) in real Chromium; writes the card screenshots. */
import { launchChromium } from './support/chromium';
import { defineCardSuite } from './cards';

defineCardSuite('Chromium', () => launchChromium(), { screenshots: true });
