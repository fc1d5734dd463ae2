/**
 * The generated library's claim vectors, as a library pack carries them (`claimVectors`): every
 * distinct sentence of the articles embedded once with the shipped model, in worker threads on
 * every core (the corpus CLI's pool), and cached in `.cache/bench-claim-vectors.json` by sentence
 * key, so a second bench run embeds nothing. With them an imported pack is not re-embedded in the
 * browser, as the import target says packs are.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { claimTextKey, encodeClaimVectors, type ClaimVectorsJSON } from '../../src/core/library';
import { fromBase64, toBase64 } from '../../src/core/library/packVectors';
import type { QuantisedVector } from '../../src/core/ranking';
import { cleanArticle, splitSentences } from '../../src/core/text';
import { embedInWorkers, PACK_MODEL } from '../../src/cli/embedPack';
import type { GeneratedArticle } from './generate';

const ROOT = path.join(import.meta.dirname, '..', '..');
const CACHE = path.join(ROOT, '.cache', 'bench-claim-vectors.json');
const DIM = 512;

/** The sentences of an article as the import splits them (cleaned text, the one splitter). */
function sentencesOf(article: GeneratedArticle): string[] {
  return splitSentences(cleanArticle(article.text).text).map((s) => s.text);
}

/** Vectors of every distinct sentence of `articles`, by sentence key (embedding what the cache lacks). */
export async function libraryVectors(articles: readonly GeneratedArticle[]): Promise<Map<string, QuantisedVector>> {
  const cache: Record<string, [number, string]> = existsSync(CACHE)
    ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, [number, string]>)
    : {};
  const byKey = new Map<string, string>();
  for (const article of articles) for (const text of sentencesOf(article)) byKey.set(claimTextKey(text), text);
  const missing = [...byKey].filter(([key]) => !cache[key]);
  if (missing.length) {
    process.stderr.write(`embedding ${missing.length} sentences of the generated library (cached afterwards)\n`);
    let last = 0;
    const vectors = await embedInWorkers(
      missing.map(([, text]) => text),
      {
        onProgress: (done, total) => {
          if (Date.now() - last < 10_000) return;
          last = Date.now();
          process.stderr.write(`  ${done} of ${total}\n`);
        },
      },
    ).result;
    missing.forEach(([key], i) => (cache[key] = [vectors[i]!.scale, toBase64(new Uint8Array(vectors[i]!.codes.slice().buffer))]));
    mkdirSync(path.dirname(CACHE), { recursive: true });
    writeFileSync(CACHE, JSON.stringify(cache));
  }
  const out = new Map<string, QuantisedVector>();
  for (const key of byKey.keys()) {
    const [scale, codes] = cache[key]!;
    const bytes = fromBase64(codes);
    out.set(key, { codes: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), scale });
  }
  return out;
}

/** The `claimVectors` section for a pack of `articles`: their sentences' vectors only. */
export function claimVectorsOf(articles: readonly GeneratedArticle[], vectors: ReadonlyMap<string, QuantisedVector>): ClaimVectorsJSON {
  const entries: Array<[string, QuantisedVector]> = [];
  for (const article of articles)
    for (const text of sentencesOf(article)) {
      const key = claimTextKey(text);
      const vector = vectors.get(key);
      if (vector) entries.push([key, vector]);
    }
  return encodeClaimVectors(PACK_MODEL, DIM, entries);
}
