/**
 * The comparison table's model: the page's matched sentences grouped into the
 * library's events, one column for this page and one per other article that
 * reports the same thing. Reports the background calls `related` (another
 * day, another speaker) are kept apart with the reason in words, never mixed
 * into the table as if they were the same report.
 */
import type { Attribution } from '../core/types';
import type { ArticleSummary, Comparison, LinkedReport, PageContext, PageState } from '../shared/messages';
import { formatDate } from './format';

/** One matched page sentence, as the content script reports it. */
export type PageMatch = PageState['matches'][number];

/** A page sentence and one other article's report of it. */
export interface ReportPair {
  pageText: string;
  report: LinkedReport;
}

/** One other article's column: every report of it that matches a page sentence of the event. */
export interface OutletColumn {
  article: ArticleSummary;
  pairs: ReportPair[];
}

/** One event on the page, with the page's sentences and each other article's reports. */
export interface EventComparison {
  id: string;
  label: string;
  date?: string;
  dateInferred?: boolean;
  pageTexts: string[];
  columns: OutletColumn[];
}

/** A related report shown apart, with why it is not the same report. */
export interface RelatedReport extends ReportPair {
  why: string;
}

/** The short name of a report's source: outlet when known, else the label's first part (title or "Seed article N"). */
export function sourceName(article: ArticleSummary): string {
  return article.outlet ?? article.label.split(' · ')[0] ?? article.label;
}

/** A date for display with "(inferred)" when the text only implies it. */
export function dateText(date: string | undefined, inferred: boolean | undefined): string | undefined {
  return date ? formatDate(date) + (inferred ? ' (inferred)' : '') : undefined;
}

/** The date a report speaks of: its claim's own time when resolved, else its article's date. */
export function reportDate(report: LinkedReport): string | undefined {
  const time = report.claim.time;
  if (time?.date) return dateText(time.date, time.inferred);
  return dateText(report.article.date, report.article.dateInferred);
}

/** "the ministry (said)": the speaker as written, then how. */
export function speakerText(attribution: Attribution | undefined): string | undefined {
  if (!attribution) return undefined;
  return `${attribution.speaker} (${attribution.verb === 'according-to' ? 'according to' : attribution.verb})`;
}

/** Why a related report is not the same report, in words ("reported 1 Mar 2023; this page 6 Mar 2023"). */
export function relatedWhy(report: LinkedReport, page: PageContext | null): string {
  const parts = report.reasons.map((reason) => {
    if (reason === 'other-day') {
      const there = reportDate(report);
      const here = page?.pageDate ? dateText(page.pageDate.date, page.pageDate.inferred) : undefined;
      if (there && here) return `reported ${there}; this page ${here}`;
      return there ? `reported ${there}, another day than this page` : 'another day than this page';
    }
    if (reason === 'other-speaker') {
      const speaker = report.claim.attribution?.speaker;
      return speaker ? `another speaker: ${speaker}` : 'another speaker';
    }
    return reason === 'boilerplate' ? 'a stock sentence the outlet repeats' : 'a weak match';
  });
  return parts.length ? parts.join('; ') : 'on the same subject, not the same report';
}

/**
 * Groups matches into events: a page sentence belongs to the first event
 * holding one of its `same` reports; sentences in no event form one group of
 * their own ("Not grouped into an event"). Related reports go to `related`.
 */
export function groupByEvent(
  matches: readonly PageMatch[],
  events: Comparison['events'] | undefined,
  page: PageContext | null,
): { events: EventComparison[]; related: RelatedReport[] } {
  const byId = new Map<string, EventComparison>();
  const related: RelatedReport[] = [];
  for (const match of matches) {
    const same = match.reports.filter((r) => r.relation === 'same');
    for (const report of match.reports)
      if (report.relation === 'related') related.push({ pageText: match.text, report, why: relatedWhy(report, page) });
    if (!same.length) continue;
    const event = events?.find(({ event }) => same.some((r) => event.claimIds.includes(r.claim.id)))?.event;
    const id = event?.id ?? 'other';
    let group = byId.get(id);
    if (!group) {
      group = { id, label: event?.label ?? 'Not grouped into an event', pageTexts: [], columns: [] };
      if (event?.date) Object.assign(group, { date: event.date, dateInferred: event.dateInferred ?? false });
      byId.set(id, group);
    }
    group.pageTexts.push(match.text);
    for (const report of same) {
      let column = group.columns.find((c) => c.article.id === report.article.id);
      if (!column) group.columns.push((column = { article: report.article, pairs: [] }));
      column.pairs.push({ pageText: match.text, report });
    }
  }
  // Events first, the catch-all last.
  const grouped = [...byId.values()].sort((a, b) => Number(a.id === 'other') - Number(b.id === 'other'));
  return { events: grouped, related };
}
