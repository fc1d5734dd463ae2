/**
 * Corpus packs: a versioned JSON bundle of analysed articles and their claim
 * index, built by the corpus CLI from a newsroom's or researcher's archive and
 * queried later without re-analysing anything. Pure data code (no file system):
 * the CLI owns reading and atomic writing.
 */
import * as v from 'valibot';
import type { Lexicon } from '../entities';
import { ClaimIndex, type ClaimIndexJSON } from '../matching';
import type { ArticleMeta, Claim, Entity, Relation } from '../types';
import { articleDate } from '../text';
import { matchPageSentences, type PageMatchOptions } from './pageMatch';

/** Format tag and version; readers refuse packs of another version rather than guess. */
export const PACK_FORMAT = 'parallax-pack';
export const PACK_VERSION = 1;

/** One input article: the caller's id plus what analysis knows about it. */
export interface PackArticle {
  /** The id the input line gave (reported back in query results). */
  sourceId: string;
  meta: ArticleMeta;
  /** The cleaned text, so that the options page imports a pack like a library pack (packs of earlier builds lack it). */
  text?: string;
}

/** A serialised corpus pack. */
export interface Pack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  createdAt: string;
  articles: PackArticle[];
  /** Entities discovered in the corpus (the gazetteer itself is not copied). */
  discovered: Entity[];
  index: ClaimIndexJSON;
}

/** One query result: the best claim of one article. */
export interface PackResult {
  articleId: string;
  claim: string;
  score: number;
  /** `same` or `related` as the extension decides; `candidate` is only ranked (`--min-score 0`). */
  relation: Relation;
}

/** Accumulates analysed articles into a pack. */
export class PackBuilder {
  private readonly index = new ClaimIndex();
  private readonly articles: PackArticle[] = [];
  private readonly discovered = new Map<string, Entity>();
  private readonly seen = new Map<string, string>();

  /**
   * Adds one analysed article. Returns the source id of an earlier article with
   * the same content (same content hash) instead of adding a duplicate.
   */
  add(sourceId: string, meta: ArticleMeta, claims: Claim[], discovered: Entity[] = [], text?: string): string | undefined {
    const earlier = this.seen.get(meta.id);
    if (earlier !== undefined) return earlier;
    this.seen.set(meta.id, sourceId);
    this.articles.push(text === undefined ? { sourceId, meta } : { sourceId, meta, text });
    const dated = articleDate(meta);
    this.index.add(claims, dated ? { [meta.id]: dated.date } : undefined);
    for (const e of discovered) if (!this.discovered.has(e.id)) this.discovered.set(e.id, e);
    return undefined;
  }

  /** Number of articles added. */
  get size(): number {
    return this.articles.length;
  }

  /** The finished pack. */
  build(now: Date = new Date()): Pack {
    return {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      createdAt: now.toISOString(),
      articles: this.articles,
      discovered: [...this.discovered.values()],
      index: this.index.toJSON(),
    };
  }
}

// Shallow validation: the envelope and version are checked; the claims inside are
// trusted as our own output (validating 300k claims field by field would double load time).
const PackSchema = v.object({
  format: v.literal(PACK_FORMAT),
  version: v.literal(PACK_VERSION),
  createdAt: v.string(),
  articles: v.array(v.object({ sourceId: v.string(), meta: v.object({ id: v.string() }) })),
  discovered: v.array(v.object({ id: v.string() })),
  index: v.object({
    version: v.literal(1),
    plain: v.boolean(),
    terms: v.array(v.string()),
    cap: v.array(v.number()),
    seen: v.array(v.number()),
    docs: v.array(v.unknown()),
  }),
});

/** A pack ready to query. */
export interface LoadedPack {
  pack: Pack;
  index: ClaimIndex;
  /** Content-hash article id -> the input's id. */
  sourceIds: Map<string, string>;
}

/** Validates parsed pack JSON and rebuilds its index. Throws with the field at fault. */
export function loadPack(json: unknown): LoadedPack {
  const parsed = v.safeParse(PackSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new Error(`not a Parallax pack v${PACK_VERSION}: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  }
  const pack = json as Pack;
  return {
    pack,
    index: ClaimIndex.fromJSON(pack.index),
    sourceIds: new Map(pack.articles.map((a) => [a.meta.id, a.sourceId])),
  };
}

/** One query: a page sentence (or a passage read as one), with the page's date when known. */
export interface PackQuery {
  text: string;
  /** `YYYY-MM-DD`: as the content script sends a page's date. */
  date?: string;
}

/** The key of a query's one sentence in `matchPageSentences` (and in `model.sentenceVectors`). */
export const QUERY_KEY = 'query';

/**
 * The best claim per article for a query, best first, at most `top` articles:
 * the extension's ranking and filter (`matchPageSentences`), so a pack answers
 * as the extension would over the same library. `minScore` 0 ranks every candidate.
 */
export function queryPack(
  loaded: LoadedPack,
  lexicon: Lexicon,
  query: PackQuery,
  opts: { top: number; minScore?: number; model?: PageMatchOptions['model'] },
): PackResult[] {
  const { matches } = matchPageSentences(loaded.index, lexicon, [{ key: QUERY_KEY, text: query.text }], {
    reports: opts.top,
    // With the sentence model (its vector of the query under QUERY_KEY), as the extension once its model is ready.
    ...(opts.model ? { model: opts.model } : {}),
    ...(query.date ? { pageDate: { date: query.date, inferred: false } } : {}),
    ...(opts.minScore !== undefined ? { query: { minScore: opts.minScore } } : {}),
  });
  return (matches[0]?.links ?? []).map((link) => ({
    articleId: loaded.sourceIds.get(link.articleId) ?? link.articleId,
    claim: loaded.index.getClaim(link.claimId)?.text ?? '',
    score: link.score,
    relation: link.relation ?? 'candidate',
  }));
}
