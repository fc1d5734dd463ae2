/**
 * The lexical half of the claim index: a term dictionary and BM25 postings.
 * Terms are interned to dense ids; each posting carries its precomputed BM25
 * tf/length weight, so a query walk touches nothing but one accumulator.
 * Removed docs are tombstoned and dropped from a term's postings the next
 * time that term is walked (lazy compaction), so removing an article costs
 * nothing up front.
 *
 * Hand-written rather than a search library: the walk is budgeted (rarest
 * terms first, over-long postings skipped), which bounds a page's lookup cost
 * whatever the library size, and the whole state serialises into a pack.
 */
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
  /** Per doc: term count (-1 once removed) and article number, for the walk without pointer chasing. */
  private readonly docLength: number[] = [];
  private readonly docArticle: number[] = [];
  private readonly articleNumbers = new Map<string, number>();
  private removed = 0;
  private readonly compactedAt: number[] = [];
  private scratch = new Float64Array(0);
  private hits = new Uint8Array(0);
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

  /** Adds a document (its id must be the next one: `docCount`). */
  addDoc(docId: number, terms: readonly number[] | Int32Array, articleId: string): void {
    this.docLength[docId] = terms.length;
    let articleNo = this.articleNumbers.get(articleId);
    if (articleNo === undefined) this.articleNumbers.set(articleId, (articleNo = this.articleNumbers.size));
    this.docArticle[docId] = articleNo;
    // Term frequencies in a reusable counter by term id: a restore adds 100,000 docs in a row.
    if (this.tf.length < this.termNames.length) this.tf = new Uint16Array(Math.max(this.termNames.length, this.tf.length * 2));
    const tf = this.tf;
    for (const t of terms) tf[t]!++;
    const lengthNorm = K1 * (1 - B + (B * terms.length) / NOMINAL_LENGTH);
    for (const t of terms) {
      const n = tf[t]!;
      if (n === 0) continue; // a repeat, already posted
      tf[t] = 0;
      this.postings[t]!.push(docId);
      this.weights[t]!.push((n * (K1 + 1)) / (n + lengthNorm));
      this.df[t]!++;
    }
    this.live++;
  }

  /** Tombstones a document. */
  removeDoc(docId: number, terms: readonly number[] | Int32Array): void {
    for (const t of new Set(terms)) this.df[t]!--;
    this.docLength[docId] = -1;
    this.live--;
    this.removed++;
  }

  /** BM25 inverse document frequency; unknown (negative) ids count as unseen. */
  idf(term: number): number {
    const df = term < 0 ? 0 : (this.df[term] ?? 0);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /**
   * BM25 over the postings of the query's terms (term id -> query tf), rarest
   * first within a budget (postings walked), skipping over-long postings; returns the best `k`
   * [docId, score] pairs among docs matching at least `minTerms` query terms.
   */
  candidates(
    counts: Map<number, number>,
    k: number,
    excludeArticleId: string | undefined,
    minTerms: number,
    budget: number = POSTINGS_BUDGET.ranking,
  ): Array<[number, number]> {
    const docs = this.docLength.length;
    if (this.scratch.length < docs) {
      const size = Math.max(docs, this.scratch.length * 2, 1024);
      this.scratch = new Float64Array(size);
      this.hits = new Uint8Array(size);
    }
    const acc = this.scratch;
    const hits = this.hits;
    const touched: number[] = [];
    const excluded = excludeArticleId === undefined ? -1 : (this.articleNumbers.get(excludeArticleId) ?? -1);
    // Candidates that share only common words could not pass the similarity gate anyway,
    // so a query costs about the same at 100 or 100,000 claims.
    const order = [...counts.keys()].sort((a, b) => this.postings[a]!.length - this.postings[b]!.length);
    let walked = 0;
    for (const term of order) {
      const list = this.postings[term]!;
      if (list.length > this.maxPostings || walked + list.length > budget) break;
      walked += list.length;
      if (this.compactedAt[term] !== this.removed) this.compact(term);
      const weights = this.weights[term]!;
      const idf = this.idf(term) * counts.get(term)!;
      const articles = this.docArticle;
      for (let i = 0; i < list.length; i++) {
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
      if (matched < minTerms) continue;
      if (best.length < k) best.push([docId, score]);
      else if (score > best[best.length - 1]![1]) best[best.length - 1] = [docId, score];
      else continue;
      for (let i = best.length - 1; i > 0 && best[i]![1] > best[i - 1]![1]; i--) [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
    }
    return best;
  }

  /** Drops removed docs from one term's postings. */
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
}
