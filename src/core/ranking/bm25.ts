/**
 * Okapi BM25 over folded word tokens, with an inverted index so a query touches only the documents
 * that share a term with it (10,000 claims answer in well under a millisecond per query).
 */
import { foldTokens, type TokenOptions } from './tokens';

/** BM25 parameters; the defaults are the usual k1 1.2, b 0.75. */
export interface Bm25Params {
  k1?: number;
  b?: number;
  tokens?: TokenOptions;
}

/** One scored document. */
export interface Hit {
  doc: number;
  score: number;
}

/** A BM25 index over a fixed list of texts; documents are addressed by their position. */
export class Bm25Index {
  private readonly postings = new Map<string, { docs: number[]; tfs: number[] }>();
  private readonly lengths: Float64Array;
  private readonly avgLength: number;
  private readonly k1: number;
  private readonly b: number;
  readonly tokenOptions: TokenOptions;

  constructor(texts: readonly string[], params: Bm25Params = {}) {
    this.k1 = params.k1 ?? 1.2;
    this.b = params.b ?? 0.75;
    this.tokenOptions = params.tokens ?? {};
    this.lengths = new Float64Array(texts.length);
    let total = 0;
    texts.forEach((text, doc) => {
      const tokens = foldTokens(text, this.tokenOptions);
      this.lengths[doc] = tokens.length;
      total += tokens.length;
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, n] of tf) {
        let p = this.postings.get(term);
        if (!p) this.postings.set(term, (p = { docs: [], tfs: [] }));
        p.docs.push(doc);
        p.tfs.push(n);
      }
    });
    this.avgLength = texts.length > 0 ? total / texts.length : 0;
  }

  /** Number of documents. */
  get size(): number {
    return this.lengths.length;
  }

  /** Inverse document frequency (Lucene's non-negative form); 0 for an unknown term. */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    if (df === 0) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** BM25 score of every document sharing a term with the query, as a dense array. */
  scoreAll(query: string): Float64Array {
    const scores = new Float64Array(this.size);
    // Each distinct query term counts once: tweets repeat hashtags, which should not multiply weight.
    for (const term of new Set(foldTokens(query, this.tokenOptions))) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = this.idf(term);
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i]!;
        const tf = p.tfs[i]!;
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / (this.avgLength || 1));
        scores[doc]! += (idf * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }

  /** The `k` best documents for a query, best first (ties by position, so results are stable). */
  search(query: string, k: number): Hit[] {
    return topK(this.scoreAll(query), k);
  }
}

/** The `k` largest positive entries of a score array, best first; ties broken by lower index. */
export function topK(scores: ArrayLike<number>, k: number, keepZero = false): Hit[] {
  const hits: Hit[] = [];
  for (let doc = 0; doc < scores.length; doc++) {
    const score = scores[doc]!;
    if (!keepZero && score <= 0) continue;
    if (hits.length < k) {
      hits.push({ doc, score });
      if (hits.length === k) hits.sort(byScore);
    } else if (score > hits[k - 1]!.score) {
      hits[k - 1] = { doc, score };
      // One insertion step keeps the list sorted without a full sort per document.
      for (let i = k - 1; i > 0 && byScore(hits[i]!, hits[i - 1]!) < 0; i--) [hits[i], hits[i - 1]] = [hits[i - 1]!, hits[i]!];
    }
  }
  return hits.length < k ? hits.sort(byScore) : hits;
}

function byScore(a: Hit, b: Hit): number {
  return b.score - a.score || a.doc - b.doc;
}
