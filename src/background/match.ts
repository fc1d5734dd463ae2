/**
 * `matchSentences`: a page's sentences against the stored claims. The ranking
 * and filter are the core library's `matchPageSentences` (the corpus CLI's
 * `query` and the evaluation run the same function); this shell finds the
 * page's stored copy, remembers which stored article a page turned out to be,
 * and turns links into the reports a card shows.
 */
import { articleDate, canonicalPageUrl, matchPageSentences, MODEL_NEIGHBOURS } from '../core/library';
import type { ArticleDate } from '../core/text';
import { compareReports, MODEL_CALIBRATION, PrecomputedNearest, type ClaimVectors } from '../core/matching';
import type { ClaimDifference } from '../core/types';
import type { Claim } from '../core/types';
import type { BackgroundCalls, LinkedReport, PageContext, SentenceMatch } from '../shared/messages';
import { claimsByIds, getArticleByUrl, vectorCount } from '../store';
import { articleSummaries } from './articleSummaries';
import { libraryClaimIndex, libraryLexicon } from './library';
import { currentModelState, embedTexts, modelHostAvailable } from './embedder';
import { embedLibrary, embedProgress, libraryVectors } from './vectors';
import { asUrgent, pagesQuiet } from './priority';

/** Page sentences' vectors by key: a page asks twice (lexical, then model) and rescans ask again. */
const sentenceVectors = new Map<string, Float32Array>();
const SENTENCE_VECTORS_KEPT = 4_000;
/** How long a model match waits for the library's missing vectors before it goes on with those it has. */
const LIBRARY_WAIT_MS = 20_000;

/**
 * The model's part of a match: the page sentences' vectors (embedded once per key) and the
 * library's claim vectors. Undefined when the model cannot run: matching goes on with words alone.
 */
async function modelPart(sentences: ReadonlyArray<{ key: string; text: string }>) {
  if (!modelHostAvailable()) return undefined;
  try {
    const fresh = sentences.filter((s) => !sentenceVectors.has(s.key));
    const embedded = await embedTexts(fresh.map((s) => s.text));
    if (sentenceVectors.size + fresh.length > SENTENCE_VECTORS_KEPT) sentenceVectors.clear();
    fresh.forEach((s, i) => sentenceVectors.set(s.key, embedded[i]!));
    // Claims not embedded yet (just seeded, saved or imported) are embedded first, for a while: a
    // page read right after install still gets the model's links, a huge import does not hold it up.
    await asUrgent(() => Promise.race([embedLibrary(), new Promise((resolve) => setTimeout(resolve, LIBRARY_WAIT_MS))]));
    return { vectors: await nearestAhead(await libraryVectors(), sentences), sentenceVectors };
  } catch {
    return undefined; // the model state says why; the panel shows it
  }
}

/** Longest stretch of nearest-claim work between two yields to other messages. */
const SLICE_MS = 8;
/** Claims kept per prepared sentence beyond those asked: room for the page's own articles left out. */
const SPARE_NEIGHBOURS = 8;

/**
 * The page sentences' nearest stored claims, worked out a slice at a time, giving way to pages being
 * looked up: in a large library each sentence's sign scan costs milliseconds, and a whole page of
 * them in one go held up the lexical lookup of the next page opened (the model's links are the
 * later, second answer; the words' answer comes first). The match then runs as one pass.
 */
async function nearestAhead(vectors: ClaimVectors, sentences: ReadonlyArray<{ key: string }>): Promise<PrecomputedNearest> {
  const ahead = new PrecomputedNearest(vectors, MODEL_NEIGHBOURS + SPARE_NEIGHBOURS);
  let slice = performance.now();
  for (const { key } of sentences) {
    const vector = sentenceVectors.get(key);
    if (!vector) continue;
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await pagesQuiet();
      slice = performance.now();
    }
    ahead.prepare(vector, MODEL_CALIBRATION.from);
  }
  return ahead;
}

/**
 * How a page sentence and a stored report differ, worked out once per pair: every page is matched
 * twice (words, then the model's second answer, which sends the same sentences again) and rescans
 * ask again, and the word diff is most of a matched sentence's cost. Keyed by what the comparison
 * reads of the page's claim (its analysis can change with the sentences around it) and the stored
 * claim's id (content-addressed: its text never changes under an id).
 */
const differences = new Map<string, ClaimDifference>();
const DIFFERENCES_KEPT = 4_000;

function differenceOf(page: Claim, stored: Claim): ClaimDifference {
  const key = JSON.stringify([stored.id, page.text, page.quantities, page.attribution, page.hedges, page.entities]);
  let difference = differences.get(key);
  if (!difference) {
    difference = compareReports(page, stored);
    if (differences.size >= DIFFERENCES_KEPT) differences.clear();
    differences.set(key, difference);
  }
  return difference;
}

/** Pages already recognised as stored articles, so later batches of the same page skip them too. */
const selfByPage = new Map<string, string[]>();
/** The date each page was matched with, for the panel's "this page: 6 Mar" (same bound as `selfByPage`). */
const dateByPage = new Map<string, ArticleDate>();
/** A bounded memo: the worst case of forgetting is re-detecting. */
const SELF_MEMO_PAGES = 500;

/** Finds the stored claims that report what each page sentence says. Sentences with none are left out. */
export async function matchSentences(params: BackgroundCalls['matchSentences']['params']): Promise<SentenceMatch[]> {
  if (params.sentences.length === 0) return [];
  const pageKey = params.pageUrl ? canonicalPageUrl(params.pageUrl) : '';
  const [lexicon, index, own] = await Promise.all([
    libraryLexicon(),
    libraryClaimIndex(),
    pageKey ? getArticleByUrl(pageKey) : Promise.resolve(undefined),
  ]);
  // The page's own date, else its stored copy's (given or inferred).
  const pageDate = params.pageDate ? { date: params.pageDate, inferred: false } : articleDate(own);
  if (pageKey && pageDate) {
    if (dateByPage.size >= SELF_MEMO_PAGES) dateByPage.clear();
    dateByPage.set(pageKey, pageDate);
  }
  const known = selfByPage.get(pageKey) ?? [];
  const model = params.model ? await modelPart(params.sentences) : undefined;
  const { matches, recognisedSelf } = matchPageSentences(index, lexicon, params.sentences, {
    ...(pageDate ? { pageDate } : {}),
    ...(model ? { model } : {}),
    ...(own ? { ownArticleId: own.id } : {}),
    knownSelf: known,
  });
  if (pageKey && recognisedSelf.length) {
    if (selfByPage.size >= SELF_MEMO_PAGES) selfByPage.clear();
    selfByPage.set(pageKey, [...known, ...recognisedSelf]);
  }
  if (!matches.length) return [];

  const claimIds = [...new Set(matches.flatMap((f) => f.links.map((l) => l.claimId)))];
  const stored = new Map<string, Claim>();
  for (const id of claimIds) {
    const claim = index.getClaim(id);
    if (claim) stored.set(id, claim);
  }
  const missing = claimIds.filter((id) => !stored.has(id));
  for (const claim of missing.length ? await claimsByIds(missing) : []) stored.set(claim.id, claim);
  const articleIds = [...new Set(matches.flatMap((f) => f.links.map((l) => l.articleId)))];
  const summaries = await articleSummaries(articleIds);

  return matches
    .map(({ key, page, links }) => ({
      key,
      reports: links.flatMap((link): LinkedReport[] => {
        const claim = stored.get(link.claimId);
        const article = summaries.get(link.articleId);
        if (!claim || !article) return [];
        const relation = link.relation === 'related' ? 'related' : 'same';
        return [
          {
            claim,
            article,
            score: link.score,
            relation,
            reasons: link.reasons ?? [],
            difference: link.difference ?? differenceOf(page, claim),
            ...(link.cosine !== undefined ? { cosine: link.cosine } : {}),
          },
        ];
      }),
    }))
    .filter((m) => m.reports.length > 0);
}

/** The stored articles a page is a copy of (by its URL, or recognised while matching it) and the date it was matched with. */
export async function pageContext(pageUrl: string): Promise<PageContext> {
  const pageKey = pageUrl ? canonicalPageUrl(pageUrl) : '';
  if (!pageKey) return { copyOf: [] };
  const [own, index] = await Promise.all([getArticleByUrl(pageKey), libraryClaimIndex()]);
  const ids = [...new Set([...(own ? [own.id] : []), ...(selfByPage.get(pageKey) ?? [])])];
  const copyOf = ids.length ? [...(await articleSummaries(ids)).values()] : [];
  const date = dateByPage.get(pageKey) ?? articleDate(own);
  // A count from the store: opening the panel never loads every vector.
  const model = { ...currentModelState(), embedded: await vectorCount().catch(() => 0), claims: index.size };
  if (embedProgress.total > embedProgress.done)
    model.claims = Math.max(model.claims, model.embedded + embedProgress.total - embedProgress.done);
  return { copyOf, model, ...(date ? { pageDate: { date: date.date, inferred: date.inferred } } : {}) };
}
