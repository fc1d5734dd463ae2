/** Tells the reader, once, about an import that did not finish (nothing of it was stored). */
import { useEffect, useState } from 'preact/hooks';
import type { ImportNoticeView } from '../shared/messages';
import { callBackground } from '../shared/rpc';

/** The notice, shown until dismissed. */
export function ImportNotice() {
  const [notice, setNotice] = useState<ImportNoticeView | null>(null);
  useEffect(() => {
    void callBackground('getImportNotice', {}).then((r) => r.ok && setNotice(r.value));
  }, []);
  if (!notice) return null;
  const when = new Date(notice.startedAt).toLocaleString();
  const what = notice.outcome === 'interrupted' ? 'was cut off (the page was closed or the browser stopped it)' : 'failed';
  return (
    <div class="notice" role="alert">
      <p>
        The import of {notice.name} ({notice.articles} articles, started {when}) {what}. Nothing of it was stored: your library is as it was
        before. {notice.detail ? `Reason: ${notice.detail}. ` : ''}You can import the file again.
      </p>
      <button type="button" onClick={() => void callBackground('dismissImportNotice', {}).then(() => setNotice(null))}>
        Dismiss
      </button>
    </div>
  );
}
