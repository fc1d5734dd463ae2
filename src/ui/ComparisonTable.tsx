/**
 * The comparison table for one event: a column for this page and one per
 * other article, rows for what a reader compares (see `rows.ts`). The tab view
 * shows the table, scrolling sideways when it is wider than the window; the
 * popup's width shows the same rows as one card per outlet. Every other
 * article's verbatim cell links to its sentence in the stored article view.
 */
import type { PageContext } from '../shared/messages';
import type { EventComparison, OutletColumn } from './comparison';
import { dateText, sourceName } from './comparison';
import { articleLine } from './format';
import { articleViewHref, sentenceHref, type SentenceRef } from './links';
import type { ComparisonCell, ComparisonRow } from './rows';

/** One verbatim text, linked to its sentence in the stored article when it has one. */
function CellText({ text, source }: { text: string; source: SentenceRef | null | undefined }) {
  if (!source) return <>{text}</>;
  return (
    <a class="px-cell-link" href={sentenceHref(source)} target="_blank" title="Open this sentence in the stored article">
      {text}
    </a>
  );
}

/** A cell's texts, or a muted dash that a screen reader hears as "not given". */
function CellTexts({ cell }: { cell: ComparisonCell | undefined }) {
  const texts = cell?.texts ?? [];
  if (!texts.length)
    return (
      <span class="px-muted" aria-label="not given">
        —
      </span>
    );
  if (texts.length === 1) return <CellText text={texts[0]!} source={cell?.sources[0]} />;
  return (
    <ul class="px-cell-list">
      {texts.map((t, i) => (
        <li key={i}>
          <CellText text={t} source={cell?.sources[i]} />
        </li>
      ))}
    </ul>
  );
}

/** This page's heading: its date and, when the library holds it, which stored report it is. */
export function PageHead({ page }: { page: PageContext | null }) {
  const date = page?.pageDate ? dateText(page.pageDate.date, page.pageDate.inferred) : undefined;
  return (
    <>
      <span class="px-source">This page</span>
      {date && <span class="px-small px-muted"> · {date}</span>}
      {page?.copyOf.length ? <div class="px-small">same wire report as {page.copyOf.map((a) => sourceName(a)).join(', ')}</div> : null}
    </>
  );
}

/** An article's heading: its name (linked when it has a URL), outlet only as known, date with "(inferred)". */
export function ColumnHead({ column }: { column: OutletColumn }) {
  const { article } = column;
  const name = sourceName(article);
  const line = articleLine(article);
  const detail = line.startsWith(`${name} · `) ? line.slice(name.length + 3) : line === name ? '' : line;
  return (
    <>
      {article.url ? (
        <a class="px-source" href={article.url} target="_blank" rel="noreferrer noopener">
          {name}
        </a>
      ) : (
        <span class="px-source">{name}</span>
      )}
      {/* The rest of the article's line (dateline, agency, date), without repeating its name. */}
      {detail && <div class="px-small px-muted">{detail}</div>}
      <div class="px-small">
        <a href={articleViewHref(article.id)} target="_blank" aria-label={`Stored text of ${name}`}>
          Stored text
        </a>
      </div>
    </>
  );
}

/** The full table (tab view): columns are sources, rows are what a reader compares. */
export function ComparisonTable({ ev, rows, page }: { ev: EventComparison; rows: ComparisonRow[]; page: PageContext | null }) {
  return (
    // A scrolling region must be focusable to scroll by keyboard, and named for screen readers.
    <div class="px-table-scroll" tabIndex={0} role="region" aria-label={`Comparison table: ${ev.label}`}>
      <table class="px-table">
        <caption class="px-sr">How this page and each other article report {ev.label}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              <PageHead page={page} />
            </th>
            {ev.columns.map((c) => (
              <th scope="col" key={c.article.id}>
                <ColumnHead column={c} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} class={row.differs ? 'px-differs' : undefined}>
              <th scope="row">
                {row.label}
                {row.differs && <span class="px-disagree"> (differs)</span>}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i}>
                  <CellTexts cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The popup's width: one card per source with the same rows. */
export function OutletCards({ ev, rows, page }: { ev: EventComparison; rows: ComparisonRow[]; page: PageContext | null }) {
  const heads = [<PageHead key="page" page={page} />, ...ev.columns.map((c) => <ColumnHead key={c.article.id} column={c} />)];
  return (
    <ul class="px-outlets">
      {heads.map((head, i) => (
        <li key={i} class="px-outlet">
          <div>{head}</div>
          <dl class="px-rows">
            {rows.map((row) => (
              <div key={row.id} class={row.differs ? 'px-differs' : undefined}>
                <dt>
                  {row.label}
                  {row.differs && <span class="px-disagree"> (differs)</span>}
                </dt>
                <dd>
                  <CellTexts cell={row.cells[i]} />
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
