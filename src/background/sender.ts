/**
 * Who is asking. Content scripts run beside untrusted pages; calls that change
 * or list the library are accepted only from the extension's own pages (popup,
 * options), whose URLs start with the extension's origin, and a content script
 * may only ask about its own tab.
 */
import { browser, type Runtime } from '../shared/browser';

/** True when the message comes from this extension at all (never another extension). */
export function isOwnExtension(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** True for the extension's own pages; false for content scripts and anything else. */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  const origin = browser.runtime.getURL('');
  // A content script's sender has a tab and the page's URL; only an extension page has our origin as its URL.
  return isOwnExtension(sender) && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/**
 * Refuses a call its sender may not make, before its params are even
 * validated: a privileged method from anything but an extension page, or a
 * call naming a tab (`tabId`) other than the content script's own. Returns the
 * params unchanged when the call is allowed.
 */
export function checkSender(method: string, privileged: boolean, params: unknown, sender: Runtime.MessageSender): unknown {
  const fromPage = isExtensionPage(sender);
  if (privileged && !fromPage) throw new Error(`${method} is only accepted from Parallax's own pages, not from web pages.`);
  if (!fromPage && typeof params === 'object' && params !== null && 'tabId' in params) {
    const tabId = (params as { tabId: unknown }).tabId;
    if (sender.tab?.id === undefined || tabId !== sender.tab.id) throw new Error(`${method}: a page may only ask about its own tab.`);
  }
  return params;
}
