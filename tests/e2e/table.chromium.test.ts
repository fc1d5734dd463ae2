/** The comparison table's scenarios (table.ts) in real Chromium; writes the table screenshots. */
import { launchChromium } from './support/chromium';
import { defineTableSuite } from './table';

defineTableSuite('Chromium', () => launchChromium(), { screenshots: true });
