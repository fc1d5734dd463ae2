/**
 * Typed request/response over `runtime.sendMessage` / `tabs.sendMessage`.
 * Callers get a `Result`; nothing throws across the boundary.
 */
import { browser } from './browser';
import type { BackgroundCalls, ContentCalls, Envelope, Result } from './messages';

type CallMap = Record<string, { params: unknown; result: unknown }>;

/** Type of a handler table for one direction. */
export type Handlers<C extends CallMap, S = unknown> = {
  [M in keyof C]: (params: C[M]['params'], sender: S) => Promise<C[M]['result']> | C[M]['result'];
};

function envelope<M extends string, P>(method: M, params: P): Envelope<M, P> {
  return { parallax: 1, method, params };
}

/** True for a message that follows our envelope shape (the params are checked by the handler). */
export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).parallax === 1 &&
    typeof (message as Envelope).method === 'string'
  );
}

function asResult<T>(reply: unknown): Result<T> {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as Result<T>;
  return { ok: false, error: 'No answer from Parallax (the extension may be reloading).' };
}

/** Call the background. */
export async function callBackground<M extends keyof BackgroundCalls & string>(
  method: M,
  params: BackgroundCalls[M]['params'],
): Promise<Result<BackgroundCalls[M]['result']>> {
  try {
    return asResult(await browser.runtime.sendMessage(envelope(method, params)));
  } catch (error) {
    return { ok: false, error: String((error as Error)?.message ?? error) };
  }
}

/** Call the content script in a tab (top frame). */
export async function callContent<M extends keyof ContentCalls & string>(
  tabId: number,
  method: M,
  params: ContentCalls[M]['params'],
): Promise<Result<ContentCalls[M]['result']>> {
  try {
    return asResult(await browser.tabs.sendMessage(tabId, envelope(method, params), { frameId: 0 }));
  } catch (error) {
    return { ok: false, error: String((error as Error)?.message ?? error) };
  }
}

/**
 * Turn a handler table into a `runtime.onMessage` listener. Unknown or foreign
 * messages return `undefined` so other listeners may answer; handler errors
 * become `{ ok: false }`.
 */
export function serve<C extends CallMap, S>(
  handlers: Handlers<C, S>,
  accept: (sender: S) => boolean = () => true,
): (message: unknown, sender: S) => Promise<Result<unknown>> | undefined {
  return (message, sender) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.method)) return undefined;
    if (!accept(sender)) return Promise.resolve({ ok: false, error: 'Sender not allowed.' });
    const handler = handlers[message.method as keyof C];
    return (async () => {
      try {
        return { ok: true as const, value: await handler(message.params as never, sender) };
      } catch (error) {
        return { ok: false as const, error: String((error as Error)?.message ?? error) };
      }
    })();
  };
}
