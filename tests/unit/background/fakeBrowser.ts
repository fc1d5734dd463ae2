/**
 * A stand-in for `src/shared/browser.ts` in background tests: the few
 * `browser.*` members the background touches, typed against the polyfill's
 * real signatures (a renamed or retyped API fails the type check here), with spies.
 */
import { vi, type Mock } from 'vitest';
import type { Browser, Runtime, Tabs } from '../../../src/shared/browser';

/** The fake extension's id and origin. */
export const EXTENSION_ID = 'parallaxtestid';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** An event whose `addListener` records the listener it was given (typed as the real event's). */
const event = <E extends { addListener: (...args: never[]) => void }>() => ({ addListener: vi.fn<E['addListener']>() });

/** The active tab the keyboard commands act on. */
export const ACTIVE_TAB: Tabs.Tab = { id: 42, index: 0, active: true, highlighted: true, pinned: false, incognito: false };

/** The parts of `browser` the background uses, each with the real member's type. */
export interface FakeBrowser {
  runtime: Pick<Runtime.Static, 'id' | 'getURL' | 'getManifest' | 'sendMessage'> & {
    onInstalled: ReturnType<typeof event<Runtime.Static['onInstalled']>>;
    onStartup: ReturnType<typeof event<Runtime.Static['onStartup']>>;
    onMessage: ReturnType<typeof event<Runtime.Static['onMessage']>>;
  };
  commands: { onCommand: ReturnType<typeof event<Browser['commands']['onCommand']>> };
  // The real sendMessage is generic in its reply; the fake answers with an rpc Result, so its reply is `unknown`.
  tabs: { query: Mock<Tabs.Static['query']>; sendMessage: Mock<(...args: Parameters<Tabs.Static['sendMessage']>) => Promise<unknown>> };
}

/** A fresh fake `browser`: new spies, no listeners. */
export function createFakeBrowser(): FakeBrowser {
  return {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => EXTENSION_ORIGIN + path.replace(/^\//, ''),
      getManifest: () => ({ manifest_version: 3, name: 'Parallax', version: '9.9.9' }),
      sendMessage: vi.fn<Runtime.Static['sendMessage']>(),
      onInstalled: event<Runtime.Static['onInstalled']>(),
      onStartup: event<Runtime.Static['onStartup']>(),
      onMessage: event<Runtime.Static['onMessage']>(),
    },
    commands: { onCommand: event<Browser['commands']['onCommand']>() },
    tabs: {
      query: vi.fn<Tabs.Static['query']>(async () => [ACTIVE_TAB]),
      sendMessage: vi.fn(async () => ({ ok: true, value: null })),
    },
  };
}

/** The fake `browser` object the module mock hands out. */
export const fakeBrowser = createFakeBrowser();

/** A tab of a web page, as a sender's `tab`. */
const pageTab = (id: number): Tabs.Tab => ({ ...ACTIVE_TAB, id, active: false, highlighted: false });

/** A content script's sender: the page's URL, a tab. */
export const contentSender: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://news.example/story', tab: pageTab(3) };
/** The options page's sender. */
export const optionsSender: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/options/index.html` };
/** A page pretending to be the extension by naming its origin in a query string. */
export const spoofSender: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `https://evil.example/?u=${EXTENSION_ORIGIN}`,
  tab: pageTab(4),
};
