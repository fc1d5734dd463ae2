/**
 * "Save articles I read here": when a page of a site with that switch on is
 * scanned (its content script's first `analyzePage` of the page), the
 * background asks that tab's content script for the article text (the
 * popup's Save extraction: Readability) and saves it by the one path of
 * `saveReadArticle`. Each page is handled once per worker life; after a
 * restart the store itself says the page is already there.
 */
import { canonicalPageUrl } from '../core/library';
import type { Runtime } from '../shared/browser';
import { callContent } from '../shared/rpc';
import { parseParams } from '../shared/schemas';
import { saveReadArticle, type SaveStatus } from './readingSave';
import { currentSiteSettings, senderHost } from './siteSettings';

/** Pause after a page's first scan, so saving never competes with its first highlights. */
export const AUTO_SAVE_DELAY_MS = 1_500;
/** Pages remembered as handled (a bounded memo: forgetting costs one store lookup). */
const MAX_HANDLED = 500;
const handled = new Set<string>();

/** Forgets the pages handled (tests). */
export function forgetHandledPages(): void {
  handled.clear();
}

/** What the switch did for one page: saved (how), or why not. */
export type AutoSaveOutcome = SaveStatus | 'off' | 'handled' | 'not-an-article';

/**
 * Saves the sender's page when its site's switch is on. The page is the
 * sender's own top frame (its URL as the browser reports it, not as the page says).
 */
export async function autoSavePage(sender: Runtime.MessageSender): Promise<AutoSaveOutcome> {
  const host = senderHost(sender);
  const tabId = sender.tab?.id;
  if (!host || tabId === undefined || (sender.frameId ?? 0) !== 0 || !sender.url) return 'off';
  const site = (await currentSiteSettings())[host];
  if (!site?.autoSave || !site.enabled) return 'off';
  const key = canonicalPageUrl(sender.url);
  if (handled.has(key)) return 'handled';
  if (handled.size >= MAX_HANDLED) handled.clear();
  handled.add(key);
  try {
    const reply = await callContent(tabId, 'extractArticle', {});
    if (!reply.ok || !reply.value) {
      handled.delete(key);
      return 'not-an-article';
    }
    // The page's text is the page's: checked with the one article schema like a Save.
    const input = parseParams('saveArticle', { ...reply.value, url: key });
    return (await saveReadArticle(input)).status;
  } catch (error) {
    handled.delete(key);
    throw error;
  }
}

/** Schedules `autoSavePage` after the page's first scan; failures are logged, never thrown at the page. */
export function scheduleAutoSave(sender: Runtime.MessageSender, delayMs = AUTO_SAVE_DELAY_MS): void {
  setTimeout(() => {
    autoSavePage(sender).catch((error: unknown) => console.warn('Parallax: saving the page read failed', error));
  }, delayMs);
}
