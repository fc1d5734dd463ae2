/**
 * Per-site switches. "Parallax on this site" is enforced here, in the
 * background: a content script on a switched-off site gets no names and no
 * matches, whatever it asks. "Save articles I read here" is acted on by
 * `autoSave.ts` when a page of the site is first scanned.
 */
import type { Runtime } from '../shared/browser';
import { setSiteSettings, siteSettings, type SiteSettings } from '../store';

let cached: Promise<Record<string, SiteSettings>> | undefined;

/** The switches, read once per worker life and after each change. */
export function currentSiteSettings(): Promise<Record<string, SiteSettings>> {
  if (!cached) {
    const reading = siteSettings();
    reading.catch(() => {
      if (cached === reading) cached = undefined;
    });
    cached = reading;
  }
  return cached;
}

/** Forgets the cached switches (tests, which swap the database under the module). */
export function forgetSiteSettings(): void {
  cached = undefined;
}

/** Changes one site's switches (`null` forgets the site). */
export async function changeSiteSettings(host: string, settings: SiteSettings | null): Promise<Record<string, SiteSettings>> {
  cached = undefined;
  const sites = await setSiteSettings(host.toLowerCase(), settings ?? undefined);
  cached = Promise.resolve(sites);
  return sites;
}

/** The host a content script's message comes from (its frame's URL), or undefined. */
export function senderHost(sender: Runtime.MessageSender): string | undefined {
  try {
    return sender.url ? new URL(sender.url).hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** False when the reader switched Parallax off for the sender's site. */
export async function isEnabledFor(sender: Runtime.MessageSender): Promise<boolean> {
  const host = senderHost(sender);
  if (!host) return true;
  try {
    return (await currentSiteSettings())[host]?.enabled !== false;
  } catch (error) {
    // The store cannot be read: nothing else it holds can be either, so the switch changes nothing then.
    console.warn('Parallax: site switches unreadable', error);
    return true;
  }
}
