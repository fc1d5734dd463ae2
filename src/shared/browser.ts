/**
 * The one module that imports `webextension-polyfill`. Everything else imports
 * `browser` from here, so unit tests can substitute it with `vi.mock`.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Browser, Runtime, Tabs } from 'webextension-polyfill';
