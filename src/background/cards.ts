/**
 * Card and panel data: the comparison panel (events and a timeline) for a
 * page, and for claim cards the other article's own evidence for what its
 * matched sentence lacks. The entity card has its own file (`entityCard.ts`).
 */
import { timelineFor } from '../core/events';
import { findArticleEvidence, type FactSentence } from '../core/matching';
import type { Claim, ClaimDifference } from '../core/types';
import type { BackgroundCalls, Comparison, SentenceMatch } from '../shared/messages';
import { articlesWithFacts, claimsByIds, type ArticleRecord, type MentionRecord } from '../store';
import { ArticleMemo, articleSummaries } from './articleSummaries';
import { fullEventsIfAffordable, localEvents } from './events';

// The entity card lives in its own file; handlers import it from here as before.
export { entityCard } from './entityCard';

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
  const summaries = await articleSummaries(articleIds);

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

/** Articles read per `matchSentences` batch for evidence: a bound on the work one page can cause. */
const EVIDENCE_ARTICLES = 40;

/** Whether a comparison leaves a page number or name unmatched, so the rest of the article is worth reading. */
const wantsEvidence = (d: ClaimDifference) => d.entities.onlyA.length > 0 || d.numbers.some((n) => n.a && !(n.b && n.agree));

/** Every sentence of a stored article with its claim's quantities and the names mentioned in it. */
function factSentences({
  article,
  claims,
  mentions,
}: {
  article: ArticleRecord;
  claims: Claim[];
  mentions: MentionRecord[];
}): FactSentence[] {
  const byIndex = new Map(claims.map((c) => [c.sentenceIndex, c]));
  const names = new Map<number, Set<string>>();
  for (const m of mentions) names.set(m.sentenceIndex, (names.get(m.sentenceIndex) ?? new Set()).add(m.entityId));
  return article.sentences.map((s) => {
    const claim = byIndex.get(s.index);
    return {
      index: s.index,
      text: s.text,
      quantities: claim?.quantities ?? [],
      entities: [...new Set([...(claim?.entities ?? []), ...(names.get(s.index) ?? [])])],
    };
  });
}

/** Each linked article's sentences with their numbers and names: rescans and other pages of a story ask again. */
const articleFacts = new ArticleMemo<FactSentence[]>(
  async (ids) => new Map((await articlesWithFacts(ids)).map((row) => [row.article.id, factSentences(row)])),
  400,
);

/**
 * Adds to each report the sentences of its article that give a number or name its matched
 * sentence lacks (core `findArticleEvidence`), so the card says "only this page" only when true.
 */
export async function withArticleEvidence(matches: SentenceMatch[]): Promise<SentenceMatch[]> {
  const wanted = [...new Set(matches.flatMap((m) => m.reports.filter((r) => wantsEvidence(r.difference)).map((r) => r.article.id)))];
  const ids = wanted.slice(0, EVIDENCE_ARTICLES);
  const facts = await articleFacts.get(ids);
  return matches.map((match) => ({
    ...match,
    reports: match.reports.map((report) => {
      const sentences = facts.get(report.article.id);
      if (!sentences || !wantsEvidence(report.difference)) return report;
      const evidence = findArticleEvidence(report.difference, report.claim.sentenceIndex, sentences);
      return evidence.length ? { ...report, evidence } : report;
    }),
  }));
}
