/**
 * The Universal Sentence Encoder lite runtime, independent of where its files come from.
 *
 * The weights, graph and vocabulary are handed in as data (see {@link ModelFiles}); a Node loader
 * (`node.ts`) reads them from `node_modules`, an extension loader (`urls.ts`) fetches them from the
 * extension package. Nothing here touches the network, the file system or the DOM, so the same code
 * runs in the CLI, in tests and in an offscreen page or worker.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfconv from '@tensorflow/tfjs-converter';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';

/** The three things USE-lite is made of, already loaded into memory. */
export interface ModelFiles {
  /** Parsed `model.json`: `{ modelTopology, weightsManifest }`. */
  modelJson: { modelTopology: unknown; weightsManifest: Array<{ paths: string[]; weights: unknown[] }> };
  /** The weight shards, in the order `weightsManifest[0].paths` lists them. */
  shards: ArrayBuffer[];
  /** Parsed `vocab.json`: SentencePiece pieces with their scores. */
  vocabulary: Array<[string, number]>;
}

/** A loaded sentence model. */
export interface Embedder {
  /** Width of every vector (512 for USE-lite). */
  readonly dim: number;
  /** One unit-length vector per text, in input order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Frees the model's tensors. */
  dispose(): void;
}

/** Joins the shards into one buffer, since `fromMemory` takes the weights as a single blob. */
function concatShards(shards: ArrayBuffer[]): ArrayBuffer {
  const total = shards.reduce((n, s) => n + s.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const s of shards) {
    out.set(new Uint8Array(s), at);
    at += s.byteLength;
  }
  return out.buffer;
}

/**
 * Builds an {@link Embedder} from files in memory. The TensorFlow.js backend must already be set
 * (see `backend.ts`); this only builds the graph.
 */
export async function createEmbedder(files: ModelFiles): Promise<Embedder> {
  const manifest = files.modelJson.weightsManifest;
  const specs = manifest.flatMap((group) => group.weights) as tf.io.WeightsManifestEntry[];
  const handler = tf.io.fromMemory({
    modelTopology: files.modelJson.modelTopology as tf.io.ModelArtifacts['modelTopology'],
    weightSpecs: specs,
    weightData: concatShards(files.shards),
  });
  const model = await tfconv.loadGraphModel(handler);
  // The tokenizer is the package's own SentencePiece port, so ids match what the graph was trained on.
  const tokenizer = new Tokenizer(files.vocabulary);
  let dim = 512;

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    // USE-lite takes a sparse [row, position] -> piece id input; an empty text would give an empty row,
    // which the graph rejects, so it is embedded as a single space (a near-zero, harmless vector).
    const encodings = texts.map((t) => {
      const ids = tokenizer.encode(t.trim() === '' ? ' ' : t);
      return ids.length > 0 ? ids : [0];
    });
    const flatIdx: number[] = [];
    const flatIds: number[] = [];
    encodings.forEach((ids, row) => {
      ids.forEach((id, pos) => {
        flatIdx.push(row, pos);
        flatIds.push(id);
      });
    });
    const indices = tf.tensor2d(flatIdx, [flatIds.length, 2], 'int32');
    const values = tf.tensor1d(flatIds, 'int32');
    const out = (await model.executeAsync({ indices, values })) as tf.Tensor2D;
    indices.dispose();
    values.dispose();
    const data = (await out.data()) as Float32Array;
    dim = out.shape[1];
    out.dispose();
    const rows: Float32Array[] = [];
    for (let r = 0; r < texts.length; r++) rows.push(normalise(data.slice(r * dim, (r + 1) * dim)));
    return rows;
  }

  return {
    get dim() {
      return dim;
    },
    embed: embedBatch,
    dispose: () => model.dispose(),
  };
}

/** Scales a vector to unit length in place (USE output is close to unit already; this makes cosine a dot). */
function normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
