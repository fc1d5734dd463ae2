/**
 * The panel's sections: names on the page, matched claims with every other
 * report, events, timeline.
 */
import type { EntityKind } from '../core/types';
import type { Comparison, PageState } from '../shared/messages';
import { articleLine, attributionLine } from '../ui/format';
import { ReportList } from '../ui/ReportView';

const KINDS: EntityKind[] = ['person', 'place', 'org'];
const PLURAL: Record<EntityKind, string> = { person: 'People', place: 'Places', org: 'Organisations' };

/** Names found on the page, grouped by kind, with counts and the spellings used. */
export function PageNames({ entities }: { entities: PageState['entities'] }) {
  if (entities.length === 0) return <p class="px-muted">No known names here.</p>;
  return (
    <div>
      {KINDS.map((kind) => {
        const list = entities.filter((e) => e.kind === kind);
        if (list.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`names-${kind}`}>
            <h3 id={`names-${kind}`}>
              {PLURAL[kind]} ({list.length})
            </h3>
            <ul class="px-names">
              {list.map((e) => (
                <li key={e.entityId}>
                  <strong>{e.name}</strong>{' '}
                  <span class="px-chip" aria-label={`${e.count} mentions`}>
                    {e.count}×
                  </span>
                  {e.surfaces.some((s) => s !== e.name) && <span class="px-muted"> as {e.surfaces.join(', ')}</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** Each matched page sentence with every other outlet's version. */
export function MatchedClaims({ matches }: { matches: PageState['matches'] }) {
  if (matches.length === 0) return <p class="px-muted">No sentence on this page matches a claim in the library.</p>;
  return (
    <ol class="px-list">
      {matches.map((m, i) => (
        <li key={m.key}>
          {/* Native disclosure: keyboard and screen-reader friendly; the first match starts open. */}
          <details open={i === 0}>
            <summary>
              <span class="px-muted">This page: </span>
              {m.text}{' '}
              <span class="px-chip">
                {m.reports.length} other {m.reports.length === 1 ? 'report' : 'reports'}
              </span>
            </summary>
            <ReportList reports={m.reports} />
          </details>
        </li>
      ))}
    </ol>
  );
}

/** Events the page's claims belong to, each outlet's version side by side. */
export function Events({ events }: { events: Comparison['events'] }) {
  if (events.length === 0) return null;
  return (
    <ol class="px-list">
      {events.map(({ event, reports }) => (
        <li key={event.id}>
          <h3>
            {event.label}
            {event.date ? ` · ${event.date}${event.dateInferred ? ' (inferred)' : ''}` : ''}
          </h3>
          <ul class="px-columns">
            {reports.map(({ claim, article }) => (
              <li key={claim.id}>
                <div class="px-source">{articleLine(article)}</div>
                <div class="px-small px-muted">
                  {attributionLine(claim.attribution)}
                  {claim.hedges.length ? ` · hedged: ${claim.hedges.join(', ')}` : ''}
                </div>
                <p class="px-quote">{claim.text}</p>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Dated events involving the page's names, oldest first. */
export function Timeline({ timeline }: { timeline: Comparison['timeline'] }) {
  if (timeline.length === 0) return <p class="px-muted">No dated events for these names yet.</p>;
  return (
    <ol class="px-timeline">
      {timeline.map((t) => (
        <li key={t.eventId + t.date}>
          <time dateTime={t.date}>{t.date}</time>
          {t.dateInferred ? <span class="px-muted"> (inferred)</span> : null} — {t.label}
        </li>
      ))}
    </ol>
  );
}
