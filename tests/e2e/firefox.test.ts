/**
 * Parallax's Firefox build in real Firefox ESR (puppeteer-core over WebDriver
 * BiDi, installed as a temporary add-on).
 */
import { launchFirefox } from './support/firefox';
import { defineExtensionSuite } from './suite';

defineExtensionSuite('Firefox ESR', () => launchFirefox());
