/**
 * The claim index's storage: every stored claim with its term ids, the BM25
 * postings, article dates and the library's boilerplate, with adding and
 * removing. `SerialisedClaims` (claimStoreIO.ts) writes and reads it;
 * `ClaimIndex` (claimIndex.ts) queries it.
 */
import type { Claim } from '../types';
import { analyzeTerms, entityTerm, isWeakTerm, plainTerms, quantityTerm, textTerms } from './terms';
import { Boilerplate, patternKey, type PatternKey } from './boilerplate';
import type { ClaimIndexOptions } from './indexOptions';
import { Postings } from './postings';
import { sentenceKey } from './sentenceGroups';
import type { TermStats } from './similarity';

/** Term ids as stored: an array when added, a view into the snapshot when restored. */
export type TermList = readonly number[] | Int32Array;

/** One stored claim as indexed. */
export interface Doc {
  id: string;
  articleId: string;
  /** The claim; after a snapshot restore, parsed from `json` when first needed. */
  claim: Claim | undefined;
  json: string | undefined;
  /** Term ids, repeats kept (term frequency). */
  terms: TermList;
  /** Term ids of the speaker's words: matched structurally, not as claim content. */
  speaker: Set<number> | undefined;
  /** Where each clause starts in `terms` (absent: one clause). */
  clauses: TermList | undefined;
  /** Its word pattern (distinct term ids), for the library's boilerplate: computed once, not per query. */
  pattern: PatternKey | undefined;
}

/** What a doc is added from: a claim, or (from a snapshot) its JSON line and speaker terms. */
type DocEntry = Pick<Doc, 'id' | 'articleId' | 'terms'> & Partial<Pick<Doc, 'claim' | 'json' | 'speaker' | 'clauses'>>;

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
    const docId = this.byClaimId.get(claimId);
    return docId === undefined || !this.docs[docId] ? undefined : this.claimOf(docId);
  }

  /** Every stored claim (in insertion order). */
  claims(): Claim[] {
    return this.docs.flatMap((d, docId) => (d ? [this.claimOf(docId)] : []));
  }

  /** A live doc's claim, parsed on first use after a snapshot restore. */
  protected claimOf(docId: number): Claim {
    const doc = this.docs[docId]!;
    if (!doc.claim) {
      doc.claim = JSON.parse(doc.json!) as Claim;
      doc.json = undefined;
    }
    return doc.claim;
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
  protected addDoc(claim: Claim, terms: TermList, clauses?: TermList): number | undefined {
    return this.addEntry({ id: claim.id, articleId: claim.articleId, claim, terms, speaker: this.speakerTerms(claim), clauses });
  }

  /** Adds one doc as given (a claim, or its JSON line and speaker terms from a snapshot). */
  protected addEntry(entry: DocEntry): number | undefined {
    const { id, articleId, terms, clauses } = entry;
    if (this.byClaimId.has(id)) return undefined; // content-hash ids: the same claim twice is one claim
    const docId = this.docs.length;
    // One object shape for every doc (no optional keys added or deleted): a restore makes 100,000.
    const doc: Doc = {
      id,
      articleId,
      claim: entry.claim,
      json: entry.json,
      terms,
      speaker: entry.speaker,
      clauses: clauses && clauses.length > 1 ? clauses : undefined,
      pattern: patternKey(terms),
    };
    this.docs.push(doc);
    this.byClaimId.set(id, docId);
    const list = this.byArticle.get(articleId);
    if (list) list.push(docId);
    else this.byArticle.set(articleId, [docId]);
    this.postings.addDoc(docId, terms, articleId, sentenceKey(terms, doc.clauses, doc.speaker));
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
        const { articleId, pattern } = this.docs[docId]!;
        const date = this.articleDates.get(articleId);
        return { key: pattern, articleId, ...(date ? { date } : {}) };
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
      this.byClaimId.delete(doc.id);
      this.docs[docId] = undefined;
    }
    this.byArticle.delete(articleId);
    this.articleDates.delete(articleId);
  }
}
