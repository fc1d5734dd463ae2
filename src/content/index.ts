/**
 * Content script entry (runs at document_idle in every http(s) top frame).
 * Starts one {@link ContentApp} and answers the extension's calls. Nothing is
 * written to the page's globals; a second injection into the same isolated
 * world is recognised by a symbol on the extension's own `runtime` object.
 */
import { browser } from '../shared/browser';
import { storedReading } from '../shared/readingStorage';
import { callBackground, serve } from '../shared/rpc';
import { ContentApp, type ContentCallMap } from './app';

const INJECTED = Symbol.for('parallax.content');

function alreadyInjected(): boolean {
  const runtime = browser.runtime as unknown as Record<symbol, unknown>;
  if (runtime[INJECTED]) return true;
  try {
    Object.defineProperty(runtime, INJECTED, { value: true, enumerable: false });
  } catch {
    // A frozen runtime object: the module-level import cache still prevents most repeats.
  }
  return false;
}

if (!alreadyInjected()) {
  const app = new ContentApp(document, callBackground, storedReading);
  const listener = serve<ContentCallMap, unknown>(app.handlers());
  browser.runtime.onMessage.addListener(listener as never);
  // The page going away (or the extension being reloaded) ends everything we added.
  addEventListener(
    'pagehide',
    (event) => {
      if (!(event as PageTransitionEvent).persisted) {
        browser.runtime.onMessage.removeListener(listener as never);
        app.destroy();
      }
    },
    { once: true },
  );
  void app.start();
}
