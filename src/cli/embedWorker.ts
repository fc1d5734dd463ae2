/**
 * One embedding worker of `corpus build` (started by embedPack.ts through embedWorker.mjs): loads the
 * shipped sentence model once, then answers each task `{ id, texts }` with the texts' int8 vectors as
 * one transferable buffer `{ id, dim, codes, scales }`, or `{ id, error }`. Quantising here keeps
 * the messages a quarter of float32's size and the main thread free for analysis.
 */
import { parentPort } from 'node:worker_threads';
import { quantise } from '../core/ranking';
import { embedSentences } from '../embed/index';
import { useNodeModel } from '../embed/node';

/** A task from the main thread. */
export interface EmbedTask {
  id: number;
  texts: string[];
}

/** A worker's answer. */
export type EmbedReply = { id: number; dim: number; codes: Int8Array; scales: number[] } | { id: number; error: string };

if (!parentPort) throw new Error('embedWorker: run as a worker thread');
const port = parentPort;
useNodeModel();

// The pool hands each worker all its tasks at once (the main thread may be busy analysing and slow
// to answer a reply with the next task), so tasks queue here and run one after another.
let queue: Promise<void> = Promise.resolve();
port.on('message', (task: EmbedTask) => {
  queue = queue.then(() => run(task));
});

function run(task: EmbedTask): Promise<void> {
  return embedSentences(task.texts, { batchSize: 32 }).then(
    (vectors) => {
      const dim = vectors[0]?.length ?? 0;
      const codes = new Int8Array(vectors.length * dim);
      const scales = vectors.map((v, i) => {
        const q = quantise(v);
        codes.set(q.codes, i * dim);
        return q.scale;
      });
      port.postMessage({ id: task.id, dim, codes, scales } satisfies EmbedReply, [codes.buffer]);
    },
    (e: unknown) => port.postMessage({ id: task.id, error: e instanceof Error ? e.message : String(e) } satisfies EmbedReply),
  );
}
