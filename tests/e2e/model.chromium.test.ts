/** The sentence model's scenarios (model.ts) in real Chromium: the model runs in a worker of the offscreen document. */
import { launchChromium } from './support/chromium';
import { defineModelSuite } from './model';

defineModelSuite('Chromium', () => launchChromium());
