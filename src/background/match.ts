/**
 * `matchSentences`: a page's sentences against the stored claims. Each
 * sentence is analysed like a stored one (entities, numbers, speaker, time),
 * then looked up in the claim index, which walks only the postings of the
 * sentence's own terms.
 */
import { analyzeSentence, articleDate, canonicalPageUrl } from '../core/library';
import { compareReports } from '../core/matching';
import { createSpotContext } from '../core/entities';
import type { Claim } from '../core/types';
import type { ArticleSummary, BackgroundCalls, LinkedReport, SentenceMatch } from '../shared/messages';
import { articlesByIds, claimsByIds, getArticleByUrl } from '../store';
import { libraryClaimIndex, libraryLexicon } from './library';
import { summarizeArticle } from './summary';

/** Reports per page sentence: the best claim of each of the best few articles. */
const REPORTS_PER_SENTENCE = 5;

/**
 * A stored article is the page's own copy (saved under another URL, or the
 * same wire text) when at least this share of the page's sentences, and at
 * least `SELF_MIN_EXACT` of them, are word-for-word sentences of it.
 */
const SELF_SHARE = 0.4;
const SELF_MIN_EXACT = 3;

/** Sentence text compared for identity: case, quotes, dashes and spacing do not count. */
function sameSentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`\u2013\u2014-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page key now lives in core (one key for the background and the content script); re-exported for callers of this module. */
export { canonicalPageUrl };

/** Pages already recognised as a stored article, so later batches of the same page skip it too. */
const selfByPage = new Map<string, string>();

/** Finds the stored claims that report what each page sentence says. Sentences with none are left out. */
export async function matchSentences(params: BackgroundCalls['matchSentences']['params']): Promise<SentenceMatch[]> {
  if (params.sentences.length === 0) return [];
  const [lexicon, index, own] = await Promise.all([
    libraryLexicon(),
    libraryClaimIndex(),
    params.pageUrl ? getArticleByUrl(canonicalPageUrl(params.pageUrl)) : Promise.resolve(undefined),
  ]);
  const pageKey = params.pageUrl ? canonicalPageUrl(params.pageUrl) : '';
  // The page's own date, else its stored copy's (given or inferred): it resolves "on Monday" and keeps other days' events apart.
  const pageDate = params.pageDate ? { date: params.pageDate, inferred: false } : articleDate(own);
  const queried: Array<{ key: string; page: Claim; links: ReturnType<typeof index.query> }> = [];
  // One spotting context per call: a bare surname resolves once the batch has named the person in full.
  const context = createSpotContext();
  const exactByArticle = new Map<string, number>();
  let sentenceCount = 0;
  for (const { key, text } of params.sentences) {
    if (!text.trim()) continue;
    sentenceCount++;
    const page = analyzeSentence(text, lexicon, { context, ...(pageDate ? { date: pageDate.date, dateInferred: pageDate.inferred } : {}) });
    // One extra candidate per sentence, in case one of them is the page's own copy.
    const links = index.query(page, {
      top: REPORTS_PER_SENTENCE * 2 + 1,
      ...(own ? { excludeArticleId: own.id } : {}),
      ...(pageDate ? { pageDate: pageDate.date } : {}),
    });
    const textKey = sameSentenceKey(text);
    for (const link of links) {
      if (sameSentenceKey(index.getClaim(link.claimId)?.text ?? '') === textKey) {
        exactByArticle.set(link.articleId, (exactByArticle.get(link.articleId) ?? 0) + 1);
      }
    }
    queried.push({ key, page, links });
  }
  // The page's own text in the library is not "another outlet's report" of it.
  const self = new Set<string>();
  const known = selfByPage.get(pageKey);
  if (known) self.add(known);
  for (const [articleId, exact] of exactByArticle) {
    if (exact >= SELF_MIN_EXACT && exact >= SELF_SHARE * sentenceCount) {
      self.add(articleId);
      if (pageKey) {
        if (selfByPage.size >= 500) selfByPage.clear(); // a bounded memo: the worst case is re-detecting
        selfByPage.set(pageKey, articleId);
      }
    }
  }
  const found: typeof queried = [];
  for (const { key, page, links } of queried) {
    // One report per article: the reader compares outlets, not sentences of one outlet.
    const seen = new Set<string>(self);
    const best = links.filter((l) => !seen.has(l.articleId) && (seen.add(l.articleId), true)).slice(0, REPORTS_PER_SENTENCE);
    if (best.length) found.push({ key, page, links: best });
  }
  if (!found.length) return [];

  const claimIds = [...new Set(found.flatMap((f) => f.links.map((l) => l.claimId)))];
  const stored = new Map<string, Claim>();
  for (const id of claimIds) {
    const claim = index.getClaim(id);
    if (claim) stored.set(id, claim);
  }
  const missing = claimIds.filter((id) => !stored.has(id));
  for (const claim of missing.length ? await claimsByIds(missing) : []) stored.set(claim.id, claim);
  const articleIds = [...new Set(found.flatMap((f) => f.links.map((l) => l.articleId)))];
  const summaries = new Map<string, ArticleSummary>((await articlesByIds(articleIds)).map((a) => [a.id, summarizeArticle(a)]));

  return found
    .map(({ key, page, links }) => ({
      key,
      reports: links.flatMap((link): LinkedReport[] => {
        const claim = stored.get(link.claimId);
        const article = summaries.get(link.articleId);
        if (!claim || !article) return [];
        return [{ claim, article, score: link.score, difference: link.difference ?? compareReports(page, claim) }];
      }),
    }))
    .filter((m) => m.reports.length > 0);
}
