/**
 * How `corpus query` answers one line, chosen once per pack:
 * - `cards`: the extension's cards exactly (matchPageSentences with its minimum score; only `same` /
 *   `related` links), for comparing the CLI with what a reader sees; with `model`, as the extension
 *   once its sentence model is ready (the pack's claims are embedded when the ranker is made);
 * - ranking, pack with vectors: hybrid retrieval re-ranked by the shipped model (core/library/hybridQuery.ts);
 * - ranking, older pack without vectors: the structural matcher's ranking of every candidate.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lexicon } from '../core/entities';
import { QUERY_KEY, queryPack, type LoadedPack, type PackQuery, type PackResult } from '../core/library';
import { hybridQueryTexts, prepareHybrid, queryHybrid } from '../core/library/hybridQuery';
import { decodePackVectors } from '../core/library/packVectors';
import { ClaimVectors, DEFAULT_MIN_SCORE } from '../core/matching';
import { parseModel, quantise } from '../core/ranking';
import { embedSentences } from '../embed/index';
import { useNodeModel } from '../embed/node';
import { PACK_MODEL } from './embedPack';

/** The shipped re-ranker (scripts/clef/train.ts writes it). */
export const RERANKER_PATH = resolve(import.meta.dirname, '../../models/reranker.json');

/** Answers one query line. */
export type QueryRanker = (query: PackQuery, opts: { top: number; minScore?: number }) => Promise<PackResult[]>;

/**
 * The ranker for a loaded pack (its optional `vectors` key, which `loadPack` keeps as parsed, is
 * read here); `cards` asks for the extension's filtered cards instead of a ranking. `log` says which
 * path was taken, once.
 */
export function createRanker(
  loaded: LoadedPack,
  lexicon: Lexicon,
  options: { cards?: boolean; model?: boolean; log?: (message: string) => void } = {},
): QueryRanker {
  const log = options.log ?? (() => undefined);
  if (options.cards && options.model) return modelCards(loaded, lexicon, log);
  if (options.cards) {
    log('ranking as the extension cards do (structural matcher, filtered)');
    return async (query, opts) => queryPack(loaded, lexicon, query, { top: opts.top, minScore: opts.minScore ?? DEFAULT_MIN_SCORE });
  }
  const vectors = decodePackVectors((loaded.pack as { vectors?: unknown }).vectors);
  if (!vectors || vectors.model !== PACK_MODEL) {
    log(
      vectors
        ? `pack vectors come from ${vectors.model}, not ${PACK_MODEL}: structural ranking`
        : 'pack has no vectors: structural ranking',
    );
    return async (query, opts) => queryPack(loaded, lexicon, query, { top: opts.top, minScore: opts.minScore ?? 0 });
  }
  const hybrid = prepareHybrid(vectors, parseModel(JSON.parse(readFileSync(RERANKER_PATH, 'utf8'))));
  useNodeModel();
  log(`hybrid ranking over ${vectors.ids.length} articles, re-ranked by models/reranker.json (depth ${hybrid.depth})`);
  return async (query, opts) => {
    const embedded = await embedSentences(hybridQueryTexts(query.text));
    return queryHybrid(loaded, lexicon, hybrid, query, embedded, opts);
  };
}

/**
 * The extension's cards with its sentence model: every claim of the pack embedded and quantised as
 * the background stores them, each query embedded, then the same `matchPageSentences`.
 */
function modelCards(loaded: LoadedPack, lexicon: Lexicon, log: (message: string) => void): QueryRanker {
  useNodeModel();
  const claims = loaded.index.claims();
  log(`ranking as the extension cards do with the sentence model (embedding ${claims.length} claims first)`);
  const ready = (async () => {
    const vectors = new ClaimVectors();
    const embedded = await embedSentences(claims.map((c) => c.text));
    claims.forEach((c, i) => vectors.add(c.id, c.articleId, quantise(embedded[i]!)));
    return vectors;
  })();
  return async (query, opts) => {
    const [vectors, [vector]] = await Promise.all([ready, embedSentences([query.text])]);
    const model = { vectors, sentenceVectors: new Map([[QUERY_KEY, vector!]]) };
    return queryPack(loaded, lexicon, query, { top: opts.top, minScore: opts.minScore ?? DEFAULT_MIN_SCORE, model });
  };
}
