/** Open cards (cards.ts) in real Firefox ESR. */
import { launchFirefox } from './support/firefox';
import { defineCardSuite } from './cards';

defineCardSuite('Firefox ESR', () => launchFirefox());
