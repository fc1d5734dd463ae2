/**
 * The entity card's payload. It leads with what the library says about the
 * name in this page's story (the stored sentences of the page's events that
 * name it), then the library's events that name it, one line each with date
 * and outlets as stored, then every stored article that mentions it, and a
 * locator map for places with a known position.
 *
 * "This page's story" is the stored claims that the page's sentences matched
 * (the content script sends their ids) and the events holding them.
 */
import { timelineFor } from '../core/events';
import type { NewsEvent } from '../core/types';
import type { EntityCard, EntityEventLine } from '../shared/messages';
import { articlesByIds, claimsByIds, getEntity, mentionsOfEntity } from '../store';
import { locatorFor } from '../ui/locator/locator';
import { fullEventsIfAffordable, localEvents } from './events';
import { pageContext } from './match';
import { byArticleDate, summarizeArticle } from './summary';
import { articleSummaries } from './articleSummaries';

/** Events shown in a card's timeline at most (the oldest are dropped first). */
export const TIMELINE_LIMIT = 12;
/** Sentences from the page's story shown at most. */
export const STORY_LIMIT = 2;

/** Card data for one entity; `pageClaimIds` are the stored claims the page's sentences matched. */
export async function entityCard(entityId: string, pageClaimIds: readonly string[] = [], pageUrl?: string): Promise<EntityCard> {
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
  const card: EntityCard = {
    entity,
    articles: articles.map((article) => ({
      article: summarizeArticle(article),
      sentences: [...sentenceIndexes.get(article.id)!]
        .sort((a, b) => a - b)
        .flatMap((i) => (i >= 0 && article.sentences[i] ? [article.sentences[i].text] : [])),
    })),
  };
  // The page's own stored copy (saved, or the same text under another URL) is the page, not the library's word on it.
  const copies = new Set(pageUrl ? (await pageContext(pageUrl)).copyOf.map((a) => a.id) : []);
  Object.assign(card, await entityStory(entityId, pageClaimIds, copies));
  const locator = entity.kind === 'place' ? locatorFor(entity.id, entity.name) : undefined;
  if (locator) card.locator = locator;
  return card;
}

/** The page's story as it concerns the entity, and the entity's timeline of events. */
async function entityStory(
  entityId: string,
  pageClaimIds: readonly string[],
  copies: ReadonlySet<string>,
): Promise<Pick<EntityCard, 'inPageEvent' | 'timeline'>> {
  const pageClaims = await claimsByIds([...pageClaimIds]);
  // Large libraries cluster the page's neighbourhood only: the timeline then covers those events.
  const events: NewsEvent[] = (await fullEventsIfAffordable()) ?? (await localEvents(pageClaims));
  const onPage = new Set(pageClaimIds);
  const pageEvents = new Set(events.filter((e) => e.claimIds.some((id) => onPage.has(id))));
  const named = timelineFor(entityId, events);
  // The newest events matter most when there are many; shown oldest first.
  const shown = named.length > TIMELINE_LIMIT ? named.filter((e) => e.date).slice(-TIMELINE_LIMIT) : named;

  // The page's story: the stored claims it matched, and the events they belong to (a claim only one stored
  // article reports is in no event, yet it is what the library says about this page's story).
  const storyIds = new Set([...pageClaimIds, ...[...pageEvents].flatMap((e) => e.claimIds)]);
  const storyClaims = (await claimsByIds([...storyIds])).filter((c) => c.entities.includes(entityId) && !copies.has(c.articleId));
  const articleIds = new Set([...shown.flatMap((e) => e.articleIds), ...storyClaims.map((c) => c.articleId)]);
  const summaries = await articleSummaries(articleIds);

  const result: Pick<EntityCard, 'inPageEvent' | 'timeline'> = {
    timeline: shown.map((event): EntityEventLine => ({
      eventId: event.id,
      label: event.label,
      ...(event.date ? { date: event.date, dateInferred: event.dateInferred ?? false } : {}),
      articles: event.articleIds.flatMap((id) => summaries.get(id) ?? []),
      onPage: pageEvents.has(event),
    })),
  };
  if (pageClaims.length > 0) {
    const seen = new Set<string>();
    result.inPageEvent = storyClaims
      .flatMap((claim) => {
        const article = summaries.get(claim.articleId);
        if (!article || seen.has(claim.text)) return [];
        seen.add(claim.text);
        return [{ text: claim.text, article }];
      })
      .slice(0, STORY_LIMIT);
  }
  return result;
}
