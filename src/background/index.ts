/**
 * The background: a service worker in Chrome, an event page in Firefox.
 *
 * Every listener is registered synchronously at top level, so an event that
 * wakes a stopped worker finds its listener; each awaits one `ready` promise
 * (store open, library seeded). Nothing lives only in globals: the caches in
 * `library.ts` are rebuilt from the store after a restart.
 */
import { browser } from '../shared/browser';
import { serve } from '../shared/rpc';
import { runCommand } from './commands';
import { createHandlers } from './handlers';
import { seedIfNeeded } from './seeding';
import { recoverInterruptedImport } from '../store';
import { isOwnExtension } from './sender';

let readyPromise: Promise<unknown> | undefined;

/** Resolves once the library is seeded; a failure is retried on the next call, not cached. */
function ready(): Promise<unknown> {
  if (!readyPromise) {
    // An import journal left from the last run means that import was cut off: it becomes a notice
    // for the options page (its rows never committed). Then seeding, which an interrupted reset needs.
    const starting = recoverInterruptedImport().then(() => seedIfNeeded(browser.runtime.getManifest().version));
    starting.catch((error: unknown) => {
      console.error('Parallax: seeding the library failed', error);
      if (readyPromise === starting) readyPromise = undefined;
    });
    readyPromise = starting;
  }
  return readyPromise;
}

browser.runtime.onInstalled.addListener(() => {
  void ready().catch(() => undefined);
});

browser.runtime.onStartup.addListener(() => {
  void ready().catch(() => undefined);
});

browser.runtime.onMessage.addListener(serve(createHandlers(ready), isOwnExtension));

browser.commands.onCommand.addListener((command: string) => {
  void ready()
    .then(() => runCommand(command))
    .catch((error: unknown) => console.error('Parallax: command failed', command, error));
});
