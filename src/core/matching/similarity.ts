/**
 * Text similarity between a query claim and a stored claim, over interned
 * term ids: IDF-weighted overlap of content terms (entity terms and the
 * speaker's words left out: they are scored structurally), mostly Dice with
 * some overlap coefficient so a short report inside a long sentence still
 * scores. Compared whole and clause by clause (best pair wins, clause pairs
 * slightly discounted), because one outlet's compound sentence is often two
 * of another's. Fewer than three shared terms, or too few shared non-name
 * words, is a coincidence of topic, not a paraphrase.
 */

/** What the similarity needs to know about a term id (negative ids: terms the index never saw). */
export interface TermStats {
  idf(term: number): number;
  /** Names and generic words: half weight, and they do not count as shared claim words. */
  isTopical(term: number): boolean;
  /** Entity terms: scored structurally, left out here. */
  isSpecial(term: number): boolean;
}

interface TermInfo {
  weight: number;
  topical: boolean;
  special: boolean;
}

/** Per-query cache of term weights and kinds. */
export class TermMemo {
  private readonly memo = new Map<number, TermInfo>();
  constructor(private readonly stats: TermStats) {}

  /** Weight and kind of a term, computed once per query. */
  info(t: number): TermInfo {
    let info = this.memo.get(t);
    if (!info) {
      const topical = this.stats.isTopical(t);
      info = { weight: this.stats.idf(t) * (topical ? 0.5 : 1), topical, special: t >= 0 && this.stats.isSpecial(t) };
      this.memo.set(t, info);
    }
    return info;
  }
}

/** The whole term set first, then one set per clause of at least four terms (when there are several). */
export function clauseSets(terms: readonly number[] | Int32Array, starts: readonly number[] | Int32Array): Array<Set<number>> {
  const parts = [new Set(terms)];
  if (starts.length < 2) return parts;
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? terms.length;
    if (end - start >= 4) parts.push(new Set(terms.slice(start, end)));
  });
  return parts.length === 2 ? [parts[0]!] : parts;
}

/** Best similarity over whole-claim and clause pairs (0 when no pair passes the gates). */
export function textSimilarity(
  queryParts: Array<Set<number>>,
  querySpeaker: Set<number> | undefined,
  docParts: Array<Set<number>>,
  docSpeaker: Set<number> | undefined,
  memo: TermMemo,
): number {
  let best = 0;
  queryParts.forEach((q, i) =>
    docParts.forEach((d, j) => {
      const sim = partSimilarity(q, querySpeaker, d, docSpeaker, memo) * (i === 0 && j === 0 ? 1 : 0.9);
      if (sim > best) best = sim;
    }),
  );
  return best;
}

function partSimilarity(
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
    const info = memo.info(t);
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
    const info = memo.info(t);
    if (info.special || dSpeaker?.has(t)) continue;
    sumD += info.weight;
    if (!info.topical) wordsD++;
  }
  // Two shared words is a paraphrase only when they are at least 40% of the shorter claim's words.
  const enoughWords = sharedWords >= 3 || (sharedWords === 2 && sharedWords >= 0.4 * Math.min(wordsQ, wordsD));
  if (sharedCount < 3 || !enoughWords || sumQ === 0 || sumD === 0) return 0;
  return (0.7 * 2 * shared) / (sumQ + sumD) + (0.3 * shared) / Math.min(sumQ, sumD);
}
