/**
 * The host's side of the model worker: starts it, pairs replies with requests, and turns a
 * worker that fails to start or load into a rejected promise (the caller then goes on lexically).
 */
import { EMBED_BATCH, type EmbedReply } from './protocol';

/** The part of `Worker` used here, so that tests can hand in a fake. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/** Embeds through one worker; `embed` batches and keeps input order. */
export class ModelWorkerClient {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: number[][]) => void; reject: (e: Error) => void }>();
  /** The backend the worker reported ('' until the first answer). */
  backend = '';

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (event: MessageEvent<EmbedReply>) => {
      const reply = event.data;
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter.reject(new Error(reply.error));
      else {
        this.backend = reply.backend;
        waiter.resolve(reply.vectors);
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) =>
      this.failAll(new Error(`model worker failed: ${event.message || 'unknown error'}`)),
    );
  }

  /** Vectors of `texts` in input order, as plain arrays. */
  async embed(texts: readonly string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const id = this.next++;
      const batch = texts.slice(i, i + EMBED_BATCH);
      out.push(
        ...(await new Promise<number[][]>((resolve, reject) => {
          this.waiting.set(id, { resolve, reject });
          this.worker.postMessage({ id, texts: batch });
        })),
      );
    }
    return out;
  }

  /** Stops the worker; pending requests fail. */
  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('model worker stopped'));
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
