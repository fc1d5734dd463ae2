/**
 * The end-to-end scenarios, written once against {@link ExtensionBrowser} and
 * run by chromium.test.ts and firefox.test.ts. Each function throws (through
 * vitest's expect) when the built extension misbehaves in the browser.
 */
import { expect } from 'vitest';
import type { ExtensionBrowser, TestPage } from './support/driver';
import { isExtensionError } from './support/driver';
import type { FixtureServer } from './support/server';
import { auditDom, highlightTexts, readCard, readHighlights, rangePoint, type ProbedHighlights } from './support/probe';
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
    return await waitFor(async () => {
      const highlights = await readHighlights(page);
      last = highlightTexts(highlights);
      const complete = Object.entries(expected).every(([name, words]) =>
        words.every((word) => (last[name] ?? []).some((text) => text.includes(word))));
      return complete ? highlights : null;
    }, { timeout: highlightTimeout, what: `highlights ${JSON.stringify(expected)}` });
  } catch (error) {
    throw new Error(`${(error as Error).message}; highlighted: ${JSON.stringify(last).slice(0, 600)}`);
  }
}

/** No error thrown or logged by Parallax's code in this page. */
export function expectNoExtensionErrors(page: TestPage): void {
  expect(page.errors.filter(isExtensionError)).toEqual([]);
}

/** The page DOM is byte-for-byte what it was at DOMContentLoaded, apart from at most one Parallax host. */
export async function expectDomUnchanged(page: TestPage): Promise<void> {
  const audit = await auditDom(page);
  expect(audit.ready, 'DOM recorder saw DOMContentLoaded').toBe(true);
  expect(audit.changes).toEqual([]);
  expect(audit.hosts.length).toBeLessThanOrEqual(1);
  expect(audit.unchanged, `outerHTML ${audit.beforeLength} -> ${audit.afterLength} chars`).toBe(true);
}

/** No highlighted range sits inside an input, textarea, select, editable region, script or style. */
export function expectNothingInEditable(highlights: ProbedHighlights): void {
  const inside = Object.entries(highlights).flatMap(([name, ranges]) =>
    ranges.filter((r) => r.inEditable).map((r) => `${name}: ${r.text}`));
  expect(inside).toEqual([]);
}

/** Extension loaded, content script injected and answering, and it recognised the page as an article. */
export async function scenarioContentScriptRuns(browser: ExtensionBrowser, server: FixtureServer): Promise<void> {
  expect(browser.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\/[\w-]+$/);
  const page = await browser.open(server.url('article-seed.html'));
  try {
    const state = await waitFor(() => browser.pageState(page), { timeout: highlightTimeout, what: 'getPageState' });
    expect(state.url).toBe(page.url);
    expect(state.isArticle).toBe(true);
    expectNoExtensionErrors(page);
  } finally {
    await page.close();
  }
}

/**
 * The demo article: places and people highlighted on the right words, nothing
 * else in the DOM touched, hover opens the card, Escape closes it.
 * Returns the page (still open, card closed) for browser-specific follow-ups.
 */
export async function scenarioArticle(browser: ExtensionBrowser, server: FixtureServer, screenshot?: string): Promise<TestPage> {
  const page = await openFixture(browser, server, 'article-seed.html');
  const highlights = await waitForHighlights(page, {
    'parallax-place': ['Bakhmut', 'Luhansk', 'Donetsk', 'Kramatorsk'],
    'parallax-person': ['Zelensky', 'Lloyd Austin'],
  });
  // A highlight is the word itself, not a sentence or a paragraph around it.
  for (const r of highlights['parallax-place'] ?? []) expect(r.text.length).toBeLessThan(40);
  expectNothingInEditable(highlights);
  await expectDomUnchanged(page);

  const point = await rangePoint(page, 'parallax-place', 'Bakhmut');
  expect(point, 'a Bakhmut range with a client rect').not.toBeNull();
  await page.moveMouse(point!.x, point!.y);
  const card = await waitFor(() => readCard(page), { timeout: 10_000, what: 'the hover card' });
  expect(`${card.label} ${card.labelledBy} ${card.text}`).toContain('Bakhmut');
  if (screenshot) await page.screenshot(screenshot);
  await expectDomUnchanged(page);
  await page.press('Escape');
  await waitFor(async () => (await readCard(page)) === null, { timeout: 5_000, what: 'the card to close on Escape' });
  expectNoExtensionErrors(page);
  return page;
}
