/**
 * Library packs: what the options page exports and imports. A pack carries
 * each article's text and the metadata a reader saw (given fields, and the
 * inferred ones with their evidence), so importing it re-runs the one
 * analysis and gives the same library: same content-hash ids, same claims.
 *
 * It is a different thing from the corpus CLI's query pack (`pack.ts`), which
 * carries a built claim index and no texts.
 *
 * Reading a file never writes anything: `readLibraryImport` (libraryImport.ts)
 * judges a whole pack or JSON Lines file before the store is touched.
 */
import * as v from 'valibot';
import { ARTICLE_LIMITS, ArticleLineSchema, type ArticleLine } from './articleInput';
import type { ArticleMeta, Inferred } from '../types';
import type { ClaimVectorsJSON } from './packClaimVectors';

/** Format tag and version of a library pack; other versions are refused, never guessed at. */
export const LIBRARY_PACK_FORMAT = 'parallax-library';
export const LIBRARY_PACK_VERSION = 1;

/** Caps on one import: a larger file is refused before it is parsed. */
export const IMPORT_LIMITS = {
  /** Characters of one import file (a pack or JSON Lines). 10,000 typical articles take about 30 MB. */
  chars: 40 * 1024 * 1024,
  /** Articles in one import. */
  articles: 20_000,
} as const;

/** The inferred fields a pack carries, with their evidence (a re-analysis alone would lose a seed's). */
export interface PackInferred {
  dateline?: Inferred<string>;
  creditedAgency?: Inferred<string>;
  inferredDate?: Inferred<string>;
}

/** One article of a library pack: an archive line plus where it came from and what was inferred. */
export type LibraryPackArticle = ArticleLine & { origin?: ArticleMeta['origin']; inferred?: PackInferred };

/** A serialised library pack. */
export interface LibraryPack {
  format: typeof LIBRARY_PACK_FORMAT;
  version: typeof LIBRARY_PACK_VERSION;
  exportedAt: string;
  articles: LibraryPackArticle[];
  /** The claims' sentence vectors (`packClaimVectors.ts`), so an import does not re-embed them. */
  claimVectors?: ClaimVectorsJSON;
}

/** A stored article as the exporter reads it. */
export type ExportableArticle = Pick<ArticleMeta, 'id' | 'title' | 'outlet' | 'date' | 'url' | 'origin' | keyof PackInferred> & {
  text: string;
};

/** Builds a pack from stored articles (pure: the background reads them, the options page downloads the file). */
export function buildLibraryPack(
  articles: readonly ExportableArticle[],
  now: Date = new Date(),
  claimVectors?: ClaimVectorsJSON,
): LibraryPack {
  return {
    format: LIBRARY_PACK_FORMAT,
    version: LIBRARY_PACK_VERSION,
    exportedAt: now.toISOString(),
    articles: articles.map((a) => {
      const out: LibraryPackArticle = { id: a.id, text: a.text, origin: a.origin };
      for (const key of ['title', 'outlet', 'date', 'url'] as const) if (a[key]) out[key] = a[key];
      const inferred: PackInferred = {};
      for (const key of ['dateline', 'creditedAgency', 'inferredDate'] as const) if (a[key]) inferred[key] = a[key];
      if (Object.keys(inferred).length) out.inferred = inferred;
      return out;
    }),
    // Last: a reader tells a pack by its first characters (`"format"`).
    ...(claimVectors ? { claimVectors } : {}),
  };
}

const evidence = v.pipe(
  v.string('must be a string'),
  v.maxLength(ARTICLE_LIMITS.titleChars, `longer than ${ARTICLE_LIMITS.titleChars} characters`),
);
const InferredSchema = v.strictObject(
  {
    value: v.pipe(
      v.string('must be a string'),
      v.maxLength(ARTICLE_LIMITS.shortChars, `longer than ${ARTICLE_LIMITS.shortChars} characters`),
    ),
    inferred: v.literal(true, 'must be true'),
    evidence,
  },
  'must be {"value", "inferred": true, "evidence"} with no other fields',
);

/** One pack article, checked with the one article schema plus the pack's own fields. */
export const LibraryPackArticleSchema = v.object({
  ...ArticleLineSchema.entries,
  origin: v.optional(v.picklist(['seed', 'saved', 'import'], 'must be "seed", "saved" or "import"')),
  inferred: v.optional(
    v.strictObject(
      {
        dateline: v.optional(InferredSchema),
        creditedAgency: v.optional(InferredSchema),
        inferredDate: v.optional(InferredSchema),
      },
      'may only hold dateline, creditedAgency and inferredDate',
    ),
  ),
});

/** The pack's envelope; the articles are judged one by one so every bad one is named. */
export const LibraryPackEnvelopeSchema = v.object({
  format: v.literal(LIBRARY_PACK_FORMAT, `must be "${LIBRARY_PACK_FORMAT}"`),
  version: v.literal(LIBRARY_PACK_VERSION, `must be ${LIBRARY_PACK_VERSION} (this Parallax reads version ${LIBRARY_PACK_VERSION} packs)`),
  exportedAt: v.optional(v.string('must be a string')),
  articles: v.pipe(
    v.array(v.unknown(), 'must be an array'),
    v.maxLength(IMPORT_LIMITS.articles, `at most ${IMPORT_LIMITS.articles} articles per import`),
  ),
  // Checked by `decodeClaimVectors`, which names what is wrong.
  claimVectors: v.optional(v.unknown()),
});
