/**
 * What the library knows about one name, most relevant first: what it says
 * about the name in this page's story, the library's events that name it
 * (one line each: date, outlets as stored, what happened), how many stored
 * articles mention it (with their sentences, oldest first), and where a place
 * is, on a small offline map.
 */
import type { EntityCard, EntityEventLine } from '../shared/messages';
import { articleLine, formatDate } from './format';
import { LocatorMapView } from './LocatorMapView';

/** Other spellings shown in full; the rest are counted (the popup lists every spelling seen on the page). */
const SPELLINGS_SHOWN = 3;

/** Other spellings of an entity, without its display name. */
export function otherSpellings(card: EntityCard): string[] {
  const name = card.entity.name.toLowerCase();
  return [...new Set(card.entity.aliases)].filter((a) => a.toLowerCase() !== name);
}

/** "12 Mar 2023 (inferred)", or "undated". */
function eventDate(event: EntityEventLine): string {
  if (!event.date) return 'undated';
  return formatDate(event.date) + (event.dateInferred ? ' (inferred)' : '');
}

/** Outlets of an event as stored: outlet, else title, else the label's name part ("Seed article 2"). */
function eventOutlets(event: EntityEventLine): string {
  const names = [...new Set(event.articles.map((a) => a.outlet ?? a.title ?? a.label.split(' · ')[0]!))];
  return names.length > 2 ? `${names.slice(0, 2).join('; ')} and ${names.length - 2} more` : names.join('; ');
}

function PageStory({ card }: { card: EntityCard }) {
  const name = card.entity.name;
  if (!card.inPageEvent) return null;
  return (
    <section aria-label="In this page's story">
      <h3>In this page's story</h3>
      {card.inPageEvent.length === 0 ? (
        <p class="px-muted">The library's reports of this page's story do not name {name}.</p>
      ) : (
        card.inPageEvent.map((s, i) => (
          <div key={i} class="px-said">
            <div class="px-source px-small">{articleLine(s.article)}</div>
            <p class="px-quote">{s.text}</p>
          </div>
        ))
      )}
    </section>
  );
}

function Timeline({ card }: { card: EntityCard }) {
  const events = card.timeline ?? [];
  if (events.length === 0) return null;
  return (
    <section aria-label="Timeline">
      <h3>Timeline</h3>
      <p class="px-muted px-small">
        Stories in your library naming {card.entity.name}, oldest first (each a claim more than one stored article reports).
        {card.inPageEvent === undefined && " None is this page's story: nothing in the library matches this page."}
      </p>
      <ol class="px-timeline">
        {events.map((event) => (
          <li key={event.eventId} class={event.onPage ? 'px-on-page' : undefined}>
            <span class="px-when">{eventDate(event)}</span> <span class="px-what">{event.label}</span>{' '}
            <span class="px-muted px-small">
              ({eventOutlets(event)}){event.onPage ? ' · this page’s story' : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The body of an entity card (heading and chrome come from the caller). */
export function EntityView({ card }: { card: EntityCard }) {
  const spellings = otherSpellings(card);
  const count = card.articles.length;
  const leadsElsewhere = card.inPageEvent !== undefined || (card.timeline?.length ?? 0) > 0;
  return (
    <div>
      {card.locator && <LocatorMapView map={card.locator} />}
      {card.entity.description && <p class="px-muted">{card.entity.description}</p>}
      {spellings.length > 0 && (
        <p>
          <span class="px-muted">Also written: </span>
          {spellings.length > SPELLINGS_SHOWN
            ? `${spellings.slice(0, SPELLINGS_SHOWN).join(', ')} and ${spellings.length - SPELLINGS_SHOWN} more`
            : spellings.join(', ')}
        </p>
      )}
      <PageStory card={card} />
      <Timeline card={card} />
      {count === 0 ? (
        <p class="px-muted">No stored article mentions this name yet.</p>
      ) : (
        <details open={!leadsElsewhere}>
          <summary>
            Mentioned in {count} stored article{count === 1 ? '' : 's'}
          </summary>
          <ul class="px-list" aria-label="Stored articles that mention it">
            {card.articles.map(({ article, sentences }) => (
              <li key={article.id}>
                <div class="px-source">{articleLine(article)}</div>
                {sentences.slice(0, 3).map((s, i) => (
                  <p key={i} class="px-quote">
                    {s}
                  </p>
                ))}
                {sentences.length > 3 && <p class="px-muted px-small">and {sentences.length - 3} more sentences</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
