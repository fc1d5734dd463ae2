/**
 * The claim index: an inverted index (term -> postings) over claim terms, BM25
 * to gather candidates, then a structural re-rank (entities, quantities,
 * speaker, dates) of a handful of them. A query never scans every claim: it
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
import { analyzeTerms, entityTerm, isWeakTerm, plainTerms, quantityTerm, textTerms } from './terms';
import { structuralScore } from './compare';

/**
 * Query options. `minScore` defaults to the calibrated `DEFAULT_MIN_SCORE` (or
 * `PLAIN_MIN_SCORE`); 0 turns the query into ranking (every BM25 candidate not
 * rejected by its date, scored 0.6 x match score + 0.4 x normalised BM25), as the
 * corpus CLI's retrieval mode.
 */
export interface QueryOptions {
  top?: number;
  excludeArticleId?: string;
  minScore?: number;
  /** The query's article date (YYYY-MM-DD) when known: dates claims that state no time of their own. */
  pageDate?: string;
}

/** Index construction options. `plain` makes the BM25-only baseline over raw words. */
export interface ClaimIndexOptions {
  plain?: boolean;
  maxPostings?: number;
}

/** Calibrated on the labelled seed fixture and the negative test pages (see scripts/eval.ts). */
export const DEFAULT_MIN_SCORE = 0.42;
/** The BM25-only baseline's threshold on self-normalised BM25. */
export const PLAIN_MIN_SCORE = 0.3;
const K1 = 1.2;
const B = 0.75;
const CANDIDATES = 40;
const MATCH_CANDIDATES = 12;
const POSTINGS_BUDGET = 3000;
/** Claims are sentences: a typical one has about 15 index terms. */
const NOMINAL_LENGTH = 15;

interface TermInfo {
  weight: number;
  topical: boolean;
  special: boolean;
}
type TermMemo = Map<number, TermInfo>;

interface Doc {
  claim: Claim;
  /** Term ids, repeats kept (term frequency). */
  terms: number[];
  /** Term ids of the speaker's words: matched structurally, not as claim content. */
  speaker?: Set<number>;
  /** Where each clause starts in `terms` (absent: one clause). */
  clauses?: number[];
}

/** Serialised form, versioned: term dictionary plus each claim with its term ids. */
export interface ClaimIndexJSON {
  version: 1;
  plain: boolean;
  /** Article id -> date (given or inferred), for claims that state no time of their own. */
  articleDates?: Record<string, string>;
  terms: string[];
  /** Per term: capitalised mid-sentence occurrences, and all occurrences. */
  cap: number[];
  seen: number[];
  docs: Array<{ claim: Claim; t: number[]; c?: number[] }>;
}

/** Inverted index of claims with BM25 candidate search and a structural re-rank. */
export class ClaimIndex {
  private readonly plain: boolean;
  private readonly maxPostings: number;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly postings: number[][] = [];
  /**
   * BM25 term weight per posting (tf and length part), parallel to `postings`,
   * computed once at insertion against a nominal claim length rather than the
   * running average: the walk then touches nothing but the accumulator.
   */
  private readonly weights: number[][] = [];
  /** BM25 accumulator reused across queries (zeroed after each). */
  private scratch = new Float64Array(0);
  /** Distinct query terms each doc matched, reused like `scratch`. */
  private hits = new Uint8Array(0);
  /** Live document frequency per term (postings keep tombstoned docs until compaction). */
  private readonly df: number[] = [];
  private readonly cap: number[] = [];
  private readonly seen: number[] = [];
  private readonly docs: Array<Doc | undefined> = [];
  /** Per doc: term count (-1 once removed) and article number, for the BM25 loop without pointer chasing. */
  private readonly docLength: number[] = [];
  private readonly docArticle: number[] = [];
  private readonly articleNumbers = new Map<string, number>();
  private readonly byArticle = new Map<string, number[]>();
  private readonly byClaimId = new Map<string, number>();
  /** Docs removed so far; a term's postings are compacted when next walked if this moved since. */
  private removed = 0;
  /** Per term: the value of `removed` when its postings were last compacted. */
  private readonly compactedAt: number[] = [];
  private live = 0;

  constructor(options: ClaimIndexOptions = {}) {
    this.plain = options.plain ?? false;
    this.maxPostings = options.maxPostings ?? 2000;
  }

  /** Number of claims indexed. */
  get size(): number {
    return this.live;
  }

  /** The stored claim with this id. */
  getClaim(claimId: string): Claim | undefined {
    const doc = this.byClaimId.get(claimId);
    return doc === undefined ? undefined : this.docs[doc]?.claim;
  }

  /** Every stored claim (in insertion order). */
  claims(): Claim[] {
    return this.docs.flatMap((d) => (d ? [d.claim] : []));
  }

  /** A claim's terms, and which were capitalised (names, days). */
  private termsOf(claim: Claim): { terms: string[]; capitalised: Set<string>; clauses: number[] } {
    if (this.plain) return { terms: plainTerms(claim.text), capitalised: new Set(), clauses: [0] };
    const analysed = analyzeTerms(claim.text);
    for (const id of new Set(claim.entities)) analysed.terms.push(entityTerm(id));
    for (const q of claim.quantities) analysed.terms.push(quantityTerm(q));
    return analysed;
  }

  /** Names weigh half as much as other words in the text similarity: sharing them says "same topic". */
  private isName(term: number): boolean {
    if (term < 0) return false;
    const seen = this.seen[term] ?? 0;
    return seen > 0 && (this.cap[term] ?? 0) / seen >= 0.6;
  }

  /** Names and generic words: half weight, and they do not count as shared claim words. */
  private isTopical(term: number): boolean {
    return term >= 0 && (this.isName(term) || isWeakTerm(this.termNames[term]!));
  }

  private speakerTerms(claim: Claim): Set<number> | undefined {
    if (this.plain || !claim.attribution) return undefined;
    const ids = textTerms(claim.attribution.speaker).flatMap((t) => this.termIds.get(t) ?? []);
    return ids.length ? new Set(ids) : undefined;
  }

  private internTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.postings.push([]);
      this.weights.push([]);
      this.compactedAt.push(this.removed);
      this.df.push(0);
      this.cap.push(0);
      this.seen.push(0);
    }
    return id;
  }

  private addDoc(claim: Claim, terms: number[], clauses?: number[]): void {
    if (this.byClaimId.has(claim.id)) return; // content-hash ids: the same claim twice is one claim
    const docId = this.docs.length;
    this.docs.push({ claim, terms, speaker: this.speakerTerms(claim), ...(clauses && clauses.length > 1 ? { clauses } : {}) });
    this.byClaimId.set(claim.id, docId);
    this.docLength.push(terms.length);
    let articleNo = this.articleNumbers.get(claim.articleId);
    if (articleNo === undefined) this.articleNumbers.set(claim.articleId, (articleNo = this.articleNumbers.size));
    this.docArticle.push(articleNo);
    const list = this.byArticle.get(claim.articleId);
    if (list) list.push(docId);
    else this.byArticle.set(claim.articleId, [docId]);
    const tf = new Map<number, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const lengthNorm = K1 * (1 - B + (B * terms.length) / NOMINAL_LENGTH);
    for (const [t, n] of tf) {
      this.postings[t]!.push(docId);
      this.weights[t]!.push((n * (K1 + 1)) / (n + lengthNorm));
      this.df[t]!++;
    }
    this.live++;
  }

  /** Article id -> date, given with `add`. */
  private readonly articleDates = new Map<string, string>();

  /**
   * Adds claims (idempotent per claim id). `articleDates` (article id -> YYYY-MM-DD,
   * given or inferred) lets claims without a time of their own be dated by their article.
   */
  add(claims: Claim[], articleDates?: Record<string, string>): void {
    for (const [id, date] of Object.entries(articleDates ?? {})) this.articleDates.set(id, date);
    for (const claim of claims) {
      const { terms, capitalised, clauses } = this.termsOf(claim);
      const ids = terms.map((t) => this.internTerm(t));
      terms.forEach((t, i) => {
        this.seen[ids[i]!]!++;
        if (capitalised.has(t)) this.cap[ids[i]!]!++;
      });
      this.addDoc(claim, ids, clauses);
    }
  }

  /** Removes every claim of an article. Postings are tombstoned and compacted when they are walked. */
  remove(articleId: string): void {
    for (const docId of this.byArticle.get(articleId) ?? []) {
      const doc = this.docs[docId];
      if (!doc) continue;
      for (const t of new Set(doc.terms)) this.df[t]!--;
      this.live--;
      this.byClaimId.delete(doc.claim.id);
      this.docs[docId] = undefined;
      this.docLength[docId] = -1;
      this.removed++;
    }
    this.byArticle.delete(articleId);
    this.articleDates.delete(articleId);
  }

  private idf(term: number): number {
    const df = term < 0 ? 0 : (this.df[term] ?? 0);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** Stored claims reporting the same thing as `claim`, best first. */
  query(claim: Claim, opts: QueryOptions = {}): ClaimLink[] {
    const top = opts.top ?? 5;
    const minScore = opts.minScore ?? (this.plain ? PLAIN_MIN_SCORE : DEFAULT_MIN_SCORE);
    if (this.live === 0) return [];
    const counts = new Map<number, number>();
    const analysed = this.termsOf(claim);
    for (const term of analysed.terms) {
      const id = this.termIds.get(term);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Fewer than three known terms can never clear the text-similarity gate.
    const matching = !this.plain && minScore > 0;
    if (matching && counts.size < 3) return [];
    // Ranking mode (minScore <= 0) re-ranks more candidates; matching mode needs only the best few.
    const k = minScore > 0 ? Math.max(MATCH_CANDIDATES, top) : Math.max(CANDIDATES, top);
    const candidates = this.bm25Candidates(counts, k, opts.excludeArticleId, matching ? 2 : 1);
    if (candidates.length === 0) return [];
    let selfScore = 0;
    if (!matching) for (const [t, qtf] of counts) selfScore += this.idf(t) * qtf;
    const querySpeaker = this.speakerTerms(claim);
    // Terms the index has never seen get distinct negative ids: they are unmatched content that must weigh in.
    const unknown = new Map<string, number>();
    const queryIds = analysed.terms.map((t) => this.termIds.get(t) ?? unknown.get(t) ?? unknown.set(t, -1 - unknown.size).get(t)!);
    const queryParts = this.plain ? [] : clauseSets(queryIds, analysed.clauses);
    const memo: TermMemo = new Map();
    const links: Array<ClaimLink & { bm25: number }> = [];
    for (const [docId, bm25] of candidates) {
      const doc = this.docs[docId]!;
      const bm25Share = Math.min(1, bm25 / (selfScore || 1));
      let score = this.plain
        ? bm25Share
        : structuralScore(claim, doc.claim, this.textSimilarity(queryParts, querySpeaker, doc, memo), {
            query: opts.pageDate,
            stored: this.articleDates.get(doc.claim.articleId),
          });
      // Ranking mode blends in BM25, so candidates below the paraphrase gates (score 0)
      // still rank among themselves and against weak matches by their shared rare words.
      if (!matching && !this.plain && score >= 0) score = 0.6 * score + 0.4 * bm25Share;
      if (score >= minScore) links.push({ claimId: doc.claim.id, articleId: doc.claim.articleId, score: round(score), bm25 });
    }
    links.sort((x, y) => y.score - x.score || y.bm25 - x.bm25);
    return links.slice(0, top).map(({ bm25: _bm25, ...link }) => link);
  }

  /** Drops removed docs from one term's postings (done lazily, when the term is next walked). */
  private compact(term: number): void {
    const list = this.postings[term]!;
    const weights = this.weights[term]!;
    let write = 0;
    for (let i = 0; i < list.length; i++) {
      if (this.docLength[list[i]!]! < 0) continue;
      list[write] = list[i]!;
      weights[write++] = weights[i]!;
    }
    list.length = write;
    weights.length = write;
    this.compactedAt[term] = this.removed;
  }

  /**
   * BM25 over the postings of the query's terms (skipping over-long postings),
   * accumulated in a reused typed array; returns the best `k` [docId, score] pairs.
   */
  private bm25Candidates(
    counts: Map<number, number>,
    k: number,
    excludeArticleId: string | undefined,
    minTerms: number,
  ): Array<[number, number]> {
    if (this.scratch.length < this.docs.length) {
      const size = Math.max(this.docs.length, this.scratch.length * 2, 1024);
      this.scratch = new Float64Array(size);
      this.hits = new Uint8Array(size);
    }
    const acc = this.scratch;
    const hits = this.hits;
    const touched: number[] = [];
    const excluded = excludeArticleId === undefined ? -1 : (this.articleNumbers.get(excludeArticleId) ?? -1);
    // Rarest terms first, within a budget of postings: candidates that share only
    // common words could not pass the similarity gate anyway, so a query costs about
    // the same at 100 or 100,000 claims.
    // Postings may still hold removed docs (compacted lazily), so their length only approximates df.
    const order = [...counts.keys()].sort((a, b) => this.postings[a]!.length - this.postings[b]!.length);
    let walked = 0;
    for (const term of order) {
      const qtf = counts.get(term)!;
      const list = this.postings[term]!;
      if (list.length > this.maxPostings || walked + list.length > POSTINGS_BUDGET) break;
      walked += list.length;
      if (this.compactedAt[term] !== this.removed) this.compact(term);
      const weights = this.weights[term]!;
      const idf = this.idf(term) * qtf;
      const articles = this.docArticle;
      const n = list.length;
      for (let i = 0; i < n; i++) {
        const docId = list[i]!;
        if (excluded >= 0 && articles[docId] === excluded) continue;
        if (hits[docId] === 0) touched.push(docId);
        acc[docId]! += idf * weights[i]!;
        hits[docId]!++;
      }
    }
    const best: Array<[number, number]> = [];
    for (const docId of touched) {
      const score = acc[docId]!;
      const matched = hits[docId]!;
      acc[docId] = 0;
      hits[docId] = 0;
      // A claim sharing one rare term with the query cannot pass the similarity gate: skip it early.
      if (matched < minTerms) continue;
      if (best.length < k) best.push([docId, score]);
      else if (score > best[best.length - 1]![1]) best[best.length - 1] = [docId, score];
      else continue;
      for (let i = best.length - 1; i > 0 && best[i]![1] > best[i - 1]![1]; i--) [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
    }
    return best;
  }

  /**
   * IDF-weighted overlap of the two claims' content terms (entity terms and the
   * speaker's words excluded: they are scored structurally), mostly Dice with
   * some overlap coefficient so a short report inside a long sentence still scores.
   * Compared whole and clause by clause (best pair wins, clause pairs slightly
   * discounted), because one outlet's compound sentence is often two of another's.
   * Fewer than three shared terms, or too few shared non-name words, is a
   * coincidence of topic, not a paraphrase.
   */
  private textSimilarity(queryParts: Array<Set<number>>, querySpeaker: Set<number> | undefined, doc: Doc, memo: TermMemo): number {
    const docParts = clauseSets(doc.terms, doc.clauses ?? [0]);
    let best = 0;
    queryParts.forEach((q, i) =>
      docParts.forEach((d, j) => {
        const sim = this.partSimilarity(q, querySpeaker, d, doc.speaker, memo) * (i === 0 && j === 0 ? 1 : 0.9);
        if (sim > best) best = sim;
      }),
    );
    return best;
  }

  /** Weight and kind of a term, computed once per query. */
  private termInfo(t: number, memo: TermMemo): TermInfo {
    let info = memo.get(t);
    if (!info) {
      const topical = this.isTopical(t);
      info = { weight: this.idf(t) * (topical ? 0.5 : 1), topical, special: t >= 0 && this.isSpecial(t) };
      memo.set(t, info);
    }
    return info;
  }

  private partSimilarity(
    q: Set<number>,
    qSpeaker: Set<number> | undefined,
    d: Set<number>,
    dSpeaker: Set<number> | undefined,
    memo: TermMemo,
  ): number {
    // Plain loops, no closures: this runs for every candidate of every page sentence.
    let sumQ = 0;
    let sumD = 0;
    let shared = 0;
    let sharedCount = 0;
    let sharedWords = 0;
    let wordsQ = 0;
    let wordsD = 0;
    for (const t of q) {
      const info = this.termInfo(t, memo);
      if (info.special || qSpeaker?.has(t)) continue;
      sumQ += info.weight;
      if (!info.topical) wordsQ++;
      if (d.has(t) && !dSpeaker?.has(t)) {
        shared += info.weight;
        sharedCount++;
        if (!info.topical) sharedWords++;
      }
    }
    for (const t of d) {
      const info = this.termInfo(t, memo);
      if (info.special || dSpeaker?.has(t)) continue;
      sumD += info.weight;
      if (!info.topical) wordsD++;
    }
    // Two shared words is a paraphrase only when they are at least 40% of the shorter claim's words.
    const enoughWords = sharedWords >= 3 || (sharedWords === 2 && sharedWords >= 0.4 * Math.min(wordsQ, wordsD));
    if (sharedCount < 3 || !enoughWords || sumQ === 0 || sumD === 0) return 0;
    return (0.7 * 2 * shared) / (sumQ + sumD) + (0.3 * shared) / Math.min(sumQ, sumD);
  }

  /**
   * Entity terms are scored structurally (their names are already text terms).
   * Quantity terms stay in: the same number of the same unit ("six balloons",
   * "15 settlements") is as telling as a shared rare word.
   */
  private isSpecial(term: number): boolean {
    const name = this.termNames[term]!;
    return name.charCodeAt(1) === 58 /* ':' */ && name[0] === 'e';
  }

  /** Serialises the index (claims and their term ids) for packs and persistence. */
  toJSON(): ClaimIndexJSON {
    const live = this.docs.filter((d): d is Doc => d !== undefined);
    return {
      version: 1,
      plain: this.plain,
      ...(this.articleDates.size ? { articleDates: Object.fromEntries(this.articleDates) } : {}),
      terms: this.termNames,
      cap: this.cap,
      seen: this.seen,
      docs: live.map((d) => ({ claim: d.claim, t: d.terms, ...(d.clauses ? { c: d.clauses } : {}) })),
    };
  }

  /** Rebuilds an index from `toJSON()` output without re-tokenising. */
  static fromJSON(json: ClaimIndexJSON, options: Omit<ClaimIndexOptions, 'plain'> = {}): ClaimIndex {
    if (json.version !== 1) throw new Error(`unsupported claim index version ${String(json.version)}`);
    const index = new ClaimIndex({ ...options, plain: json.plain });
    for (const [id, date] of Object.entries(json.articleDates ?? {})) index.articleDates.set(id, date);
    const remap = json.terms.map((t, i) => {
      const id = index.internTerm(t);
      index.cap[id]! += json.cap[i] ?? 0;
      index.seen[id]! += json.seen[i] ?? 0;
      return id;
    });
    for (const { claim, t, c } of json.docs)
      index.addDoc(
        claim,
        t.map((id) => remap[id]!),
        c,
      );
    return index;
  }
}

/** The whole term set first, then one set per clause of at least four terms (when there are several). */
function clauseSets(terms: number[], starts: number[]): Array<Set<number>> {
  const parts = [new Set(terms)];
  if (starts.length < 2) return parts;
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? terms.length;
    if (end - start >= 4) parts.push(new Set(terms.slice(start, end)));
  });
  return parts.length === 2 ? [parts[0]!] : parts;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
