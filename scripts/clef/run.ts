/**
 * The CLEF-2020 Task 2 evaluation as a function, for `npm run eval` to print beside the project's
 * other numbers: `const rows = await runClefEval()`. Dev is only ever scored; every choice (blend
 * weight, cosine variant, re-ranker) was made on train.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseModel, type RerankModel } from '../../src/core/ranking/index';
import { blendMethod, mapOf, rerankMethod, tuneBlend, type CosineKey } from './methods';
import { prepare, type Prepared } from './pipeline';
import { MODEL_PATH } from './train';

/** One line of the table: a method with its MAP@5 on train (where it was tuned) and on dev. */
export interface ClefRow {
  method: string;
  train: number;
  dev: number;
  note?: string;
}
export type Rows = ClefRow[];

/** Reads the shipped re-ranker, or undefined when `scripts/clef/train.ts` has not written it yet. */
export function loadReranker(path = MODEL_PATH): RerankModel | undefined {
  return existsSync(path) ? parseModel(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

const COSINE_NAMES: Record<CosineKey, string> = {
  cos_v: 'cosine to vclaim',
  cos_t: 'cosine to title',
  cos_max: 'max cosine of vclaim, title',
};

function rowsFor(prepared: Prepared, model: RerankModel | undefined, suffix: string): Rows {
  const rows: Rows = [];
  const variants = ['vclaim', 'title', 'max', 'mean'] as const;
  const cos = variants.map((v) => ({ v, train: mapOf(prepared, 'train', (r) => r.cosTop[v]) })).sort((a, b) => b.train - a.train)[0]!;
  rows.push({
    method: `USE-lite cosine alone${suffix}`,
    train: cos.train,
    dev: mapOf(prepared, 'dev', (r) => r.cosTop[cos.v]),
    note: `tweet vs ${cos.v === 'max' || cos.v === 'mean' ? `${cos.v} of vclaim, title` : cos.v} (chosen on train)`,
  });
  const blend = tuneBlend(prepared);
  rows.push({
    method: `BM25 + USE-lite min-max blend${suffix}`,
    train: blend.train,
    dev: mapOf(prepared, 'dev', blendMethod(prepared, blend.weight, blend.cos)),
    note: `BM25 weight ${blend.weight}, ${COSINE_NAMES[blend.cos]} (chosen on train)`,
  });
  if (model) {
    const depth = Number((model.meta as { depth?: number } | undefined)?.depth ?? 20);
    const cv = (model.meta as { training?: { cvMap5?: number } } | undefined)?.training?.cvMap5;
    const m = rerankMethod(prepared, model, depth);
    rows.push({
      method: `hybrid + learned re-ranker${suffix}`,
      train: mapOf(prepared, 'train', m),
      dev: mapOf(prepared, 'dev', m),
      note: `models/reranker.json, top ${depth} BM25 ∪ top ${depth} cosine${cv === undefined ? '' : `; train 5-fold CV ${cv.toFixed(3)}`}`,
    });
  }
  return rows;
}

/**
 * Runs every method on CLEF train and dev. `int8` adds the model rows again with int8 claim
 * vectors. `log` receives progress (embedding the claims the first time takes minutes).
 */
export async function runClefEval(options: { int8?: boolean; log?: (s: string) => void; cache?: boolean } = {}): Promise<Rows> {
  const model = loadReranker();
  const prepared = await prepare({ log: options.log, cache: options.cache });
  const rows: Rows = [
    {
      method: 'plain BM25 (baseline)',
      train: mapOf(prepared, 'train', (r) => r.plainTop),
      dev: mapOf(prepared, 'dev', (r) => r.plainTop),
      note: 'k1 1.2, b 0.75, lowercase words of raw tweet vs vclaim + title',
    },
    {
      method: 'BM25, cleaned tweet, folded terms',
      train: mapOf(prepared, 'train', (r) => r.cleanTop),
      dev: mapOf(prepared, 'dev', (r) => r.cleanTop),
      note: 'links, handles, trailer dropped; hashtags split; stopwords, plurals (the first stage)',
    },
    ...rowsFor(prepared, model, ''),
  ];
  if (options.int8)
    rows.push(...rowsFor(await prepare({ int8: true, log: options.log, cache: options.cache }), model, ', int8 claim vectors'));
  return rows;
}
