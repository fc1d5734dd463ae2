/**
 * The CLEF run's shared first stage: indexes, cached vectors, and per tweet a candidate list (the
 * union of the best BM25 and the best cosine claims) with raw features. Every method in `eval.ts`
 * and the trainer in `train.ts` start from these lists, so they compare like with like.
 */
import {
  Bm25Index,
  HybridIndex,
  LIST_KEYS,
  POOL,
  quantise,
  rerankRows as coreRerankRows,
  topK,
  type FeatureRow,
  type HybridCandidate,
  type QuantisedVector,
} from '../../src/core/ranking/index';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, cachedEmbeddings, hashTexts } from './cache';
import { loadClef, type Claim, type Query } from './data';
import { cleanTweet, tweetSentences } from './preprocess';

/** Version of the first stage's output; bump when a feature or the preprocessing changes. */
export const STAGE_VERSION = 2;

/**
 * One candidate claim for one tweet: the core's first-stage candidate (0-based ranks in the whole
 * library by BM25 of vclaim + title and by the larger cosine; raw features) with its label.
 */
export interface Candidate extends HybridCandidate {
  label: number;
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
  // The core's hybrid index builds the rows, so the CLI and the extension score exactly these features.
  const hybrid = new HybridIndex({
    texts: claims.map((c) => c.vclaim),
    titles: claims.map((c) => c.title),
    textVectors: store(vv),
    titleVectors: store(vt),
  });
  const plain = new Bm25Index(
    claims.map((c) => `${c.vclaim} ${c.title}`),
    { tokens: { stopwords: false, stem: false } },
  );

  const runs: QueryRun[] = queries.map(({ q, split }, qi) => {
    const ids = (docs: number[]) => docs.map((d) => claims[d]!.id);
    const stage = hybrid.firstStage({
      text: cleaned[qi]!,
      vector: vq[qi]!,
      sentenceVectors: sentenceLists[qi]!.map((t) => sentenceVec.get(t)!),
    });
    const cosMean = stage.cosText.map((v, i) => (v + stage.cosTitle[i]!) / 2);
    const candidates = stage.candidates.map((c) => ({ ...c, label: q.rel.has(claims[c.doc]!.id) ? 1 : 0 }));
    if ((qi + 1) % 200 === 0) log(`first stage: ${qi + 1}/${queries.length} tweets`);
    return {
      query: q,
      split,
      plainTop: ids(plain.search(q.text, 5).map((h) => h.doc)),
      cleanTop: ids(stage.bm25Order.slice(0, 5)),
      cosTop: {
        vclaim: ids(top5(stage.cosText)),
        title: ids(top5(stage.cosTitle)),
        max: ids(stage.cosOrder.slice(0, 5)),
        mean: ids(top5(cosMean)),
      },
      candidates,
    };
  });
  return { claims, runs, seconds: (performance.now() - t0) / 1000 };
}

/** Re-exported from the core, where the feature rows are assembled (`src/core/ranking/hybrid.ts`). */
export { LIST_KEYS, POOL };

/**
 * The re-ranker's view of one tweet: the core's `rerankRows` over its candidate list (those within
 * the top `depth` of either signal, with rank and list-relative features).
 */
export function rerankRows(run: QueryRun, depth: number): { candidates: Candidate[]; rows: FeatureRow[] } {
  return coreRerankRows(run.candidates, depth);
}
