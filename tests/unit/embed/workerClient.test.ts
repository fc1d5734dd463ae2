import { describe, expect, it } from 'vitest';
import { ModelWorkerClient, type WorkerLike } from '../../../src/embed/workerClient';
import { EMBED_BATCH, type EmbedReply, type EmbedRequest } from '../../../src/embed/protocol';

/** A worker double that answers each request on a later tick, as a real worker would. */
function fakeWorker(answer: (request: EmbedRequest) => EmbedReply): WorkerLike & { requests: EmbedRequest[]; fail(message: string): void } {
  const listeners: Record<string, Array<(event: unknown) => void>> = {};
  const requests: EmbedRequest[] = [];
  return {
    requests,
    postMessage(message: unknown) {
      const request = message as EmbedRequest;
      requests.push(request);
      setTimeout(() => listeners.message?.forEach((l) => l({ data: answer(request) })), 0);
    },
    terminate() {},
    addEventListener(type: string, listener: (event: unknown) => void) {
      (listeners[type] ??= []).push(listener);
    },
    fail(message: string) {
      listeners.error?.forEach((l) => l({ message }));
    },
  } as unknown as WorkerLike & { requests: EmbedRequest[]; fail(message: string): void };
}

describe('ModelWorkerClient', () => {
  it('batches texts, keeps their order and reports the backend', async () => {
    const worker = fakeWorker((r) => ({ id: r.id, vectors: r.texts.map((t) => [t.length]), backend: 'wasm' }));
    const client = new ModelWorkerClient(worker);
    const texts = Array.from({ length: EMBED_BATCH + 3 }, (_, i) => 'x'.repeat(i + 1));
    const vectors = await client.embed(texts);
    expect(vectors.map((v) => v[0])).toEqual(texts.map((t) => t.length));
    expect(worker.requests.map((r) => r.texts.length)).toEqual([EMBED_BATCH, 3]);
    expect(client.backend).toBe('wasm');
  });

  it("turns the worker's error reply into a rejection with its message", async () => {
    const client = new ModelWorkerClient(fakeWorker((r) => ({ id: r.id, error: 'model.json answered 404' })));
    await expect(client.embed(['a'])).rejects.toThrow('model.json answered 404');
  });

  it('fails pending requests when the worker itself fails', async () => {
    const worker = fakeWorker(() => ({ id: -1, vectors: [], backend: '' }));
    const client = new ModelWorkerClient(worker);
    const pending = client.embed(['a']);
    worker.fail('script error');
    await expect(pending).rejects.toThrow('model worker failed: script error');
  });
});
