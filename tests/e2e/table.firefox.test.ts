/** The comparison table's scenarios (table.ts) in real Firefox ESR. */
import { launchFirefox } from './support/firefox';
import { defineTableSuite } from './table';

defineTableSuite('Firefox ESR', () => launchFirefox());
