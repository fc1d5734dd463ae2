/**
 * Ranking a pack with its sentence vectors: the hybrid path of `corpus query`, and the shape the
 * extension's library can take once its claims carry vectors.
 *
 *   query text ─► cleanQueryText ─► (caller embeds `hybridQueryTexts`)
 *              ─► HybridIndex.firstStage (BM25 over text + title ∪ cosine over the pack's int8 vectors)
 *              ─► rerankRows ─► rerank with the shipped model: the order and the score
 *   the structural matcher (matchPageSentences, minimum score 0) ─► each article's relation
 *   (same / related / candidate) and its best claim, as the extension decides them
 *
 * Pure: embedding the query is the caller's (it needs the model runtime).
 */
import type { Lexicon } from '../entities';
import { cleanQueryText, HybridIndex, modelDepth, querySentences, rerank, rerankRows, type RerankModel } from '../ranking';
import type { ClaimLink } from '../types';
import type { LoadedPack, PackQuery, PackResult } from './pack';
import type { PackVectors } from './packVectors';
import { matchPageSentences } from './pageMatch';

/** A pack's vectors made ready to rank: the hybrid index, the model and its candidate depth. */
export interface HybridPack {
  vectors: PackVectors;
  index: HybridIndex;
  model: RerankModel;
  depth: number;
}

/** Builds the BM25 indexes over the section's texts and titles (about a second for 10,000 articles). */
export function prepareHybrid(vectors: PackVectors, model: RerankModel): HybridPack {
  const index = new HybridIndex({
    texts: vectors.texts,
    titles: vectors.titles,
    textVectors: vectors.textVectors,
    titleVectors: vectors.titleVectors,
  });
  return { vectors, index, model, depth: modelDepth(model.meta) };
}

/**
 * The texts to embed for a query, in the order `queryHybrid` expects their vectors: the cleaned
 * query, then each of its sentences (a post often wraps the claim in comment; the best part counts).
 */
export function hybridQueryTexts(text: string): string[] {
  const cleaned = cleanQueryText(text);
  return [cleaned, ...querySentences(cleaned)];
}

/**
 * Ranks the pack's articles for one query, best first, at most `top`, dropping scores under
 * `minScore`. The score is the re-ranker's probability (pairwise-trained: it orders candidates, it is
 * not calibrated across queries). `vectors` are the embeddings of `hybridQueryTexts(query.text)`.
 * Articles the structural matcher calls `same` or `related` but neither first-stage signal reached
 * follow the ranked ones, with score 0.
 */
export function queryHybrid(
  loaded: LoadedPack,
  lexicon: Lexicon,
  hybrid: HybridPack,
  query: PackQuery,
  vectors: readonly Float32Array[],
  opts: { top: number; minScore?: number },
): PackResult[] {
  const cleaned = cleanQueryText(query.text);
  const stage = hybrid.index.firstStage({ text: cleaned, vector: vectors[0]!, sentenceVectors: vectors.slice(1) });
  const { candidates, rows } = rerankRows(stage.candidates, hybrid.depth);
  const ranked = rerank(candidates, rows, hybrid.model);

  // The extension's decision for the same text: relation and best claim per article (by input id).
  const { matches } = matchPageSentences(loaded.index, lexicon, [{ key: 'query', text: cleaned || query.text }], {
    reports: Math.max(opts.top, hybrid.depth * 2),
    ...(query.date ? { pageDate: { date: query.date, inferred: false } } : {}),
    query: { minScore: 0 },
  });
  const decided = new Map<string, ClaimLink>();
  for (const link of matches[0]?.links ?? []) {
    const id = loaded.sourceIds.get(link.articleId) ?? link.articleId;
    if (!decided.has(id)) decided.set(id, link);
  }
  const { ids, texts } = hybrid.vectors;
  const result = (id: string, fallbackClaim: string, score: number): PackResult => {
    const link = decided.get(id);
    return {
      articleId: id,
      claim: (link && loaded.index.getClaim(link.claimId)?.text) || fallbackClaim,
      score,
      relation: link?.relation ?? 'candidate',
    };
  };
  const out = ranked.map((r) => result(ids[r.candidate.doc]!, texts[r.candidate.doc]!, r.score));
  const shown = new Set(out.map((r) => r.articleId));
  for (const [id, link] of decided) {
    if (shown.has(id) || (link.relation !== 'same' && link.relation !== 'related')) continue;
    out.push(result(id, '', 0));
  }
  const minScore = opts.minScore ?? 0;
  return out.filter((r) => r.score >= minScore).slice(0, opts.top);
}
