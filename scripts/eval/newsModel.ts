/**
 * The sentence model on the real news pairs: every side embedded once with the shipped model
 * (cached in .cache/news-vectors.json by text hash), then the relation decision run with the model's
 * nearest neighbours judged beside the lexical candidates. The cosine calibration is swept on the
 * train half (the best `same` F1 whose precision is not below the lexical matcher's there); dev
 * only reports.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lexicon } from '../../src/core/entities';
import { MODEL_CALIBRATION, type ModelCalibration } from '../../src/core/matching';
import { contentHash } from '../../src/core/text';
import { embedSentences } from '../../src/embed';
import { useNodeModel } from '../../src/embed/node';
import { runPairs, scoreLabel, sideId, split, type NewsPair, type PairOutcome } from './newsPairs';

/** Embeddings of texts with the shipped model, by text, from the cache (.cache/eval-vectors.json) where present. */
export async function textVectors(root: string, texts: readonly string[]): Promise<Map<string, Float32Array>> {
  const file = join(root, '.cache', 'eval-vectors.json');
  const cache: Record<string, number[]> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>) : {};
  const missing = [...new Set(texts)].filter((t) => !cache[contentHash(t)]);
  if (missing.length) {
    useNodeModel();
    const vectors = await embedSentences(missing);
    missing.forEach((t, i) => (cache[contentHash(t)] = Array.from(vectors[i]!)));
    mkdirSync(join(root, '.cache'), { recursive: true });
    writeFileSync(file, JSON.stringify(cache));
  }
  return new Map(texts.map((t) => [t, Float32Array.from(cache[contentHash(t)]!)]));
}

/** Embeddings of every side, by side id. */
export async function sideVectors(root: string, pairs: NewsPair[]): Promise<Map<string, Float32Array>> {
  const sides = [...new Map(pairs.flatMap((p) => [p.a, p.b]).map((s) => [sideId(s), s])).values()];
  const byText = await textVectors(
    root,
    sides.map((s) => s.text),
  );
  return new Map(sides.map((s) => [sideId(s), byText.get(s.text)!]));
}

const f1 = (o: PairOutcome[]) => {
  const s = scoreLabel(o, 'same');
  return s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
};

/** Sweeps the calibration on train; returns every point and the chosen one. */
export function sweepCalibration(
  pairs: NewsPair[],
  lexicon: Lexicon,
  vectors: Map<string, Float32Array>,
): { points: Array<{ calibration: ModelCalibration; train: PairOutcome[] }>; best: ModelCalibration } {
  const train = pairs.filter((p) => split(p.event) === 'train');
  const floor = scoreLabel(runPairs(train, lexicon), 'same').precision;
  const points: Array<{ calibration: ModelCalibration; train: PairOutcome[] }> = [];
  for (const from of [0.55, 0.6, 0.65, 0.7, 0.75])
    for (const to of [0.9, 1.0, 1.2])
      for (const same of [0.8, 0.85, 0.9, 1.01]) {
        const calibration = { from, to, same };
        points.push({ calibration, train: runPairs(train, lexicon, { model: { vectors, calibration } }) });
      }
  const eligible = points.filter((p) => scoreLabel(p.train, 'same').precision >= floor);
  const best = (eligible.length ? eligible : points).reduce((a, b) => (f1(b.train) > f1(a.train) ? b : a));
  return { points, best: best.calibration };
}

/** Outcomes with the shipped calibration (MODEL_CALIBRATION) on every pair. */
export function runWithModel(pairs: NewsPair[], lexicon: Lexicon, vectors: Map<string, Float32Array>): PairOutcome[] {
  return runPairs(pairs, lexicon, { model: { vectors, calibration: MODEL_CALIBRATION } });
}
