/**
 * Embeddings cached on disk under `.cache/clef/`, so the 10,375 claims are embedded once, not per run.
 * Each set is `<name>.f32` (rows of float32) plus `<name>.json` (count, dim, a hash of the texts), so a
 * changed text list or preprocessing is noticed and re-embedded rather than silently reused. Writes
 * are flushed every few batches, and an interrupted run resumes where it stopped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { embedSentences } from '../../src/embed/index';
import { useNodeModel } from '../../src/embed/node';

export const CACHE_DIR = resolve(import.meta.dirname, '../../.cache/clef');

interface Meta {
  hash: string;
  count: number;
  done: number;
  dim: number;
}

/** FNV-1a over the texts, enough to tell one list from another. */
export function hashTexts(texts: string[]): string {
  let h = 0x811c9dc5;
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return (h >>> 0).toString(16) + ':' + texts.length;
}

let modelReady = false;

/**
 * Vectors for `texts`, from the cache when it holds this exact list, else embedded (and cached).
 * `log` receives progress lines.
 */
export async function cachedEmbeddings(name: string, texts: string[], log: (s: string) => void = () => undefined): Promise<Float32Array[]> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const binPath = join(CACHE_DIR, `${name}.f32`);
  const metaPath = join(CACHE_DIR, `${name}.json`);
  const hash = hashTexts(texts);
  let meta: Meta | undefined;
  let rows: Float32Array[] = [];
  if (existsSync(metaPath) && existsSync(binPath)) {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
    if (meta.hash === hash) {
      const buf = readFileSync(binPath);
      const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
      for (let r = 0; r < meta.done; r++) rows.push(all.subarray(r * meta.dim, (r + 1) * meta.dim));
      if (meta.done === texts.length) return rows;
    } else rows = [];
  }
  if (!modelReady) {
    useNodeModel();
    modelReady = true;
  }
  const start = performance.now();
  const from = rows.length;
  const chunk = 1024;
  for (let i = from; i < texts.length; i += chunk) {
    rows.push(...(await embedSentences(texts.slice(i, i + chunk), { batchSize: 32 })));
    const dim = rows[0]!.length;
    const flat = new Float32Array(rows.length * dim);
    rows.forEach((r, k) => flat.set(r, k * dim));
    writeFileSync(binPath, flat);
    writeFileSync(metaPath, JSON.stringify({ hash, count: texts.length, done: rows.length, dim } satisfies Meta));
    const secs = (performance.now() - start) / 1000;
    log(
      `${name}: ${rows.length}/${texts.length} embedded, ${secs.toFixed(0)} s, ${((secs * 1000) / (rows.length - from)).toFixed(1)} ms each`,
    );
  }
  return rows;
}
