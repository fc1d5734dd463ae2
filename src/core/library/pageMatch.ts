/**
 * The one ranking and filter of a page's sentences against a library, shared
 * by the extension's `matchSentences`, the corpus CLI's `query` and the
 * evaluation, so all three rank alike:
 *
 *   sentences ─► analyzePageSentences (in page order: one spotting context, speakers, the page date)
 *             ─► ClaimIndex.query (the page's stored copy excluded)
 *             ─► with sentence vectors: nearest stored claims, judged alike (ClaimIndex.judge), merged
 *             ─► the page's own text found under another URL? (many word-for-word sentences of one article)
 *             ─► the best claim of each other article, the best few articles per sentence
 *
 * Pure: the caller finds the page's stored copy and turns links into reports.
 */
import { createSpotContext, type Lexicon } from '../entities';
import { linksByMeaning, mergeLinks, type ClaimIndex, type ModelCalibration, type NearestClaims, type QueryOptions } from '../matching';
import type { Claim, ClaimLink } from '../types';
import { analyzePageSentences } from './analyze';
import type { ArticleDate } from '../text';

/** Reports per page sentence by default: the best claim of each of the best few articles. */
export const REPORTS_PER_SENTENCE = 5;

/**
 * A stored article is the page's own copy (saved under another URL, or the
 * same wire text) when at least this share of the page's sentences, and at
 * least `SELF_MIN_EXACT` of them, are word-for-word sentences of it.
 */
const SELF_SHARE = 0.4;
const SELF_MIN_EXACT = 3;

/**
 * One sentence of the page; `key` is the caller's id for it (the content script's, a query line's).
 * `block`: the page paragraph it came from, so "It said ..." resolves to the speaker before it.
 */
export interface PageSentence {
  key: string;
  text: string;
  block?: number;
}

/** How to match one page (or one batch of it). */
export interface PageMatchOptions {
  /** The page's date, given or inferred: it resolves "on Monday" and keeps other days' events apart. */
  pageDate?: ArticleDate;
  /** The page's stored copy (found by its URL): left out of the index walk. */
  ownArticleId?: string;
  /** Articles recognised as this page's text in an earlier batch: never reported. */
  knownSelf?: readonly string[];
  /** Articles reported per sentence, at most. */
  reports?: number;
  /**
   * Claims kept per article (default 1: a reader compares outlets, not sentences of one outlet).
   * The evaluation also asks for every claim, to tell ranking misses from what the filter hides.
   */
  perArticle?: number;
  /** Index options passed through (`minScore`: 0 ranks every candidate; the index's default matches). */
  query?: Omit<QueryOptions, 'top' | 'excludeArticleId' | 'pageDate'>;
  /**
   * The sentence model's part: the library's claim vectors and the page sentences' vectors (by
   * key). Sentences with a vector also get the stored claims nearest in meaning, judged like the
   * lexical candidates. Absent: words alone, as when the model has not loaded.
   */
  model?: { vectors: NearestClaims; sentenceVectors: ReadonlyMap<string, Float32Array>; calibration?: ModelCalibration };
}

/** Nearest claims asked of the model per sentence. */
export const MODEL_NEIGHBOURS = 8;

/** A page sentence with its analysis and the best claim of each matching article, best first. */
export interface SentenceLinks {
  key: string;
  page: Claim;
  links: ClaimLink[];
}

/** The page's matches, and the stored articles recognised as the page's own text (for the caller to remember). */
export interface PageMatches {
  matches: SentenceLinks[];
  recognisedSelf: string[];
}

/** Sentence text compared for identity: case, quotes, dashes and spacing do not count. */
function sameSentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`\u2013\u2014-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The lexical links merged with the model's, when the sentence has a vector. */
function modelLinks(
  index: ClaimIndex,
  page: Claim,
  options: PageMatchOptions,
  vector: Float32Array | undefined,
  self: ReadonlySet<string>,
  lexical: ClaimLink[],
): ClaimLink[] {
  const model = options.model;
  if (!model || !vector) return lexical;
  const exclude = new Set([...self, ...(options.ownArticleId ? [options.ownArticleId] : [])]);
  const judged = linksByMeaning(index, model.vectors, page, vector, {
    exclude,
    neighbours: MODEL_NEIGHBOURS,
    ...(model.calibration ? { calibration: model.calibration } : {}),
    ...(options.pageDate ? { pageDate: options.pageDate.date } : {}),
  });
  return mergeLinks(lexical, judged);
}

/** Finds the stored claims that report what each page sentence says. Sentences with none are left out. */
export function matchPageSentences(
  index: ClaimIndex,
  lexicon: Lexicon,
  sentences: readonly PageSentence[],
  options: PageMatchOptions = {},
): PageMatches {
  const reports = options.reports ?? REPORTS_PER_SENTENCE;
  const perArticle = options.perArticle ?? 1;
  const { pageDate } = options;
  const self = new Set(options.knownSelf ?? []);
  const excluded = options.ownArticleId;
  // One spotting context per page: a bare surname resolves once the page has named the person in full.
  const context = createSpotContext();
  const queried: SentenceLinks[] = [];
  const exactByArticle = new Map<string, number>();
  const kept = sentences.filter((s) => s.text.trim());
  const analysed = analyzePageSentences(kept, lexicon, {
    context,
    ...(pageDate ? { date: pageDate.date, dateInferred: pageDate.inferred } : {}),
  });
  for (const [i, { key, text }] of kept.entries()) {
    const page = analysed[i]!;
    // Twice the reports plus one: several claims of one article may rank high, and one may be the page's own copy.
    // Relations on by default: every link says same / related / candidate, as the reader and the CLI see it.
    const lexical = index.query(page, {
      relations: true,
      ...options.query,
      top: reports * 2 + 1,
      ...(excluded ? { excludeArticleId: excluded } : {}),
      ...(pageDate ? { pageDate: pageDate.date } : {}),
    });
    const links = modelLinks(index, page, options, options.model?.sentenceVectors.get(key), self, lexical);
    const textKey = sameSentenceKey(text);
    for (const link of links) {
      if (sameSentenceKey(index.getClaim(link.claimId)?.text ?? '') === textKey) {
        exactByArticle.set(link.articleId, (exactByArticle.get(link.articleId) ?? 0) + 1);
      }
    }
    queried.push({ key, page, links });
  }
  // The page's own text in the library is not "another outlet's report" of it.
  const recognisedSelf: string[] = [];
  for (const [articleId, exact] of exactByArticle) {
    if (exact >= SELF_MIN_EXACT && exact >= SELF_SHARE * queried.length && !self.has(articleId)) {
      self.add(articleId);
      recognisedSelf.push(articleId);
    }
  }
  const matches: SentenceLinks[] = [];
  for (const { key, page, links } of queried) {
    // One report per article: the reader compares outlets, not sentences of one outlet.
    const kept = new Map<string, number>();
    const best = links
      .filter(
        (l) =>
          !self.has(l.articleId) && (kept.get(l.articleId) ?? 0) < perArticle && kept.set(l.articleId, (kept.get(l.articleId) ?? 0) + 1),
      )
      .slice(0, reports);
    if (best.length) matches.push({ key, page, links: best });
  }
  return { matches, recognisedSelf };
}
