/**
 * Chrome's offscreen document: a service worker cannot start a dedicated worker, so the background
 * opens this hidden page, which starts the model worker and relays the background's embed requests
 * to it. Nothing else runs here. (Firefox's background is an event page and starts the worker itself.)
 */
import { browser, type Runtime } from '../shared/browser';
import { ModelWorkerClient } from '../embed/workerClient';
import { isEmbedCall, type EmbedCallReply } from '../shared/embedCall';

const client = new ModelWorkerClient(new Worker(new URL('../embed/worker.ts', import.meta.url)));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<EmbedCallReply> | undefined => {
  // Only the background asks (no tab: not a content script); every other message is not ours to answer.
  if (!isEmbedCall(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
  return client.embed(message.texts).then(
    (vectors) => ({ vectors, backend: client.backend }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
});
