/**
 * Import a library pack (.json) or JSON Lines (.jsonl), all or nothing. The
 * file's size is checked before it is read; the background validates the
 * whole file before writing and reports progress while it analyses and writes.
 */
import { useEffect, useState } from 'preact/hooks';
import { IMPORT_LIMITS } from '../core/library/libraryPack';
import { tooLargeMessage } from '../core/library/libraryImport';
import { browser } from '../shared/browser';
import type { ImportProgress, ImportSummary } from '../shared/messages';
import { callBackground } from '../shared/rpc';

/** True for the background's progress broadcast (the only message this page listens to). */
function isProgress(message: unknown): message is { params: ImportProgress } {
  const m = message as { parallax?: unknown; method?: unknown; params?: Partial<ImportProgress> } | null;
  return m?.parallax === 1 && m.method === 'importProgress' && typeof m.params?.done === 'number' && typeof m.params.total === 'number';
}

/** The import section. */
export function ImportForm({ onImported }: { onImported: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const listener = (message: unknown) => {
      if (isProgress(message)) setProgress(message.params);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('import-file') as HTMLInputElement;
    const file = input.files?.[0];
    setSummary(null);
    setProgress(null);
    if (!file) return setFailure('Choose a .json pack or a .jsonl file first.');
    // A character is at least a byte: a file over the cap in bytes may still fit, one far over it cannot.
    if (file.size > IMPORT_LIMITS.chars * 4) return setFailure(tooLargeMessage(file.size));
    setBusy(true);
    setFailure(null);
    const content = await file.text();
    if (content.length > IMPORT_LIMITS.chars) {
      setBusy(false);
      return setFailure(tooLargeMessage(content.length));
    }
    const reply = await callBackground('importLibrary', { name: file.name, content });
    setBusy(false);
    if (!reply.ok) return setFailure(reply.error);
    setSummary(reply.value);
    if (reply.value.ok) await onImported();
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import articles</h2>
      <p>
        A library pack exported from Parallax (<code>.json</code>), or JSON Lines with one article per line:{' '}
        <code>{'{"text": "...", "title"?: "...", "outlet"?: "...", "date"?: "YYYY-MM-DD", "url"?: "..."}'}</code>. The whole file is checked
        first: if any article in it is invalid, nothing is imported. Articles already stored are merged, not added twice.
      </p>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label for="import-file">Pack or JSON Lines file</label>{' '}
        <input
          id="import-file"
          name="import-file"
          type="file"
          accept=".json,.jsonl,.ndjson,application/json,application/x-ndjson,text/plain"
        />{' '}
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {busy && progress && (
        <p>
          <label for="import-progress">{progress.phase === 'analysing' ? 'Analysing articles' : 'Writing to the library'}</label>{' '}
          <progress id="import-progress" max={progress.total} value={progress.done}>
            {progress.done} of {progress.total}
          </progress>{' '}
          {progress.done} of {progress.total}
        </p>
      )}
      <div aria-live="polite" class="import-result">
        {failure && (
          <p class="errors" role="alert">
            {failure}
          </p>
        )}
        {summary && <ImportSummaryView summary={summary} />}
      </div>
    </section>
  );
}

/** Added, merged, or why nothing was imported, with each rejected article. */
function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  if (summary.ok) {
    return (
      <p class="import-summary" data-added={summary.added} data-merged={summary.merged}>
        Imported: {summary.added} added, {summary.merged} merged with articles already stored (same text).
      </p>
    );
  }
  return (
    <>
      <p class="errors" role="alert">
        Nothing was imported. {summary.error}
      </p>
      {summary.rejected.length > 0 && (
        <ul class="errors" aria-label="Rejected articles">
          {summary.rejected.slice(0, 100).map((r) => (
            <li key={r.where}>
              {r.where}: {r.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
