/**
 * The claim index: an inverted index (term -> postings) over claim terms, BM25
 * to gather candidates, then a structural re-rank (entities, quantities,
 * speaker, dates) of a handful of them. A query never scans every claim: it
 * walks only the postings of its own terms, and skips terms whose postings are
 * longer than `maxPostings` (they are too common to find anything; they still
 * count when re-ranking the candidates the rarer terms found).
 *
 * Hand-written: generic search libraries score documents for a keyword query;
 * here both sides are sentences, the structure (who said it, which numbers,
 * which day) decides between "same claim" and "same topic", and the index must
 * serialise into a corpus pack and run inside the extension's worker.
 */
import type { Claim, ClaimLink } from './types';
import { analyzeTerms, entityTerm, plainTerms, quantityTerm, textTerms } from './terms';
import { structuralScore } from './compare';

/** Query options. `minScore` defaults to the calibrated `DEFAULT_MIN_SCORE` (or `PLAIN_MIN_SCORE`). */
export interface QueryOptions {
  top?: number;
  excludeArticleId?: string;
  minScore?: number;
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

interface Doc {
  claim: Claim;
  /** Term ids, repeats kept (term frequency). */
  terms: number[];
  /** Term ids of the speaker's words: matched structurally, not as claim content. */
  speaker?: Set<number>;
}

/** Serialised form, versioned: term dictionary plus each claim with its term ids. */
export interface ClaimIndexJSON {
  version: 1;
  plain: boolean;
  terms: string[];
  /** Per term: capitalised mid-sentence occurrences, and all occurrences. */
  cap: number[];
  seen: number[];
  docs: Array<{ claim: Claim; t: number[] }>;
}

/** Inverted index of claims with BM25 candidate search and a structural re-rank. */
export class ClaimIndex {
  private readonly plain: boolean;
  private readonly maxPostings: number;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly postings: number[][] = [];
  /** Live document frequency per term (postings keep tombstoned docs until compaction). */
  private readonly df: number[] = [];
  private readonly cap: number[] = [];
  private readonly seen: number[] = [];
  private readonly docs: Array<Doc | undefined> = [];
  private readonly byArticle = new Map<string, number[]>();
  private readonly byClaimId = new Map<string, number>();
  private totalLength = 0;
  private live = 0;

  constructor(options: ClaimIndexOptions = {}) {
    this.plain = options.plain ?? false;
    this.maxPostings = options.maxPostings ?? 5000;
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
  private termsOf(claim: Claim): { terms: string[]; capitalised: Set<string> } {
    if (this.plain) return { terms: plainTerms(claim.text), capitalised: new Set() };
    const analysed = analyzeTerms(claim.text);
    for (const id of new Set(claim.entities)) analysed.terms.push(entityTerm(id));
    for (const q of claim.quantities) analysed.terms.push(quantityTerm(q));
    return analysed;
  }

  /** Names weigh half as much as other words in the text similarity: sharing them says "same topic". */
  private isName(term: number): boolean {
    const seen = this.seen[term] ?? 0;
    return seen > 0 && (this.cap[term] ?? 0) / seen >= 0.6;
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
      this.df.push(0);
      this.cap.push(0);
      this.seen.push(0);
    }
    return id;
  }

  private addDoc(claim: Claim, terms: number[]): void {
    if (this.byClaimId.has(claim.id)) return; // content-hash ids: the same claim twice is one claim
    const docId = this.docs.length;
    this.docs.push({ claim, terms, speaker: this.speakerTerms(claim) });
    this.byClaimId.set(claim.id, docId);
    const list = this.byArticle.get(claim.articleId);
    if (list) list.push(docId);
    else this.byArticle.set(claim.articleId, [docId]);
    for (const t of new Set(terms)) {
      this.postings[t]!.push(docId);
      this.df[t]!++;
    }
    this.totalLength += terms.length;
    this.live++;
  }

  /** Adds claims (idempotent per claim id). */
  add(claims: Claim[]): void {
    for (const claim of claims) {
      const { terms, capitalised } = this.termsOf(claim);
      const ids = terms.map((t) => this.internTerm(t));
      terms.forEach((t, i) => {
        this.seen[ids[i]!]!++;
        if (capitalised.has(t)) this.cap[ids[i]!]!++;
      });
      this.addDoc(claim, ids);
    }
  }

  /** Removes every claim of an article. Postings are tombstoned and compacted when they are walked. */
  remove(articleId: string): void {
    for (const docId of this.byArticle.get(articleId) ?? []) {
      const doc = this.docs[docId];
      if (!doc) continue;
      for (const t of new Set(doc.terms)) this.df[t]!--;
      this.totalLength -= doc.terms.length;
      this.live--;
      this.byClaimId.delete(doc.claim.id);
      this.docs[docId] = undefined;
    }
    this.byArticle.delete(articleId);
  }

  private idf(term: number): number {
    const df = this.df[term] ?? 0;
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** Stored claims reporting the same thing as `claim`, best first. */
  query(claim: Claim, opts: QueryOptions = {}): ClaimLink[] {
    const top = opts.top ?? 5;
    const minScore = opts.minScore ?? (this.plain ? PLAIN_MIN_SCORE : DEFAULT_MIN_SCORE);
    if (this.live === 0) return [];
    const counts = new Map<number, number>();
    for (const term of this.termsOf(claim).terms) {
      const id = this.termIds.get(term);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const avgLength = this.totalLength / this.live;
    const acc = new Map<number, number>();
    for (const [term, qtf] of counts) {
      const list = this.postings[term]!;
      if (list.length > this.maxPostings) continue;
      const idf = this.idf(term) * qtf;
      let write = 0;
      for (const docId of list) {
        const doc = this.docs[docId];
        if (!doc) continue;
        list[write++] = docId; // compaction of removed docs while walking
        if (doc.claim.articleId === opts.excludeArticleId) continue;
        let tf = 0;
        for (const t of doc.terms) if (t === term) tf++;
        const norm = tf + K1 * (1 - B + (B * doc.terms.length) / avgLength);
        acc.set(docId, (acc.get(docId) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
      list.length = write;
    }
    if (acc.size === 0) return [];
    const candidates = [...acc].sort((x, y) => y[1] - x[1]).slice(0, Math.max(CANDIDATES, top));
    const selfScore = [...counts].reduce((sum, [t, qtf]) => sum + this.idf(t) * qtf, 0) * (K1 + 1) / (1 + K1);
    const querySpeaker = this.speakerTerms(claim);
    const links: ClaimLink[] = [];
    for (const [docId, bm25] of candidates) {
      const doc = this.docs[docId]!;
      const score = this.plain
        ? bm25 / (selfScore || 1)
        : structuralScore(claim, doc.claim, this.textSimilarity(counts, querySpeaker, doc));
      if (score >= minScore) links.push({ claimId: doc.claim.id, articleId: doc.claim.articleId, score: round(score) });
    }
    return links.sort((x, y) => y.score - x.score).slice(0, top);
  }

  /**
   * IDF-weighted overlap of the two claims' text terms (entity and quantity terms
   * excluded: they are scored structurally). Half Dice, half overlap coefficient,
   * so a short report fully contained in a long sentence still scores well.
   * Fewer than three shared content terms is a coincidence, not a paraphrase.
   */
  private textSimilarity(query: Map<number, number>, querySpeaker: Set<number> | undefined, doc: Doc): number {
    const content = (t: number, speaker?: Set<number>) => !this.isSpecial(t) && !speaker?.has(t);
    const weight = (t: number) => this.idf(t) * (this.isName(t) ? 0.5 : 1);
    let sumQ = 0;
    let sumD = 0;
    let shared = 0;
    let sharedCount = 0;
    let sharedWords = 0;
    const docSet = new Set(doc.terms);
    for (const t of query.keys()) {
      if (!content(t, querySpeaker)) continue;
      const w = weight(t);
      sumQ += w;
      if (docSet.has(t) && content(t, doc.speaker)) {
        shared += w;
        sharedCount++;
        if (!this.isName(t)) sharedWords++;
      }
    }
    for (const t of docSet) if (content(t, doc.speaker)) sumD += weight(t);
    if (sharedCount < 3 || sharedWords < 2 || sumQ === 0 || sumD === 0) return 0;
    return (shared / (sumQ + sumD)) + (0.5 * shared) / Math.min(sumQ, sumD);
  }

  private isSpecial(term: number): boolean {
    const name = this.termNames[term]!;
    return name.charCodeAt(1) === 58 /* ':' */ && (name[0] === 'e' || name[0] === 'q');
  }

  /** Serialises the index (claims and their term ids) for packs and persistence. */
  toJSON(): ClaimIndexJSON {
    const live = this.docs.filter((d): d is Doc => d !== undefined);
    return {
      version: 1,
      plain: this.plain,
      terms: this.termNames,
      cap: this.cap,
      seen: this.seen,
      docs: live.map((d) => ({ claim: d.claim, t: d.terms })),
    };
  }

  /** Rebuilds an index from `toJSON()` output without re-tokenising. */
  static fromJSON(json: ClaimIndexJSON, options: Omit<ClaimIndexOptions, 'plain'> = {}): ClaimIndex {
    if (json.version !== 1) throw new Error(`unsupported claim index version ${String(json.version)}`);
    const index = new ClaimIndex({ ...options, plain: json.plain });
    const remap = json.terms.map((t, i) => {
      const id = index.internTerm(t);
      index.cap[id]! += json.cap[i] ?? 0;
      index.seen[id]! += json.seen[i] ?? 0;
      return id;
    });
    for (const { claim, t } of json.docs) index.addDoc(claim, t.map((id) => remap[id]!));
    return index;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
