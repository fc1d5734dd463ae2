/** The search box and filters above the library list. Each control has a visible label. */
import type { ArticleFilter } from './filterArticles';

/** Controls for an {@link ArticleFilter}; `onChange` gets the whole new filter. */
export function LibraryFilters({
  filter,
  outlets,
  onChange,
}: {
  filter: ArticleFilter;
  outlets: string[];
  onChange: (filter: ArticleFilter) => void;
}) {
  const set = (key: keyof ArticleFilter) => (event: Event) =>
    onChange({ ...filter, [key]: (event.currentTarget as HTMLInputElement).value });
  return (
    <form class="filters" role="search" aria-label="Search the library" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search <input type="search" name="query" value={filter.query} onInput={set('query')} placeholder="title, outlet, URL" />
      </label>
      <label>
        Outlet{' '}
        <select name="outlet" value={filter.outlet} onChange={set('outlet')}>
          <option value="">Any outlet</option>
          {outlets.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        From <input type="date" name="from" value={filter.from} onInput={set('from')} />
      </label>
      <label>
        To <input type="date" name="to" value={filter.to} onInput={set('to')} />
      </label>
    </form>
  );
}
