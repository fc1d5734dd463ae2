/**
 * The panel's other sections: names on the page, and the timeline that says
 * what it shows.
 */
import type { EntityKind } from '../core/types';
import type { Comparison, PageState } from '../shared/messages';
import { formatDate } from '../ui/format';

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

/**
 * Dated events involving the page's names, oldest first, with a sentence
 * saying so. On a page whose event the library does not hold (`matched`: some
 * other report matches the page all the same), it says that
 * instead of listing other events as if they were this one's background.
 */
export function Timeline({
  timeline,
  pageEventIds,
  matched,
}: {
  timeline: Comparison['timeline'];
  pageEventIds: string[];
  matched: boolean;
}) {
  if (matched && pageEventIds.length === 0) {
    return (
      <p class="px-muted">
        Other reports match this page's claims, but the library has not grouped them into a dated event yet, so there is no timeline for it.
      </p>
    );
  }
  if (pageEventIds.length === 0) {
    return (
      <p class="px-muted">
        This page's event is not in the library, so there is no timeline for it: other stored events that share its names are not listed, as
        they are not what this page reports.
      </p>
    );
  }
  if (timeline.length === 0) return <p class="px-muted">The library has no dated events for the names on this page yet.</p>;
  return (
    <>
      <p class="px-muted px-small">
        Events in your library that involve the names on this page, oldest first, so you can see what came before and after it. Dates marked
        (inferred) come from the text, not the source.
      </p>
      <ol class="px-timeline">
        {timeline.map((t) => {
          const here = pageEventIds.includes(t.eventId);
          return (
            <li key={t.eventId + t.date} class={here ? 'px-here' : undefined}>
              <time dateTime={t.date}>{formatDate(t.date)}</time>
              {t.dateInferred ? <span class="px-muted"> (inferred)</span> : null} — {t.label}
              {here && <strong> (this page's event)</strong>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
