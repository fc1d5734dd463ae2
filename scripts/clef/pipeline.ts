/**
 * The CLEF run's shared first stage: indexes, cached vectors, and per tweet a candidate list (the
 * union of the best BM25 and the best cosine claims) with raw features. Every method in `eval.ts`
 * and the trainer in `train.ts` start from these lists, so they compare like with like.
 */
import {
  Bm25Index,
  addListFeatures,
  cosineAll,
  overlapFeatures,
  quantise,
  topK,
  type FeatureRow,
  type QuantisedVector,
} from '../../src/core/ranking/index';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, cachedEmbeddings, hashTexts } from './cache';
import { loadClef, type Claim, type Query } from './data';
import { cleanTweet, tweetSentences } from './preprocess';

/** Version of the first stage's output; bump when a feature or the preprocessing changes. */
export const STAGE_VERSION = 2;

/** How many claims each first-stage signal contributes to a tweet's candidate list. */
export const POOL = 50;

/** One candidate claim for one tweet, with its raw (list-independent) features. */
export interface Candidate {
  doc: number;
  label: number;
  /** 0-based rank in the whole library by BM25 (vclaim + title) and by cosine (max of vclaim, title). */
  bm25Rank: number;
  cosRank: number;
  raw: FeatureRow;
}

/** One tweet's first stage. */
export interface QueryRun {
  query: Query;
  split: 'train' | 'dev';
  /** Top five by plain BM25 (raw tweet, lowercase words, no stopwords or stemming): the baseline. */
  plainTop: string[];
  /** Top five by BM25 over the cleaned tweet and folded terms (the first stage's lexical signal). */
  cleanTop: string[];
  /** Top five by each cosine alone. */
  cosTop: Record<'vclaim' | 'title' | 'max' | 'mean', string[]>;
  candidates: Candidate[];
}

/** Everything the methods need. */
export interface Prepared {
  claims: Claim[];
  runs: QueryRun[];
  /** Seconds spent building (excluding embedding). */
  seconds: number;
}

/** Documents best first (ties by position). */
const byScoreOrder = (scores: Float64Array) => topK(scores, scores.length, true).map((h) => h.doc);
/** The five best documents, without sorting the rest. */
const top5 = (scores: Float64Array) => topK(scores, 5, true).map((h) => h.doc);

/**
 * Builds the first stage for train and dev. `int8` scores cosines against int8-quantised claim
 * vectors, as the extension stores them; `log` receives progress lines.
 */
export async function prepare(options: { int8?: boolean; log?: (s: string) => void; cache?: boolean } = {}): Promise<Prepared> {
  const log = options.log ?? (() => undefined);
  const { claims, train, dev } = loadClef();
  // The first stage takes a minute or two on this machine; scripts run it once and reuse it, keyed by
  // STAGE_VERSION (bump it when features or preprocessing change) and the data.
  const cacheFile = join(CACHE_DIR, `stage-v${STAGE_VERSION}${options.int8 ? '-int8' : ''}.json`);
  const key = hashTexts([...claims.map((c) => c.vclaim + c.title), ...train.map((q) => q.text), ...dev.map((q) => q.text)]);
  if (options.cache && existsSync(cacheFile)) {
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; runs: Array<Omit<QueryRun, 'query'> & { qid: string }> };
    if (saved.key === key) {
      const byId = new Map([...train, ...dev].map((q) => [q.id, q]));
      return { claims, runs: saved.runs.map(({ qid, ...r }) => ({ ...r, query: byId.get(qid)! })), seconds: 0 };
    }
  }
  const built = await build(claims, train, dev, options.int8 ?? false, log);
  if (options.cache)
    writeFileSync(cacheFile, JSON.stringify({ key, runs: built.runs.map(({ query, ...r }) => ({ ...r, qid: query.id })) }));
  return built;
}

async function build(claims: Claim[], train: Query[], dev: Query[], int8: boolean, log: (s: string) => void): Promise<Prepared> {
  const queries = [...train.map((q) => ({ q, split: 'train' as const })), ...dev.map((q) => ({ q, split: 'dev' as const }))];
  const cleaned = queries.map(({ q }) => cleanTweet(q.text));
  const [vv, vt, vq] = [
    await cachedEmbeddings(
      'vclaim',
      claims.map((c) => c.vclaim),
      log,
    ),
    await cachedEmbeddings(
      'title',
      claims.map((c) => c.title),
      log,
    ),
    await cachedEmbeddings('tweets', cleaned, log),
  ];
  const sentenceLists = cleaned.map(tweetSentences);
  const sentenceTexts = [...new Set(sentenceLists.flat())];
  const sentenceVecs = await cachedEmbeddings('sentences', sentenceTexts, log);
  const sentenceVec = new Map(sentenceTexts.map((t, i) => [t, sentenceVecs[i]!]));
  const t0 = performance.now();
  const store = (vs: Float32Array[]): Array<Float32Array | QuantisedVector> => (int8 ? vs.map(quantise) : vs);
  const [sv, st] = [store(vv), store(vt)];
  const both = claims.map((c) => `${c.vclaim} ${c.title}`);
  const plain = new Bm25Index(both, { tokens: { stopwords: false, stem: false } });
  const all = new Bm25Index(both);
  const onV = new Bm25Index(claims.map((c) => c.vclaim));
  const onT = new Bm25Index(claims.map((c) => c.title));
  const idf = (t: string) => all.idf(t);

  const runs: QueryRun[] = queries.map(({ q, split }, qi) => {
    const text = cleaned[qi]!;
    const ids = (docs: number[]) => docs.map((d) => claims[d]!.id);
    const cosV = cosineAll(vq[qi]!, sv);
    const cosT = cosineAll(vq[qi]!, st);
    const cosMax = cosV.map((v, i) => Math.max(v, cosT[i]!));
    const cosMean = cosV.map((v, i) => (v + cosT[i]!) / 2);
    const bm = all.scoreAll(text);
    const bmOrder = byScoreOrder(bm);
    const cosOrder = byScoreOrder(cosMax);
    const bmRank = new Map(bmOrder.map((d, r) => [d, r]));
    const cosRank = new Map(cosOrder.map((d, r) => [d, r]));
    const pool = [...new Set([...bmOrder.slice(0, POOL), ...cosOrder.slice(0, POOL)])];
    const bmV = onV.scoreAll(text);
    const bmT = onT.scoreAll(text);
    // The tweet's own vector and each of its sentences': the best-matching part of a tweet is the claim.
    const parts = [vq[qi]!, ...sentenceLists[qi]!.map((t) => sentenceVec.get(t)!)];
    const bestPart = (v: Float32Array | QuantisedVector) => Math.max(...parts.map((p) => cosineAll(p, [v])[0]!));
    const candidates = pool.map((doc) => {
      const c = claims[doc]!;
      return {
        doc,
        label: q.rel.has(c.id) ? 1 : 0,
        bm25Rank: bmRank.get(doc)!,
        cosRank: cosRank.get(doc)!,
        raw: {
          bm25: bm[doc]!,
          bm25_v: bmV[doc]!,
          bm25_t: bmT[doc]!,
          cos_v: cosV[doc]!,
          cos_t: cosT[doc]!,
          cos_max: cosMax[doc]!,
          cos_s_v: bestPart(sv[doc]!),
          cos_s_t: bestPart(st[doc]!),
          ...overlapFeatures(text, `${c.vclaim} ${c.title}`, idf),
        },
      };
    });
    if ((qi + 1) % 200 === 0) log(`first stage: ${qi + 1}/${queries.length} tweets`);
    return {
      query: q,
      split,
      plainTop: ids(plain.search(q.text, 5).map((h) => h.doc)),
      cleanTop: ids(bmOrder.slice(0, 5)),
      cosTop: {
        vclaim: ids(top5(cosV)),
        title: ids(top5(cosT)),
        max: ids(cosOrder.slice(0, 5)),
        mean: ids(top5(cosMean)),
      },
      candidates,
    };
  });
  return { claims, runs, seconds: (performance.now() - t0) / 1000 };
}

/** Keys that get list-relative features (see `addListFeatures`). */
export const LIST_KEYS = ['bm25', 'bm25_v', 'bm25_t', 'cos_v', 'cos_t', 'cos_max', 'cos_s_v', 'cos_s_t'] as const;

/**
 * The re-ranker's view of one tweet: candidates within the top `depth` of either signal, each with
 * its raw features, rank features and list-relative features.
 */
export function rerankRows(run: QueryRun, depth: number): { candidates: Candidate[]; rows: FeatureRow[] } {
  const candidates = run.candidates.filter((c) => c.bm25Rank < depth || c.cosRank < depth);
  const rows = candidates.map((c) => ({
    ...c.raw,
    bm25_rank: Math.log1p(c.bm25Rank),
    cos_rank: Math.log1p(c.cosRank),
  }));
  addListFeatures(rows, LIST_KEYS);
  return { candidates, rows };
}
