/**
 * Events: claims linked across articles, clustered into one real-world
 * happening each, with a label, a date and the articles that reported it; and a
 * timeline of events per entity.
 *
 * Hand-written union-find over the index's own links: the links already carry
 * the date and structure checks, so clustering only has to (a) never join two
 * claims of one article directly (one article's sentences share entities without
 * being one event) and (b) keep chains short by linking only claims whose match
 * clears the index's calibrated threshold.
 */
import type { ClaimIndex } from '../matching';
import type { ArticleMeta, Claim, NewsEvent } from '../types';
import { articleDate } from '../text';

/** Clustering options. */
export interface ClusterOptions {
  /** Minimum link score; defaults to the index's calibrated threshold. */
  minScore?: number;
  /** Links considered per claim. */
  top?: number;
  /** Events must be reported by at least this many articles (default 2). */
  minArticles?: number;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** A claim that opens with a pronoun ("It claimed ...") names nothing on its own: a poor label. */
const PRONOUN_START = /^["\u201c]?(it|he|she|they|this|that|these|those)\b/i;

/** Shortens a label at a word boundary, without a leading dateline ("Kyiv: "). */
function shorten(text: string, max = 100): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[A-Z][\p{L} .'-]{1,30}:\s+(?=\S)/u, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}

/** The most frequent value (ties: the earliest seen). */
function mode<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/** Clusters the claims into events using the index's cross-article links. */
export function clusterEvents(claims: Claim[], index: ClaimIndex, articles: ArticleMeta[], opts: ClusterOptions = {}): NewsEvent[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const meta = new Map(articles.map((a) => [a.id, a]));
  const uf = new UnionFind();
  const degree = new Map<string, number>();
  for (const claim of claims) {
    const pageDate = articleDate(meta.get(claim.articleId))?.date;
    for (const link of index.query(claim, {
      top: opts.top ?? 5,
      excludeArticleId: claim.articleId,
      minScore: opts.minScore,
      ...(pageDate ? { pageDate } : {}),
    })) {
      if (!byId.has(link.claimId) || link.articleId === claim.articleId) continue;
      uf.union(claim.id, link.claimId);
      degree.set(claim.id, (degree.get(claim.id) ?? 0) + link.score);
      degree.set(link.claimId, (degree.get(link.claimId) ?? 0) + link.score);
    }
  }
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    if (!degree.has(claim.id)) continue;
    const root = uf.find(claim.id);
    const group = groups.get(root);
    if (group) group.push(claim);
    else groups.set(root, [claim]);
  }
  const events: NewsEvent[] = [];
  for (const group of groups.values()) {
    const articleIds = [...new Set(group.map((c) => c.articleId))];
    if (articleIds.length < (opts.minArticles ?? 2)) continue;
    // The most linked claim is the one the others agree on: it names the event best.
    const rank = (c: Claim) => (degree.get(c.id) ?? 0) - (PRONOUN_START.test(c.text) ? 10 : 0);
    const central = [...group].sort((a, b) => rank(b) - rank(a) || a.text.length - b.text.length)[0]!;
    const claimDates = group.flatMap((c) => (c.time?.date ? [{ date: c.time.date, inferred: !!c.time.inferred }] : []));
    const claimDate = mode(claimDates.map((d) => d.date));
    const fallback = claimDate ? undefined : mode(articleIds.map((id) => articleDate(meta.get(id))?.date).filter((d): d is string => !!d));
    const date = claimDate ?? fallback;
    const dateInferred = claimDate
      ? claimDates.some((d) => d.date === claimDate && d.inferred)
      : articleIds.some((id) => articleDate(meta.get(id))?.date === date && articleDate(meta.get(id))?.inferred === true);
    const entityCounts = new Map<string, number>();
    for (const e of group.flatMap((c) => [...new Set(c.entities)])) entityCounts.set(e, (entityCounts.get(e) ?? 0) + 1);
    // Most-mentioned first: the event's main place or actor leads.
    const entityIds = [...entityCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([e]) => e);
    const claimIds = group.map((c) => c.id).sort();
    events.push({
      id: `ev_${claimIds[0]!.replace(/^c_/, '')}`,
      label: shorten(central.text),
      ...(date ? { date, dateInferred } : {}),
      claimIds,
      articleIds,
      entityIds,
    });
  }
  return events.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
}

/** The events involving an entity, oldest first; undated events last. */
export function timelineFor(entityId: string, events: NewsEvent[]): NewsEvent[] {
  return events
    .filter((e) => e.entityIds.includes(entityId))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.label.localeCompare(b.label));
}
