/**
 * The library's events (claims linked across articles). Clustering every
 * claim costs one index query per claim, about half a millisecond each, and
 * blocks the worker while it runs. So the full clustering is done only for
 * libraries of up to `FULL_LIMIT` claims (the seeds have under a hundred),
 * stored with the library revision it was computed at, and reused until the
 * library changes. Larger libraries get a local clustering of the page's
 * claims and their neighbours: a few dozen queries, whatever the library size.
 */
import type { ClaimIndex } from '../core/matching';
import { clusterEvents } from '../core/events';
import type { Claim, NewsEvent } from '../core/types';
import { allArticleMetas, allClaims, allEvents, articlesByIds, countClaims, getMeta, libraryRevision, replaceEvents } from '../store';
import { libraryClaimIndex } from './library';

/** Claims a local clustering may look at, at most. */
const LOCAL_LIMIT = 400;
/** Library size (claims) up to which every claim is clustered (about a second of work). */
export const FULL_LIMIT = 2_000;

let clustering: { revision: number; events: Promise<NewsEvent[]> } | undefined;

/** The full clustering at the current revision: stored, in progress, or started now. */
export async function libraryEvents(): Promise<NewsEvent[]> {
  const [revision, snapshot] = await Promise.all([libraryRevision(), getMeta('events')]);
  if (snapshot && snapshot.revision === revision) return allEvents();
  if (clustering?.revision === revision) return clustering.events;
  const events = (async () => {
    const [claims, articles, index] = await Promise.all([allClaims(), allArticleMetas(), libraryClaimIndex()]);
    const clustered = clusterEvents(claims, index, articles);
    await replaceEvents(clustered, revision);
    return clustered;
  })();
  clustering = { revision, events };
  events.catch(() => {
    if (clustering?.events === events) clustering = undefined;
  });
  return events;
}

/** The full clustering when the library is small enough for it (or it is stored and fresh), else `undefined`. */
export async function fullEventsIfAffordable(): Promise<NewsEvent[] | undefined> {
  const [revision, snapshot, claims] = await Promise.all([libraryRevision(), getMeta('events'), countClaims()]);
  if (snapshot && snapshot.revision === revision) return allEvents();
  return claims <= FULL_LIMIT ? libraryEvents() : undefined;
}

/** The claims within two links of `start`, at most `LOCAL_LIMIT`. */
function neighbourhood(start: Claim[], index: ClaimIndex): Claim[] {
  const found = new Map(start.map((c) => [c.id, c]));
  let frontier = start;
  for (let hop = 0; hop < 2 && frontier.length && found.size < LOCAL_LIMIT; hop++) {
    const next: Claim[] = [];
    for (const claim of frontier) {
      for (const link of index.query(claim, { top: 5, excludeArticleId: claim.articleId })) {
        const linked = index.getClaim(link.claimId);
        if (!linked || found.has(linked.id) || found.size >= LOCAL_LIMIT) continue;
        found.set(linked.id, linked);
        next.push(linked);
      }
    }
    frontier = next;
  }
  return [...found.values()];
}

/** Events around some claims, clustered from their neighbourhood only. */
export async function localEvents(claims: Claim[]): Promise<NewsEvent[]> {
  if (!claims.length) return [];
  const index = await libraryClaimIndex();
  const near = neighbourhood(claims, index);
  const articles = await articlesByIds([...new Set(near.map((c) => c.articleId))]);
  return clusterEvents(near, index, articles);
}
