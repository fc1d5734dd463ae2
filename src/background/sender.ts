/**
 * Who is asking. Content scripts run beside untrusted pages; calls that change
 * the library are accepted only from the extension's own pages (popup,
 * options), whose URLs start with the extension's origin.
 */
import { browser, type Runtime } from '../shared/browser';

/** True when the message comes from this extension at all (never another extension). */
export function isOwnExtension(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** True for the extension's own pages; false for content scripts and anything else. */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  const origin = browser.runtime.getURL('');
  return isOwnExtension(sender) && typeof sender.url === 'string' && sender.url.startsWith(origin);
}
