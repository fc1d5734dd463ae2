/**
 * The ranking methods compared on CLEF, each a function from a tweet's first stage to its top five
 * claim ids, so `eval.ts` and `train.ts` score them the same way.
 */
import { linearBlend, rerank, type RerankModel } from '../../src/core/ranking/index';
import { meanAveragePrecisionAt } from './metrics';
import { rerankRows, type Prepared, type QueryRun } from './pipeline';

/** A method: the ranked claim ids for one tweet. */
export type Method = (run: QueryRun) => string[];

/** MAP@5 of a method over the runs of one split. */
export function mapOf(prepared: Prepared, split: 'train' | 'dev', method: Method, only?: (run: QueryRun) => boolean): number {
  const runs = prepared.runs.filter((r) => r.split === split && (!only || only(r)));
  return meanAveragePrecisionAt(runs.map((r) => ({ ranked: method(r), relevant: r.query.rel })));
}

/** Cosine signals a blend may use. */
export const COSINES = ['cos_v', 'cos_t', 'cos_max'] as const;
export type CosineKey = (typeof COSINES)[number];

/** Min-max blend of BM25 (vclaim + title) and one cosine over the candidate pool. */
export function blendMethod(prepared: Prepared, bm25Weight: number, cos: CosineKey = 'cos_max'): Method {
  return (run) => {
    const cands = run.candidates;
    const s = linearBlend(
      cands.map((c) => c.raw.bm25!),
      cands.map((c) => c.raw[cos]!),
      bm25Weight,
    );
    return cands
      .map((c, i) => ({ id: prepared.claims[c.doc]!.id, s: s[i]! }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 5)
      .map((x) => x.id);
  };
}

/** The cosine and BM25 weight (grid of 0.05) of the blend with the best train MAP@5. */
export function tuneBlend(prepared: Prepared): { weight: number; cos: CosineKey; train: number } {
  let best = { weight: 0, cos: 'cos_max' as CosineKey, train: -1 };
  for (const cos of COSINES) {
    for (let i = 0; i <= 20; i++) {
      const w = i / 20;
      const m = mapOf(prepared, 'train', blendMethod(prepared, w, cos));
      if (m > best.train + 1e-9) best = { weight: w, cos, train: m };
    }
  }
  return best;
}

/** The learned re-ranker over the candidates within `depth` of either first-stage signal. */
export function rerankMethod(prepared: Prepared, model: RerankModel, depth: number): Method {
  return (run) => {
    const { candidates, rows } = rerankRows(run, depth);
    return rerank(candidates, rows, model)
      .slice(0, 5)
      .map((r) => prepared.claims[r.candidate.doc]!.id);
  };
}
