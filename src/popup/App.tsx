/**
 * The comparison panel: for one tab, the names Parallax found, every matched
 * claim with the other outlets' versions, events, a timeline, the library's
 * size, and "Save this article to the library". Works as the toolbar popup and
 * as a full tab (`?tab=<id>`).
 */
import { useEffect, useState } from 'preact/hooks';
import { Events, MatchedClaims, PageNames, Timeline } from './Sections';
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
  const fullTab = new URLSearchParams(search).has('tab');
  useEffect(() => {
    let live = true;
    (async () => {
      const tabId = await resolveTabId(search);
      if (tabId === null) throw new Error('No tab to show.');
      const data = await loadPanel(tabId);
      if (live) setStatus({ state: 'ready', data });
    })().catch((error: unknown) => live && setStatus({ state: 'error', message: String((error as Error)?.message ?? error) }));
    return () => {
      live = false;
    };
  }, [search]);

  return (
    <main class="px-root px-panel">
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
      {status.state === 'loading' && <p aria-live="polite">Reading this page…</p>}
      {status.state === 'error' && <p role="alert">Parallax could not open this panel: {status.message}</p>}
      {status.state === 'ready' && <Panel data={status.data} />}
    </main>
  );
}

function Panel({ data }: { data: PanelData }) {
  if (!data.page.ok) {
    return (
      <>
        <p role="alert">
          Parallax can't read this page (it may be a browser page, or it was open before Parallax was installed: reload it).{' '}
          <span class="px-muted px-small">{data.page.error}</span>
        </p>
        <Footer data={data} />
      </>
    );
  }
  const page = data.page.value;
  return (
    <>
      <p class="px-muted px-small">{page.title || page.url}</p>
      {!page.isArticle ? (
        <p>This page doesn't look like an article.</p>
      ) : (
        <>
          <section aria-labelledby="claims-h">
            <h2 id="claims-h">How others reported this</h2>
            <MatchedClaims matches={page.matches} />
          </section>
          {data.comparison && data.comparison.events.length > 0 && (
            <section aria-labelledby="events-h">
              <h2 id="events-h">Events</h2>
              <Events events={data.comparison.events} />
            </section>
          )}
          <section aria-labelledby="names-h">
            <h2 id="names-h">Names on this page</h2>
            <PageNames entities={page.entities} />
          </section>
          {data.comparison && (
            <section aria-labelledby="timeline-h">
              <h2 id="timeline-h">Timeline</h2>
              <Timeline timeline={data.comparison.timeline} />
            </section>
          )}
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
        : 'Library size unavailable.'}
    </footer>
  );
}
