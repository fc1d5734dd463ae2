/**
 * The comparison panel: for one tab, the comparison table of each event on the
 * page (one card per outlet in the popup's width, the full table in a tab),
 * each difference at a glance, related reports apart, the names found, a
 * timeline, the library's size, and "Save this article to the library". Works
 * as the toolbar popup and as a full tab (`?tab=<id>`).
 */
import { useEffect, useState } from 'preact/hooks';
import { groupByEvent } from '../ui/comparison';
import { EventComparisons, RelatedReports } from './ComparisonSection';
import { PageNames, Timeline } from './Sections';
import { ModelStatus } from './ModelStatus';
import { CopyState, LoadingState, NotArticleState, NothingInLibraryState, RelatedOnlyState, SLOW_LOAD_MS } from './States';
import { loadPanel, openInTab, resolveTabId, saveTabArticle, type PanelData } from './load';

type Status = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: PanelData };

/** Props: where the page was opened (for `?tab=`), overridable in tests. */
export interface AppProps {
  search?: string;
  href?: string;
}

/** The panel. */
export function App({ search = location.search, href = location.href }: AppProps) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [slow, setSlow] = useState(false);
  const fullTab = new URLSearchParams(search).has('tab');
  useEffect(() => {
    let live = true;
    // The background answers once the library is open and seeded; a long wait is almost always that.
    const slowTimer = setTimeout(() => live && setSlow(true), SLOW_LOAD_MS);
    (async () => {
      const tabId = await resolveTabId(search);
      if (tabId === null) throw new Error('No tab to show.');
      const data = await loadPanel(tabId);
      if (live) setStatus({ state: 'ready', data });
    })().catch((error: unknown) => live && setStatus({ state: 'error', message: String((error as Error)?.message ?? error) }));
    return () => {
      live = false;
      clearTimeout(slowTimer);
    };
  }, [search]);

  return (
    <main class={`px-root px-panel${fullTab ? ' px-wide' : ''}`}>
      <header class="px-head">
        <h1 class="px-title">Parallax</h1>
        {status.state === 'ready' && !fullTab && (
          <a
            href={`?tab=${status.data.tabId}`}
            onClick={(e) => {
              e.preventDefault();
              void openInTab(status.data.tabId, href);
            }}
          >
            Open in a tab
          </a>
        )}
      </header>
      {status.state === 'loading' && <LoadingState slow={slow} />}
      {status.state === 'error' && <p role="alert">Parallax could not open this panel: {status.message}</p>}
      {status.state === 'ready' && <Panel data={status.data} wide={fullTab} />}
    </main>
  );
}

function Panel({ data, wide }: { data: PanelData; wide: boolean }) {
  if (!data.page.ok) {
    return (
      <>
        <p role="alert" class="px-state">
          Parallax can't read this page (it may be a browser page, or it was open before Parallax was installed): reload the page and open
          this panel again. <span class="px-muted px-small">{data.page.error}</span>
        </p>
        <Footer data={data} />
      </>
    );
  }
  const page = data.page.value;
  const { events, related } = groupByEvent(page.matches, data.comparison?.events, data.context);
  const copy = data.context?.copyOf.length ? data.context : null;
  const pageEventIds = events.map((e) => e.id).filter((id) => id !== 'other');
  return (
    <>
      <p class="px-muted px-small">{page.title || page.url}</p>
      {!page.isArticle ? (
        <NotArticleState />
      ) : (
        <>
          <section aria-labelledby="claims-h">
            <h2 id="claims-h">How others reported this</h2>
            {copy && <CopyState context={copy} others={events.length > 0} />}
            {!copy && events.length === 0 && (related.length ? <RelatedOnlyState /> : <NothingInLibraryState />)}
            <EventComparisons events={events} names={data.names} page={data.context} wide={wide} />
          </section>
          <RelatedReports related={related} />
          <section aria-labelledby="names-h">
            <h2 id="names-h">Names on this page</h2>
            <PageNames entities={page.entities} />
          </section>
          <section aria-labelledby="timeline-h">
            <h2 id="timeline-h">Timeline</h2>
            <Timeline timeline={data.comparison?.timeline ?? []} pageEventIds={pageEventIds} matched={events.length > 0} />
          </section>
          <SaveButton tabId={data.tabId} />
        </>
      )}
      <Footer data={data} />
    </>
  );
}

function SaveButton({ tabId }: { tabId: number }) {
  const [state, setState] = useState<{ busy: boolean; message?: string }>({ busy: false });
  const save = async () => {
    setState({ busy: true });
    const result = await saveTabArticle(tabId);
    setState({
      busy: false,
      message: result.ok ? (result.added ? 'Saved to the library.' : 'Already in the library.') : `Not saved: ${result.error}`,
    });
  };
  return (
    <p>
      <button type="button" class="px-button" disabled={state.busy} onClick={() => void save()}>
        {state.busy ? 'Saving…' : 'Save this article to the library'}
      </button>
      {state.message && <span role="status"> {state.message}</span>}
    </p>
  );
}

function Footer({ data }: { data: PanelData }) {
  return (
    <footer class="px-muted px-small">
      {data.stats
        ? `Library: ${data.stats.articles} articles, ${data.stats.entities} names, ${data.stats.claims} claims. Everything stays in this browser.`
        : 'Library size unavailable.'}{' '}
      <ModelStatus model={data.context?.model} />
    </footer>
  );
}
