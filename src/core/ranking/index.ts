/**
 * Ranking: the second stage of claim matching. Lexical retrieval (BM25 over folded words), sentence
 * vectors (int8 storage, cosine), fusion of the two, named features for a candidate, and a learned
 * re-ranker shipped as JSON. Pure TypeScript: no DOM, no Node, so the extension and the CLI share it.
 *
 * A caller's path: candidates from `Bm25Index.search` ∪ `topK(cosineAll(...))`; one `FeatureRow` per
 * candidate (its own scores, `overlapFeatures`, then `addListFeatures` over the list); then
 * `rerank(candidates, rows, model)` with a model from `parseModel(json)`.
 */
export { fold, foldTokens, stemPlural, numbersIn, namedTokens, type TokenOptions } from './tokens';
export { Bm25Index, topK, type Bm25Params, type Hit } from './bm25';
export { dot, cosine, quantise, dequantise, cosineQuantised, cosineAll, type QuantisedVector } from './vectors';
export { minMax, linearBlend, ranksOf, reciprocalRank } from './fusion';
export { overlapFeatures, addListFeatures, type FeatureRow, type IdfLookup } from './features';
export {
  scoreCandidates,
  rerank,
  logit,
  parseModel,
  toVector,
  type RerankModel,
  type LogisticModel,
  type GbdtModel,
  type TreeNode,
  type Ranked,
} from './model';
export { trainReranker, fitLogistic, standardisation, type TrainOptions } from './train';
export { splitCamel, cleanQueryText, querySentences } from './queryText';
export {
  HybridIndex,
  rerankRows,
  modelDepth,
  POOL,
  LIST_KEYS,
  RERANK_FEATURES,
  type HybridDocs,
  type HybridQuery,
  type HybridCandidate,
  type FirstStage,
  type StoredVector,
} from './hybrid';
