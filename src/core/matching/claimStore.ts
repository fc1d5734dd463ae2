/**
 * The claim index's storage: every stored claim with its term ids, the BM25
 * postings, article dates and the library's boilerplate, with adding,
 * removing and serialising. `ClaimIndex` (claimIndex.ts) queries it.
 */
import type { Claim } from '../types';
import { analyzeTerms, entityTerm, isWeakTerm, plainTerms, quantityTerm, textTerms } from './terms';
import { Boilerplate, patternKey, type PatternKey } from './boilerplate';
import type { ClaimIndexJSON, ClaimIndexOptions } from './indexOptions';
import { Postings } from './postings';
import type { TermStats } from './similarity';

/** One stored claim as indexed. */
export interface Doc {
  claim: Claim;
  /** Term ids, repeats kept (term frequency). */
  terms: number[];
  /** Term ids of the speaker's words: matched structurally, not as claim content. */
  speaker?: Set<number>;
  /** Where each clause starts in `terms` (absent: one clause). */
  clauses?: number[];
  /** Its word pattern (distinct term ids), for the library's boilerplate: computed once, not per query. */
  pattern: PatternKey | undefined;
}

/** Stored claims with their terms and postings; the query side is `ClaimIndex`. */
export abstract class ClaimStore implements TermStats {
  protected readonly plain: boolean;
  protected readonly postings: Postings;
  protected readonly docs: Array<Doc | undefined> = [];
  protected readonly byArticle = new Map<string, number[]>();
  protected readonly byClaimId = new Map<string, number>();
  /** Article id -> date, given with `add`. */
  protected readonly articleDates = new Map<string, string>();
  /** Sentences that recur across the library's articles about other days (caveats, sign-offs). */
  protected readonly boilerplate = new Boilerplate();

  constructor(options: ClaimIndexOptions = {}) {
    this.plain = options.plain ?? false;
    this.postings = new Postings(options.maxPostings ?? 2000);
  }

  /** Number of claims indexed. */
  get size(): number {
    return this.postings.live;
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
  protected termsOf(claim: Claim): { terms: string[]; capitalised: Set<string>; clauses: number[] } {
    if (this.plain) return { terms: plainTerms(claim.text), capitalised: new Set(), clauses: [0] };
    const analysed = analyzeTerms(claim.text);
    for (const id of new Set(claim.entities)) analysed.terms.push(entityTerm(id));
    for (const q of claim.quantities) analysed.terms.push(quantityTerm(q));
    return analysed;
  }

  /** BM25 inverse document frequency of a term id. */
  idf(term: number): number {
    return this.postings.idf(term);
  }

  /** Names weigh half as much as other words in the text similarity: sharing them says "same topic". */
  protected isName(term: number): boolean {
    if (term < 0) return false;
    const seen = this.postings.seen[term] ?? 0;
    return seen > 0 && (this.postings.cap[term] ?? 0) / seen >= 0.6;
  }

  /** Names and generic words: half weight, and they do not count as shared claim words. */
  isTopical(term: number): boolean {
    return term >= 0 && (this.isName(term) || isWeakTerm(this.postings.termNames[term]!));
  }

  /**
   * Entity terms are scored structurally (their names are already text terms).
   * Quantity terms stay in: the same number of the same unit ("six balloons",
   * "15 settlements") is as telling as a shared rare word.
   */
  isSpecial(term: number): boolean {
    const name = this.postings.termNames[term]!;
    return name.charCodeAt(1) === 58 /* ':' */ && name[0] === 'e';
  }

  protected speakerTerms(claim: Claim): Set<number> | undefined {
    if (this.plain || !claim.attribution) return undefined;
    const ids = textTerms(claim.attribution.speaker).flatMap((t) => this.postings.idOf(t) ?? []);
    return ids.length ? new Set(ids) : undefined;
  }

  /** Adds one claim; returns its doc id, or undefined when the claim was already stored. */
  protected addDoc(claim: Claim, terms: number[], clauses?: number[]): number | undefined {
    if (this.byClaimId.has(claim.id)) return undefined; // content-hash ids: the same claim twice is one claim
    const docId = this.docs.length;
    this.docs.push({
      claim,
      terms,
      speaker: this.speakerTerms(claim),
      ...(clauses && clauses.length > 1 ? { clauses } : {}),
      pattern: patternKey(terms),
    });
    this.byClaimId.set(claim.id, docId);
    const list = this.byArticle.get(claim.articleId);
    if (list) list.push(docId);
    else this.byArticle.set(claim.articleId, [docId]);
    this.postings.addDoc(docId, terms, claim.articleId);
    return docId;
  }

  /**
   * Adds claims (idempotent per claim id). `articleDates` (article id -> YYYY-MM-DD,
   * given or inferred) lets claims without a time of their own be dated by their article.
   */
  add(claims: Claim[], articleDates?: Record<string, string>): void {
    for (const [id, date] of Object.entries(articleDates ?? {})) this.articleDates.set(id, date);
    const fresh: number[] = [];
    for (const claim of claims) {
      const { terms, capitalised, clauses } = this.termsOf(claim);
      const ids = terms.map((t) => this.postings.intern(t));
      terms.forEach((t, i) => {
        this.postings.seen[ids[i]!]!++;
        if (capitalised.has(t)) this.postings.cap[ids[i]!]!++;
      });
      const docId = this.addDoc(claim, ids, clauses);
      if (docId !== undefined) fresh.push(docId);
    }
    this.learnBoilerplate(fresh);
  }

  /** Teaches the boilerplate the patterns of newly added docs (from their term ids: no re-tokenising). */
  protected learnBoilerplate(docIds: readonly number[]): void {
    this.boilerplate.addKeys(
      docIds.map((docId) => {
        const { claim, pattern } = this.docs[docId]!;
        const date = this.articleDates.get(claim.articleId);
        return { key: pattern, articleId: claim.articleId, ...(date ? { date } : {}) };
      }),
    );
  }

  /** Whether a stored doc's sentence recurs across articles about other days. */
  protected isBoilerplateDoc(docId: number): boolean {
    return this.boilerplate.hasKey(this.docs[docId]?.pattern);
  }

  /** Whether a claim's sentence recurs across the library's articles about other days (a caveat, a sign-off). */
  isBoilerplate(claim: Claim): boolean {
    if (this.plain) return false;
    const ids: number[] = [];
    for (const term of this.termsOf(claim).terms) {
      const id = this.postings.idOf(term);
      if (id === undefined) return false; // a word the library never stored: not a sentence it has seen
      ids.push(id);
    }
    return this.boilerplate.hasKey(patternKey(ids));
  }

  /** Removes every claim of an article. Postings are tombstoned and compacted when they are walked. */
  remove(articleId: string): void {
    const docIds = this.byArticle.get(articleId) ?? [];
    this.boilerplate.removeKeys(
      articleId,
      docIds.map((docId) => this.docs[docId]?.pattern),
    );
    for (const docId of docIds) {
      const doc = this.docs[docId];
      if (!doc) continue;
      this.postings.removeDoc(docId, doc.terms);
      this.byClaimId.delete(doc.claim.id);
      this.docs[docId] = undefined;
    }
    this.byArticle.delete(articleId);
    this.articleDates.delete(articleId);
  }

  /** Serialises the index (claims and their term ids) for packs and persistence. */
  toJSON(): ClaimIndexJSON {
    const live = this.docs.filter((d): d is Doc => d !== undefined);
    return {
      version: 1,
      plain: this.plain,
      ...(this.articleDates.size ? { articleDates: Object.fromEntries(this.articleDates) } : {}),
      terms: this.postings.termNames,
      cap: this.postings.cap,
      seen: this.postings.seen,
      docs: live.map((d) => ({ claim: d.claim, t: d.terms, ...(d.clauses ? { c: d.clauses } : {}) })),
    };
  }

  /** Loads `toJSON()` output into this (empty) store without re-tokenising. */
  protected restore(json: ClaimIndexJSON): this {
    if (json.version !== 1) throw new Error(`unsupported claim index version ${String(json.version)}`);
    for (const [id, date] of Object.entries(json.articleDates ?? {})) this.articleDates.set(id, date);
    const remap = json.terms.map((t, i) => {
      const id = this.postings.intern(t);
      this.postings.cap[id]! += json.cap[i] ?? 0;
      this.postings.seen[id]! += json.seen[i] ?? 0;
      return id;
    });
    const fresh: number[] = [];
    for (const { claim, t, c } of json.docs) {
      const docId = this.addDoc(
        claim,
        t.map((id) => remap[id]!),
        c,
      );
      if (docId !== undefined) fresh.push(docId);
    }
    // The boilerplate is not serialised: it is learnt again from the docs' patterns, as `add` learns it.
    this.learnBoilerplate(fresh);
    return this;
  }
}
