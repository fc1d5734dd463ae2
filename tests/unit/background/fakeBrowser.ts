/**
 * A stand-in for `src/shared/browser.ts` in background tests: the few
 * `browser.*` members the background touches, with spies.
 */
import { vi } from 'vitest';
import type { Runtime } from '../../../src/shared/browser';

/** The fake extension's id and origin. */
export const EXTENSION_ID = 'parallaxtestid';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const listeners = () => ({ addListener: vi.fn() });

/** The fake `browser` object. */
export const fakeBrowser = {
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => EXTENSION_ORIGIN + path.replace(/^\//, ''),
    getManifest: () => ({ version: '9.9.9' }),
    sendMessage: vi.fn(),
    onInstalled: listeners(),
    onStartup: listeners(),
    onMessage: listeners(),
  },
  commands: { onCommand: listeners() },
  tabs: {
    query: vi.fn(async () => [{ id: 42, active: true }]),
    sendMessage: vi.fn(async () => ({ ok: true, value: null })),
  },
};

/** A content script's sender: the page's URL, a tab. */
export const contentSender: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://news.example/story', tab: { id: 3 } as never };
/** The options page's sender. */
export const optionsSender: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/options/index.html` };
/** A page pretending to be the extension by naming its origin in a query string. */
export const spoofSender: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `https://evil.example/?u=${EXTENSION_ORIGIN}`,
  tab: { id: 4 } as never,
};
