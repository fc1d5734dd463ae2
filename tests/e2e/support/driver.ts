/**
 * One small interface over Playwright (Chromium) and Puppeteer (Firefox, over
 * WebDriver BiDi), so each scenario in tests/e2e is written once and run in
 * both browsers.
 */
import type { PageState } from '../../../src/shared/messages';

/** An error seen in a page: thrown (page or content script) or logged with console.error. */
export interface PageError {
  kind: 'pageerror' | 'console';
  message: string;
  /** Stack or source location, when the browser gives one. */
  where: string;
}

/**
 * True when an error comes from Parallax's own code: its extension origin shows
 * in the stack or source. (Pages may reference other extensions' URLs; those
 * failed loads are not ours.)
 */
export function isExtensionError(error: PageError, extensionOrigin: string): boolean {
  return `${error.where}\n${error.message}`.includes(extensionOrigin);
}

/** One open tab with the extension active in it. */
export interface TestPage {
  /** Runs `fn(arg)` in the page's main world; `fn` must be self-contained. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Moves the real mouse pointer to viewport coordinates. */
  moveMouse(x: number, y: number): Promise<void>;
  /** Types text with the keyboard into the focused element. */
  type(text: string): Promise<void>;
  /** Presses a key (Playwright/Puppeteer key names, e.g. `Escape`). */
  press(key: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Navigates this tab to another URL (the DOM recorder is installed again). */
  goto(url: string): Promise<void>;
  /** Errors seen since the page opened (live array). */
  readonly errors: PageError[];
  readonly url: string;
  close(): Promise<void>;
}

/** A browser with the built extension installed. */
export interface ExtensionBrowser {
  readonly name: 'chromium' | 'firefox';
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  /**
   * Opens a URL in a new tab. Before any page script runs, the DOM recorder
   * (see `dom-recorder.ts`) is installed so DOM changes can be audited later.
   */
  open(url: string, viewport?: { width: number; height: number }): Promise<TestPage>;
  /** Opens a page of the extension itself, e.g. `src/popup/index.html?tab=3`. */
  openExtensionPage(pathAndQuery: string, viewport?: { width: number; height: number }): Promise<TestPage>;
  /** The browser's tab id for an open page. */
  tabIdOf(page: TestPage): Promise<number>;
  /** Asks the content script of a tab for its PageState (the `getPageState` content call). */
  pageState(page: TestPage): Promise<PageState>;
  /** Any content call (see ContentCalls), as the background or popup would send it; returns the Result. */
  contentCall(page: TestPage, method: string, params: object): Promise<unknown>;
  close(): Promise<void>;
}

/** Viewport used unless a test asks for another one. */
export const defaultViewport = { width: 1200, height: 900 };

/** The envelope of `src/shared/rpc.ts`, spelled out so tests do not import extension code. */
export function contentMessage(method: string, params: object): { parallax: 1; method: string; params: object } {
  return { parallax: 1, method, params };
}

/** Unwraps a `Result` answer from the content script, with the browser's error when there was none. */
export function unwrapPageState(reply: unknown): PageState {
  const result = reply as { ok?: boolean; value?: PageState; error?: string } | undefined;
  if (!result || result.ok !== true || !result.value) {
    throw new Error(`getPageState failed: ${JSON.stringify(reply)}`);
  }
  return result.value;
}
