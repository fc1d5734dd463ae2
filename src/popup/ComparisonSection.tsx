/**
 * The panel's comparison: per event on the page, the table (tab view) or one
 * card per outlet (popup), then each report's differences at a glance; related
 * reports (another day or speaker) follow apart, each saying why.
 */
import type { PageContext } from '../shared/messages';
import type { EventComparison, RelatedReport } from '../ui/comparison';
import { sourceName } from '../ui/comparison';
import { ComparisonTable, OutletCards } from '../ui/ComparisonTable';
import { DifferenceView } from '../ui/DifferenceView';
import { articleLine } from '../ui/format';
import { articleViewHref } from '../ui/links';
import { comparisonRows, type NameBook } from '../ui/rows';

/** Props shared by the event views. */
interface ViewProps {
  names: NameBook;
  page: PageContext | null;
  /** The full tab: a table; otherwise the popup's cards. */
  wide: boolean;
}

/** One event: its table or cards, and the differences of each report. */
function EventView({ ev, names, page, wide }: ViewProps & { ev: EventComparison }) {
  // A page the library holds a copy of links its own cells to that copy's sentences.
  const rows = comparisonRows(ev, names, page?.copyOf[0]?.id);
  const date = ev.date ? ` · ${ev.date}${ev.dateInferred ? ' (inferred)' : ''}` : '';
  const headingId = `event-${ev.id}`;
  return (
    <section class="px-event" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {ev.label}
        {date}
      </h3>
      {wide ? <ComparisonTable ev={ev} rows={rows} page={page} /> : <OutletCards ev={ev} rows={rows} page={page} />}
      <h4>Differences at a glance</h4>
      <ul class="px-list">
        {ev.columns.flatMap((column) =>
          column.pairs.map((pair) => (
            <li key={column.article.id + pair.report.claim.id + pair.pageText}>
              <div class="px-source">{sourceName(column.article)}</div>
              <DifferenceView pair={pair} names={names} page={page} links />
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

/** Every event on the page. */
export function EventComparisons({ events, ...props }: ViewProps & { events: EventComparison[] }) {
  return (
    <>
      {events.map((ev) => (
        <EventView key={ev.id} ev={ev} {...props} />
      ))}
    </>
  );
}

/** Related reports: the same subject, not the same report, each with why. */
export function RelatedReports({ related }: { related: RelatedReport[] }) {
  if (!related.length) return null;
  return (
    <section aria-labelledby="related-h">
      <h2 id="related-h">Related, not the same report</h2>
      <ul class="px-list">
        {related.map(({ pageText, report, why }) => (
          <li key={report.claim.id + pageText}>
            <div class="px-source">{articleLine(report.article)}</div>
            <div class="px-small px-disagree">{why}</div>
            <p class="px-quote">
              {report.claim.text}{' '}
              <a class="px-small" href={articleViewHref(report.article.id, report.claim.sentenceIndex)} target="_blank">
                in the stored article
              </a>
            </p>
            <p class="px-small px-muted">On this page: {pageText}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
