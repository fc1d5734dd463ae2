/**
 * The library: stored articles with search and filters, and deletion. Long
 * libraries show the first rows only, so 10,000 articles do not make the page
 * render 10,000 list items.
 */
import { useMemo, useState } from 'preact/hooks';
import type { LibraryArticle } from '../shared/messages';
import { callBackground } from '../shared/rpc';
import { ArticleList } from './ArticleList';
import { filterArticles, NO_FILTER, outletsOf } from './filterArticles';
import { LibraryFilters } from './LibraryFilters';

/** Rows shown at once; the filters narrow the rest down. */
const SHOWN = 200;

/** The articles section; `onChanged` reloads the list and counts after a deletion. */
export function LibrarySection({ articles, onChanged }: { articles: LibraryArticle[] | null; onChanged: () => Promise<void> }) {
  const [filter, setFilter] = useState(NO_FILTER);
  const [status, setStatus] = useState<string | null>(null);
  const matching = useMemo(() => (articles ? filterArticles(articles, filter) : []), [articles, filter]);
  const outlets = useMemo(() => outletsOf(articles ?? []), [articles]);

  async function remove(article: LibraryArticle) {
    if (!confirm(`Delete "${article.label}" and its ${article.claims} claims from the library?`)) return;
    const reply = await callBackground('deleteArticles', { ids: [article.id] });
    setStatus(reply.ok ? `Deleted "${article.label}".` : `Could not delete: ${reply.error}`);
    await onChanged();
  }

  return (
    <section aria-labelledby="articles-heading">
      <h2 id="articles-heading">Articles</h2>
      {articles ? (
        <>
          <LibraryFilters filter={filter} outlets={outlets} onChange={setFilter} />
          <p aria-live="polite">
            {matching.length === articles.length
              ? `${articles.length} articles`
              : `${matching.length} of ${articles.length} articles match`}
            {matching.length > SHOWN ? `; the first ${SHOWN} are shown.` : '.'} {status}
          </p>
          <ArticleList articles={matching.slice(0, SHOWN)} onDelete={(a) => void remove(a)} />
        </>
      ) : (
        <p>Loading…</p>
      )}
    </section>
  );
}
