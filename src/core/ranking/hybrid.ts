/**
 * Hybrid retrieval and the re-ranker's feature rows, in one place so that the CLEF scripts (which
 * trained and score `models/reranker.json`), the corpus CLI and the extension build identical rows:
 *
 *   library (text, title, their vectors) ─► HybridIndex
 *   query (cleaned text, its vector, its sentences' vectors)
 *     ─► firstStage: BM25 and cosine over every document, the best POOL of each, raw features
 *     ─► rerankRows: candidates within `depth` of either ranking, ranks and list-relative features
 *     ─► rerank(candidates, rows, model)
 *
 * Pure TypeScript over arrays: embedding happens outside (it needs a model runtime).
 */
import { Bm25Index, topK } from './bm25';
import { addListFeatures, overlapFeatures, type FeatureRow } from './features';
import { cosineAll, type QuantisedVector } from './vectors';

/** How many documents each first-stage signal (BM25, cosine) contributes to a query's pool. */
export const POOL = 50;

/** Scores that get list-relative features (see `addListFeatures`). */
export const LIST_KEYS = ['bm25', 'bm25_v', 'bm25_t', 'cos_v', 'cos_t', 'cos_max', 'cos_s_v', 'cos_s_t'] as const;

/** Every feature the shipped re-ranker reads, by name, in the order its file lists them. */
export const RERANK_FEATURES: readonly string[] = [
  'bm25', 'bm25_v', 'bm25_t', 'cos_v', 'cos_t', 'cos_max', 'cos_s_v', 'cos_s_t',
  'idf_cover', 'idf_cover_c', 'rare_shared', 'num_shared', 'num_clash', 'name_shared', 'name_cover', 'len_ratio',
  'bm25_rank', 'cos_rank',
  ...LIST_KEYS.flatMap((k) => [`${k}_mm`, `${k}_top`, `${k}_gap`]),
]; // prettier-ignore

/** A stored sentence vector: float, or int8 as the extension and packs keep them. */
export type StoredVector = ArrayLike<number> | QuantisedVector;

/** The library as the hybrid ranker sees it: position `i` of every list is document `i`. */
export interface HybridDocs {
  texts: readonly string[];
  /** `''` where a document has no title. */
  titles: readonly string[];
  textVectors: readonly StoredVector[];
  /** An all-zero vector where a document has no title (its cosine is then 0). */
  titleVectors: readonly StoredVector[];
}

/** One query: its cleaned text (see `cleanQueryText`), its vector and its sentences' vectors. */
export interface HybridQuery {
  text: string;
  vector: ArrayLike<number>;
  sentenceVectors: ReadonlyArray<ArrayLike<number>>;
}

/** A first-stage candidate: document position, 0-based ranks in the whole library, raw features. */
export interface HybridCandidate {
  doc: number;
  bm25Rank: number;
  cosRank: number;
  raw: FeatureRow;
}

/** A query's first stage: the pool, and the full score lists for callers that rank by one signal. */
export interface FirstStage {
  candidates: HybridCandidate[];
  bm25: Float64Array;
  cosText: Float64Array;
  cosTitle: Float64Array;
  cosMax: Float64Array;
  /** Every document, best first, by BM25 and by the larger cosine (ties by position). */
  bm25Order: number[];
  cosOrder: number[];
}

/** Documents best first (ties by position), zero scores included. */
const order = (scores: Float64Array): number[] => topK(scores, scores.length, true).map((h) => h.doc);

/** BM25 indexes (text + title, text, title) and stored vectors over one library. */
export class HybridIndex {
  readonly all: Bm25Index;
  private readonly onText: Bm25Index;
  private readonly onTitle: Bm25Index;

  constructor(private readonly docs: HybridDocs) {
    this.all = new Bm25Index(docs.texts.map((t, i) => `${t} ${docs.titles[i] ?? ''}`));
    this.onText = new Bm25Index(docs.texts);
    this.onTitle = new Bm25Index(docs.titles);
  }

  /** Number of documents. */
  get size(): number {
    return this.docs.texts.length;
  }

  /** The pool (best `pool` by BM25 ∪ best `pool` by cosine) with each candidate's raw features. */
  firstStage(query: HybridQuery, pool = POOL): FirstStage {
    const { texts, titles, textVectors, titleVectors } = this.docs;
    const cosText = cosineAll(query.vector, textVectors);
    const cosTitle = cosineAll(query.vector, titleVectors);
    const cosMax = cosText.map((v, i) => Math.max(v, cosTitle[i]!));
    const bm25 = this.all.scoreAll(query.text);
    const bm25Order = order(bm25);
    const cosOrder = order(cosMax);
    const bmRank = new Map(bm25Order.map((d, r) => [d, r]));
    const cosRank = new Map(cosOrder.map((d, r) => [d, r]));
    const docs = [...new Set([...bm25Order.slice(0, pool), ...cosOrder.slice(0, pool)])];
    const bmText = this.onText.scoreAll(query.text);
    const bmTitle = this.onTitle.scoreAll(query.text);
    // The query's own vector and each of its sentences': the best-matching part of a post is the claim.
    const parts = [query.vector, ...query.sentenceVectors];
    const bestPart = (v: StoredVector) => Math.max(...parts.map((p) => cosineAll(p, [v])[0]!));
    const idf = (t: string) => this.all.idf(t);
    const candidates = docs.map((doc) => ({
      doc,
      bm25Rank: bmRank.get(doc)!,
      cosRank: cosRank.get(doc)!,
      raw: {
        bm25: bm25[doc]!,
        bm25_v: bmText[doc]!,
        bm25_t: bmTitle[doc]!,
        cos_v: cosText[doc]!,
        cos_t: cosTitle[doc]!,
        cos_max: cosMax[doc]!,
        cos_s_v: bestPart(textVectors[doc]!),
        cos_s_t: bestPart(titleVectors[doc]!),
        ...overlapFeatures(query.text, `${texts[doc]} ${titles[doc] ?? ''}`, idf),
      },
    }));
    return { candidates, bm25, cosText, cosTitle, cosMax, bm25Order, cosOrder };
  }
}

/**
 * The re-ranker's view of one query: the candidates within the top `depth` of either signal, each
 * with its raw features, log-rank features and list-relative features (rows are new objects; the
 * candidates' `raw` is not changed).
 */
export function rerankRows<C extends HybridCandidate>(pool: readonly C[], depth: number): { candidates: C[]; rows: FeatureRow[] } {
  const candidates = pool.filter((c) => c.bm25Rank < depth || c.cosRank < depth);
  const rows = candidates.map((c) => ({
    ...c.raw,
    bm25_rank: Math.log1p(c.bm25Rank),
    cos_rank: Math.log1p(c.cosRank),
  }));
  addListFeatures(rows, LIST_KEYS);
  return { candidates, rows };
}

/** The candidate depth a shipped model was trained for (its `meta.depth`), else `fallback`. */
export function modelDepth(meta: Record<string, unknown> | undefined, fallback = 10): number {
  const depth = Number((meta as { depth?: unknown } | undefined)?.depth);
  return Number.isInteger(depth) && depth > 0 ? depth : fallback;
}
