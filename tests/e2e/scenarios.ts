/**
 * Assertions shared by the Chromium and Firefox suites, written once against
 * {@link ExtensionBrowser}. Each throws (through vitest's expect) when the
 * built extension misbehaves in a real browser.
 */
import { expect } from 'vitest';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { isExtensionError } from './support/driver';
import type { FixtureServer } from './support/server';
import { auditDom, highlightTexts, readHighlights, type ProbedHighlights } from './support/probe';
import { waitFor } from './support/wait';

/** How long the content script may take to highlight a page (slow CI machines included). */
export const highlightTimeout = 20_000;

/** Opens a fixture page and waits until the content script answers getPageState for it. */
export async function openFixture(browser: ExtensionBrowser, server: FixtureServer, file: string): Promise<TestPage> {
  const page = await browser.open(server.url(file));
  await waitFor(() => browser.pageState(page), { timeout: highlightTimeout, what: `getPageState on ${file}` });
  return page;
}

/** Waits until every one of `expected` (highlight name -> words) is in some range of that highlight. */
export async function waitForHighlights(page: TestPage, expected: Record<string, string[]>): Promise<ProbedHighlights> {
  let last: Record<string, string[]> = {};
  try {
    return await waitFor(
      async () => {
        const highlights = await readHighlights(page);
        last = highlightTexts(highlights);
        const complete = Object.entries(expected).every(([name, words]) =>
          words.every((word) => (last[name] ?? []).some((text) => text.includes(word))),
        );
        return complete ? highlights : null;
      },
      { timeout: highlightTimeout, what: `highlights ${JSON.stringify(expected)}` },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; highlighted: ${JSON.stringify(last).slice(0, 800)}`);
  }
}

/**
 * Waits until the page's highlights stop changing (same ranges for `quietMs`),
 * for pages where we cannot say in advance what will be highlighted.
 */
export async function waitForQuietHighlights(page: TestPage, quietMs = 600): Promise<ProbedHighlights> {
  let last = '';
  let since = Date.now();
  return waitFor(
    async () => {
      const highlights = await readHighlights(page);
      const key = JSON.stringify(highlightTexts(highlights));
      if (key !== last) {
        last = key;
        since = Date.now();
        return null;
      }
      return Date.now() - since >= quietMs ? highlights : null;
    },
    { timeout: highlightTimeout, interval: 150, what: 'highlights to settle' },
  );
}

/** No error thrown or logged by Parallax's code (from `extensionOrigin`) in this page. */
export function expectNoExtensionErrors(page: TestPage, extensionOrigin: string): void {
  expect(page.errors.filter((e) => isExtensionError(e, extensionOrigin))).toEqual([]);
}

/** The page DOM is what it was at DOMContentLoaded, apart from at most one Parallax host element. */
export async function expectDomUnchanged(page: TestPage): Promise<void> {
  const audit = await auditDom(page);
  expect(audit.ready, 'DOM recorder saw DOMContentLoaded').toBe(true);
  expect(audit.changes).toEqual([]);
  expect(audit.hosts.length, JSON.stringify(audit.hosts)).toBeLessThanOrEqual(1);
  expect(audit.unchanged, `outerHTML ${audit.beforeLength} -> ${audit.afterLength} chars`).toBe(true);
}

/** No highlighted range sits inside an input, textarea, select, editable region, script or style. */
export function expectNothingInEditable(highlights: ProbedHighlights): void {
  const inside = Object.entries(highlights).flatMap(([name, ranges]) =>
    ranges.filter((r) => r.inEditable).map((r) => `${name}: ${r.text}`),
  );
  expect(inside).toEqual([]);
}

/** Every `parallax-*` range, as "name: text", whose text contains one of `words`. */
export function rangesContaining(highlights: ProbedHighlights, words: string[]): string[] {
  return Object.entries(highlightTexts(highlights)).flatMap(([name, texts]) =>
    texts.filter((t) => words.some((w) => t.includes(w))).map((t) => `${name}: ${t}`),
  );
}

/** The page's visible text, polled until it contains every one of `words`. */
export async function waitForText(page: TestPage, words: string[], what: string): Promise<string> {
  let text = '';
  try {
    return await waitFor(
      async () => {
        text = await page.evaluate(() => document.body?.innerText ?? '', null);
        return words.every((w) => text.includes(w)) ? text : null;
      },
      { timeout: highlightTimeout, what },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; text: ${text.slice(0, 600)}`);
  }
}
