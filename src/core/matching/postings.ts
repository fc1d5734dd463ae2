/**
 * The lexical half of the claim index: a term dictionary and BM25 postings.
 * Terms are interned to dense ids; each posting carries its precomputed BM25
 * tf/length weight, so a query walk touches nothing but one accumulator.
 * Postings list sentence groups (`sentenceGroups.ts`), not docs: copies of one
 * sentence are posted once. A group left without members is dropped from a
 * term's postings the next time that term is walked (lazy compaction), so
 * removing an article costs nothing up front.
 *
 * Hand-written rather than a search library: the walk is budgeted (rarest
 * terms first, over-long postings skipped), which bounds a page's lookup cost
 * whatever the library size, and the whole state serialises into a pack.
 */
import { SentenceGroups } from './sentenceGroups';

const K1 = 1.2;
const B = 0.75;
/** Claims are sentences: a typical one has about 15 index terms. */
const NOMINAL_LENGTH = 15;
/**
 * Postings walked at most per query: ranking (the CLI's retrieval, every candidate ranked) walks
 * more; matching (a page's lookup) needs only candidates that share several of the query's rarer
 * terms, which the rarest-first walk meets early, so it stops sooner and a lookup in a large
 * library costs little more than in a small one.
 */
export const POSTINGS_BUDGET = { ranking: 3000, matching: 1200 } as const;

/** A candidate of the walk: a sentence group and its BM25 score (every member shares it). */
export type GroupCandidate = [group: number, score: number];

/** Term dictionary and postings with budgeted BM25 candidate search. */
export class Postings {
  private readonly termIds = new Map<string, number>();
  /** Term id -> term, in interning order. */
  readonly termNames: string[] = [];
  private readonly postings: number[][] = [];
  private readonly weights: number[][] = [];
  /** Live document frequency per term (postings keep tombstoned docs until compaction). */
  private readonly df: number[] = [];
  /** Per term: capitalised mid-sentence occurrences, and all occurrences (names are mostly capitalised). */
  readonly cap: number[] = [];
  readonly seen: number[] = [];
  /** Per doc: its article's number, so the walk tells the excluded article without pointer chasing. */
  private readonly docArticle: number[] = [];
  private readonly groups = new SentenceGroups();
  private readonly articleNumbers = new Map<string, number>();
  private removed = 0;
  private readonly compactedAt: number[] = [];
  private scratch = new Float64Array(0);
  private hits = new Uint8Array(0);
  private touched = new Int32Array(0);
  private tf = new Uint16Array(0);
  /** Live documents. */
  live = 0;

  constructor(private readonly maxPostings = 2000) {}

  /** The id of a known term. */
  idOf(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** The id of a term, interning it when new. */
  intern(term: string): number {
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

  /**
   * Adds a document (doc ids are given in increasing order). `key` names its sentence
   * (`sentenceKey`): a doc whose sentence is already posted joins that group. Document
   * frequencies still count every doc, so a term's IDF is the same with or without copies.
   */
  addDoc(docId: number, terms: readonly number[] | Int32Array, articleId: string, key: string): void {
    let articleNo = this.articleNumbers.get(articleId);
    if (articleNo === undefined) this.articleNumbers.set(articleId, (articleNo = this.articleNumbers.size));
    this.docArticle[docId] = articleNo;
    const { group, fresh } = this.groups.join(docId, key);
    // Term frequencies in a reusable counter by term id: a restore adds 100,000 docs in a row.
    if (this.tf.length < this.termNames.length) this.tf = new Uint16Array(Math.max(this.termNames.length, this.tf.length * 2));
    const tf = this.tf;
    for (const t of terms) tf[t]!++;
    const lengthNorm = K1 * (1 - B + (B * terms.length) / NOMINAL_LENGTH);
    for (const t of terms) {
      const n = tf[t]!;
      if (n === 0) continue; // a repeat, already counted
      tf[t] = 0;
      this.df[t]!++;
      if (!fresh) continue;
      this.postings[t]!.push(group);
      this.weights[t]!.push((n * (K1 + 1)) / (n + lengthNorm));
    }
    this.live++;
  }

  /** Removes a document; its group's postings die with its last member. */
  removeDoc(docId: number, terms: readonly number[] | Int32Array): void {
    for (const t of new Set(terms)) this.df[t]!--;
    if (this.groups.leave(docId)) this.removed++;
    this.live--;
  }

  /** The live docs of a candidate group, in the order they were added. */
  membersOf(group: number): readonly number[] {
    return this.groups.membersOf(group);
  }

  /** Whether a doc belongs to the article with this number (see `articleNumber`). */
  inArticle(docId: number, articleNo: number): boolean {
    return this.docArticle[docId] === articleNo;
  }

  /** An article's number for `inArticle` (-1: no doc of it was ever added). */
  articleNumber(articleId: string | undefined): number {
    return articleId === undefined ? -1 : (this.articleNumbers.get(articleId) ?? -1);
  }

  /** BM25 inverse document frequency; unknown (negative) ids count as unseen. */
  idf(term: number): number {
    const df = term < 0 ? 0 : (this.df[term] ?? 0);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /**
   * BM25 over the postings of the query's terms (term id -> query tf), rarest first within a
   * budget (postings walked), skipping over-long postings; returns the best `k` sentence groups
   * [group, score] among those matching at least `minTerms` query terms, or `wholeMinTerms` when
   * every query term was walked (the count is then exact: a caller whose gate needs three shared
   * terms skips two-term groups before they take a place). A group whose every member belongs to
   * the excluded article is left out; the caller skips such members of others.
   */
  candidates(
    counts: Map<number, number>,
    k: number,
    excludeArticleId: string | undefined,
    minTerms: number,
    budget: number = POSTINGS_BUDGET.ranking,
    wholeMinTerms: number = minTerms,
  ): GroupCandidate[] {
    const size = this.groups.count;
    if (this.scratch.length < size) {
      const grown = Math.max(size, this.scratch.length * 2, 1024);
      this.scratch = new Float64Array(grown);
      this.hits = new Uint8Array(grown);
      this.touched = new Int32Array(grown);
    }
    const { scratch: acc, hits, touched } = this;
    let touchedCount = 0;
    // Candidates that share only common words could not pass the similarity gate anyway,
    // so a query costs about the same at 100 or 100,000 claims.
    const order = [...counts.keys()].sort((a, b) => this.postings[a]!.length - this.postings[b]!.length);
    let walked = 0;
    let whole = true;
    for (const term of order) {
      const list = this.postings[term]!;
      if (list.length > this.maxPostings || walked + list.length > budget) {
        whole = false;
        break;
      }
      walked += list.length;
      if (this.compactedAt[term] !== this.removed) this.compact(term);
      const weights = this.weights[term]!;
      const idf = this.idf(term) * counts.get(term)!;
      for (let i = 0; i < list.length; i++) {
        const group = list[i]!;
        if (hits[group] === 0) touched[touchedCount++] = group;
        acc[group]! += idf * weights[i]!;
        hits[group]!++;
      }
    }
    const excluded = this.articleNumber(excludeArticleId);
    const least = whole ? Math.max(minTerms, wholeMinTerms) : minTerms;
    const best: GroupCandidate[] = [];
    for (let n = 0; n < touchedCount; n++) {
      const group = touched[n]!;
      const score = acc[group]!;
      const matched = hits[group]!;
      acc[group] = 0;
      hits[group] = 0;
      if (matched < least || (best.length === k && score <= best[k - 1]![1])) continue;
      if (excluded >= 0 && this.groups.membersOf(group).every((docId) => this.docArticle[docId] === excluded)) continue;
      if (best.length < k) best.push([group, score]);
      else best[k - 1] = [group, score];
      for (let i = best.length - 1; i > 0 && best[i]![1] > best[i - 1]![1]; i--) [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
    }
    return best;
  }

  /** Drops emptied groups from one term's postings. */
  private compact(term: number): void {
    const list = this.postings[term]!;
    const weights = this.weights[term]!;
    let write = 0;
    for (let i = 0; i < list.length; i++) {
      if (!this.groups.isLive(list[i]!)) continue;
      list[write] = list[i]!;
      weights[write++] = weights[i]!;
    }
    list.length = write;
    weights.length = write;
    this.compactedAt[term] = this.removed;
  }
}
