/** The sentence model's scenarios (model.ts) in real Firefox ESR: the model runs in a worker of the event page. */
import { launchFirefox } from './support/firefox';
import { defineModelSuite } from './model';

defineModelSuite('Firefox ESR', () => launchFirefox());
