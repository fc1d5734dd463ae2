/**
 * The stored articles. Fields the source did not give but the text implies
 * (dateline, credited agency, date) are marked "inferred", with the evidence
 * one click away: Parallax never presents a guess as a fact.
 */
import type { Inferred } from '../core/types';
import type { LibraryArticle } from '../shared/messages';
import { formatDate } from '../ui/format';
import { articleViewHref } from '../ui/links';

function InferredField({ name, field, format = (s) => s }: { name: string; field: Inferred<string>; format?: (s: string) => string }) {
  return (
    <span>
      {name}: <span class="inferred">{format(field.value)}</span>
      <span class="badge" title={field.evidence}>
        inferred
      </span>
      <details>
        <summary>Evidence for the {name.toLowerCase()}</summary>
        <p>{field.evidence}</p>
      </details>
    </span>
  );
}

const ORIGIN: Record<LibraryArticle['origin'], string> = { seed: 'bundled seed', saved: 'saved from a page', import: 'imported pack' };

/** One row per article; every stored string is rendered as text (Preact escapes it), never as HTML. */
export function ArticleList({ articles, onDelete }: { articles: LibraryArticle[]; onDelete: (article: LibraryArticle) => void }) {
  if (!articles.length) return <p>No articles match.</p>;
  return (
    <ul class="articles" aria-label="Stored articles">
      {articles.map((a) => (
        <li key={a.id} data-article-id={a.id}>
          <strong>
            <a href={articleViewHref(a.id)} aria-label={`Read the stored text of ${a.label}`}>
              {a.label}
            </a>
          </strong>
          <div class="fields">
            <span>Source: {ORIGIN[a.origin]}</span>
            {a.outlet && <span>Outlet: {a.outlet}</span>}
            {a.date && <span>Date: {formatDate(a.date)}</span>}
            <span>
              {a.claims} {a.claims === 1 ? 'claim' : 'claims'}, {a.mentions} {a.mentions === 1 ? 'name' : 'names'}
            </span>
            {a.url && (
              <span>
                <a href={a.url} rel="noreferrer noopener" target="_blank">
                  Source page
                </a>
              </span>
            )}
            {a.dateline && <InferredField name="Dateline" field={a.dateline} />}
            {a.creditedAgency && <InferredField name="Credited agency" field={a.creditedAgency} />}
            {!a.date && a.inferredDate && <InferredField name="Date" field={a.inferredDate} format={formatDate} />}
          </div>
          <button type="button" class="delete" onClick={() => onDelete(a)} aria-label={`Delete ${a.label}`}>
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}
