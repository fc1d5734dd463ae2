/**
 * Card and panel data: an entity with every stored article that mentions it,
 * and the comparison panel (events and a timeline) for a page.
 */
import { timelineFor } from '../core/events';
import type { Claim } from '../core/types';
import type { ArticleSummary, BackgroundCalls, Comparison, EntityCard } from '../shared/messages';
import { articlesByIds, claimsByIds, getEntity, mentionsOfEntity } from '../store';
import { fullEventsIfAffordable, localEvents } from './events';
import { byArticleDate, summarizeArticle } from './summary';

/** Card data for one entity: each article mentioning it, oldest first, with the sentences that do. */
export async function entityCard(entityId: string): Promise<EntityCard> {
  const entity = await getEntity(entityId);
  if (!entity) throw new Error(`Unknown entity: ${entityId}`);
  const mentions = await mentionsOfEntity(entityId);
  const sentenceIndexes = new Map<string, Set<number>>();
  for (const m of mentions) {
    const set = sentenceIndexes.get(m.articleId) ?? new Set<number>();
    set.add(m.sentenceIndex);
    sentenceIndexes.set(m.articleId, set);
  }
  const articles = (await articlesByIds([...sentenceIndexes.keys()])).sort(byArticleDate);
  return {
    entity,
    articles: articles.map((article) => ({
      article: summarizeArticle(article),
      sentences: [...sentenceIndexes.get(article.id)!]
        .sort((a, b) => a - b)
        .flatMap((i) => (i >= 0 && article.sentences[i] ? [article.sentences[i].text] : [])),
    })),
  };
}

/** The comparison panel: events holding the page's matched claims, and a timeline of its entities. */
export async function comparison(params: BackgroundCalls['getComparison']['params']): Promise<Comparison> {
  const pageClaims = await claimsByIds(params.claimIds);
  // Large libraries cluster the page's neighbourhood only; the timeline then covers those events.
  const events = (await fullEventsIfAffordable()) ?? (await localEvents(pageClaims));
  const wanted = new Set(params.claimIds);
  const pageEvents = events.filter((e) => e.claimIds.some((id) => wanted.has(id)));

  const claimIds = [...new Set(pageEvents.flatMap((e) => e.claimIds))];
  const claims = new Map<string, Claim>((await claimsByIds(claimIds)).map((c) => [c.id, c]));
  const articleIds = [...new Set([...claims.values()].map((c) => c.articleId))];
  const summaries = new Map<string, ArticleSummary>((await articlesByIds(articleIds)).map((a) => [a.id, summarizeArticle(a)]));

  const timeline = new Map<string, Comparison['timeline'][number]>();
  for (const entityId of params.entityIds) {
    for (const event of timelineFor(entityId, events)) {
      if (event.date && !timeline.has(event.id)) {
        timeline.set(event.id, { date: event.date, dateInferred: event.dateInferred ?? false, label: event.label, eventId: event.id });
      }
    }
  }

  return {
    events: pageEvents.map((event) => ({
      event,
      reports: event.claimIds.flatMap((id) => {
        const claim = claims.get(id);
        const article = claim && summaries.get(claim.articleId);
        return claim && article ? [{ claim, article }] : [];
      }),
    })),
    timeline: [...timeline.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}
