/**
 * The claim index: BM25 over claim terms to gather candidates (`postings.ts`),
 * then a structural re-rank (text similarity in `similarity.ts`; entities,
 * quantities, speaker, dates in `compare.ts`) of a handful of them. A query never scans every claim: it
 * walks only the postings of its own terms, rarest first, within a budget of
 * postings, and skips terms whose postings are longer than `maxPostings` (too
 * common to find anything; they still count when re-ranking the candidates the
 * rarer terms found). The cost of a query is bounded whatever the library size.
 *
 * Hand-written: generic search libraries score documents for a keyword query;
 * here both sides are sentences, the structure (who said it, which numbers,
 * which day) decides between "same claim" and "same topic", and the index must
 * serialise into a corpus pack and run inside the extension's worker.
 */
import type { Claim, ClaimLink } from '../types';
import { structuralScore } from './compare';
import { SerialisedClaims } from './claimStoreIO';
import { POSTINGS_BUDGET } from './postings';
import type { ClaimIndexSnapshotData } from './indexSnapshot';
import { DEFAULT_MIN_SCORE, PLAIN_MIN_SCORE, type ClaimIndexJSON, type ClaimIndexOptions, type QueryOptions } from './indexOptions';

export { DEFAULT_MIN_SCORE, PLAIN_MIN_SCORE, type ClaimIndexJSON, type ClaimIndexOptions, type QueryOptions } from './indexOptions';
import { daysApart, decideRelation, DEFAULT_THRESHOLDS, type RelationThresholds } from './relation';
import { clauseSets, TermMemo, textSimilarity } from './similarity';

const CANDIDATES = 40;

/** A query's comparison state, built once per query. */
interface Probe {
  parts: ReturnType<typeof clauseSets>;
  speaker: Set<number> | undefined;
  memo: TermMemo;
}
const MATCH_CANDIDATES = 12;
/** Shared terms the text similarity needs at least (`similarity.ts`); the walk's count includes entity and speaker terms, so it is an upper bound. */
const SHARED_TERMS_GATE = 3;

/** Inverted index of claims with BM25 candidate search and a structural re-rank. */
export class ClaimIndex extends SerialisedClaims {
  /** Stored claims reporting the same thing as `claim`, best first. */
  query(claim: Claim, opts: QueryOptions = {}): ClaimLink[] {
    const top = opts.top ?? 5;
    const minScore = opts.minScore ?? (this.plain ? PLAIN_MIN_SCORE : DEFAULT_MIN_SCORE);
    if (this.size === 0) return [];
    const counts = new Map<number, number>();
    const analysed = this.termsOf(claim);
    for (const term of analysed.terms) {
      const id = this.postings.idOf(term);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Fewer than three known terms can never clear the text-similarity gate.
    const matching = !this.plain && minScore > 0;
    if (matching && counts.size < 3) return [];
    // Ranking mode (minScore <= 0) re-ranks more candidates; matching mode needs only the best few.
    const k = minScore > 0 ? Math.max(MATCH_CANDIDATES, top) : Math.max(CANDIDATES, top);
    // A claim sharing one rare term with the query cannot pass the similarity gate: matching skips it
    // early, and one sharing two when the walk met every query term (its count of shared terms is exact).
    const candidates = matching
      ? this.postings.candidates(counts, k, opts.excludeArticleId, 2, POSTINGS_BUDGET.matching, SHARED_TERMS_GATE)
      : this.postings.candidates(counts, k, opts.excludeArticleId, 1);
    if (candidates.length === 0) return [];
    let selfScore = 0;
    if (!matching) for (const [t, qtf] of counts) selfScore += this.idf(t) * qtf;
    const probe = this.probe(claim, analysed);
    const relations = opts.relations === true && !this.plain;
    const thresholds = opts.thresholds ?? DEFAULT_THRESHOLDS;
    const gate = relations && matching ? Math.min(minScore, thresholds.related) : minScore;
    const links: Array<ClaimLink & { bm25: number }> = [];
    // A stored caveat or sign-off is never a link (`decideRelation`): matching skips it before scoring.
    const skipBoilerplate = matching && relations;
    const excluded = this.postings.articleNumber(opts.excludeArticleId);
    for (const [group, bm25] of candidates) {
      const members = this.postings.membersOf(group);
      // Copies of one sentence have one pattern and one text similarity: both are worked out once.
      if (skipBoilerplate && this.isBoilerplateDoc(members[0]!)) continue;
      const bm25Share = Math.min(1, bm25 / (selfScore || 1));
      const similarity = this.plain ? 0 : this.similarity(probe, members[0]!, 0);
      // Matching: no shared wording means no link whatever the structure says (`structuralScore` gives 0).
      if (matching && similarity <= 0) continue;
      let expanded = 0;
      for (const docId of members) {
        if (excluded >= 0 && this.postings.inArticle(docId, excluded)) continue;
        if (expanded++ === k) break; // a sentence copied into hundreds of articles: the first few stand for it
        let score = this.plain ? bm25Share : this.structural(claim, docId, opts.pageDate, relations, similarity);
        // Ranking mode blends in BM25, so candidates below the paraphrase gates (score 0)
        // still rank among themselves and against weak matches by their shared rare words.
        if (!matching && !this.plain && score >= 0) score = 0.6 * score + 0.4 * bm25Share;
        if (score < gate) continue;
        const link = this.decide(claim, docId, score, relations, opts.pageDate, thresholds);
        if (matching && link.relation === 'candidate') continue;
        links.push({ ...link, bm25 });
      }
    }
    // Matching shows `same` before `related`; ranking (the CLI's retrieval mode) keeps score order.
    const rank = (l: ClaimLink) => (!matching ? 0 : l.relation === 'same' ? 2 : l.relation === 'related' ? 1 : 0);
    links.sort((x, y) => rank(y) - rank(x) || y.score - x.score || y.bm25 - x.bm25);
    return links.slice(0, top).map(({ bm25: _bm25, ...link }) => link);
  }

  /**
   * Judges stored claims found another way (the sentence model's nearest neighbours) exactly as
   * `query` judges its own candidates: text similarity and structure, then the relation. `similarity`
   * gives each claim a floor for the text similarity (the model's calibrated cosine), so a paraphrase
   * with few shared words can pass while dates, speakers and numbers still decide same or related.
   * Returns the `same` and `related` links, best first.
   */
  judge(
    claim: Claim,
    candidates: ReadonlyArray<{ claimId: string; similarity: number; cosine?: number }>,
    opts: Pick<QueryOptions, 'pageDate' | 'thresholds'> & { sameCosine?: number } = {},
  ): ClaimLink[] {
    if (this.plain || candidates.length === 0) return [];
    const thresholds = opts.thresholds ?? DEFAULT_THRESHOLDS;
    const probe = this.probe(claim, this.termsOf(claim));
    const links: ClaimLink[] = [];
    for (const { claimId, similarity, cosine } of candidates) {
      const docId = this.byClaimId.get(claimId);
      if (docId === undefined) continue;
      const score = this.structural(claim, docId, opts.pageDate, true, this.similarity(probe, docId, similarity));
      if (score < thresholds.related) continue;
      let link = this.decide(claim, docId, score, true, opts.pageDate, thresholds);
      if (link.relation === 'candidate') continue;
      // Found only through the model (its words alone would not link it): sentence vectors say "same
      // subject" well but cannot tell one day's report from another's, so `same` needs a very close
      // vector and both reports dated to the same day; otherwise the link is shown as related.
      const lexical = this.structural(claim, docId, opts.pageDate, true, this.similarity(probe, docId, 0));
      if (
        link.relation === 'same' &&
        lexical < thresholds.related &&
        !this.sameDayClose(claim, docId, opts.pageDate, cosine, opts.sameCosine)
      ) {
        link = { ...link, relation: 'related', reasons: [...(link.reasons ?? []), 'weak'] };
      }
      links.push(cosine === undefined ? link : { ...link, cosine: round(cosine) });
    }
    const rank = (l: ClaimLink) => (l.relation === 'same' ? 1 : 0);
    return links.sort((x, y) => rank(y) - rank(x) || y.score - x.score);
  }

  /** Both sides dated to the same day, and the model's cosine at least `sameCosine`. */
  private sameDayClose(claim: Claim, docId: number, pageDate: string | undefined, cosine?: number, sameCosine?: number): boolean {
    if (cosine === undefined || sameCosine === undefined || cosine < sameCosine) return false;
    const stored = this.claimOf(docId);
    const a = claim.time?.date ?? pageDate;
    const b = stored.time?.date ?? this.articleDates.get(stored.articleId);
    return !!a && !!b && !daysApart(a, b);
  }

  /** What every comparison with one query needs once: its term ids, clauses, speaker and a memo. */
  private probe(claim: Claim, analysed: { terms: string[]; clauses: number[] }): Probe {
    // Terms the index has never seen get distinct negative ids: they are unmatched content that must weigh in.
    const unknown = new Map<string, number>();
    const ids = analysed.terms.map((t) => this.postings.idOf(t) ?? unknown.get(t) ?? unknown.set(t, -1 - unknown.size).get(t)!);
    return { parts: clauseSets(ids, analysed.clauses), speaker: this.speakerTerms(claim), memo: new TermMemo(this) };
  }

  /** The text similarity of one stored claim to the query; `floor` is a lower bound (the model's calibrated cosine). */
  private similarity(probe: Probe, docId: number, floor: number): number {
    const doc = this.docs[docId]!;
    return Math.max(floor, textSimilarity(probe.parts, probe.speaker, clauseSets(doc.terms, doc.clauses ?? [0]), doc.speaker, probe.memo));
  }

  /** The structural match score of one stored claim, given its text similarity. */
  private structural(claim: Claim, docId: number, pageDate: string | undefined, relations: boolean, similarity: number): number {
    const doc = this.docs[docId]!;
    const dates = { query: pageDate, stored: this.articleDates.get(doc.articleId) };
    return structuralScore(claim, this.claimOf(docId), similarity, dates, relations ? 'ignore' : 'weigh');
  }

  /** The link to one stored claim, with its relation when asked for. */
  private decide(
    claim: Claim,
    docId: number,
    score: number,
    relations: boolean,
    pageDate: string | undefined,
    thresholds: RelationThresholds,
  ): ClaimLink {
    const stored = this.claimOf(docId);
    const link: ClaimLink = { claimId: stored.id, articleId: stored.articleId, score: round(score) };
    if (!relations) return link;
    const context = {
      queryDate: pageDate,
      storedDate: this.articleDates.get(stored.articleId),
      boilerplate: this.isBoilerplateDoc(docId),
    };
    const decision = decideRelation(claim, stored, score, context, thresholds);
    return { ...link, relation: decision.relation, reasons: decision.reasons };
  }

  /** Rebuilds an index from `snapshot()` output (the extension's own store) without re-tokenising. */
  static fromSnapshot(data: ClaimIndexSnapshotData, options: Omit<ClaimIndexOptions, 'plain'> = {}): ClaimIndex {
    return new ClaimIndex({ ...options, plain: data.plain }).restoreSnapshot(data);
  }

  /** Rebuilds an index from `toJSON()` output without re-tokenising. */
  static fromJSON(json: ClaimIndexJSON, options: Omit<ClaimIndexOptions, 'plain'> = {}): ClaimIndex {
    return new ClaimIndex({ ...options, plain: json.plain }).restore(json);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
