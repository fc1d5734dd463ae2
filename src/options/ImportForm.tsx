/**
 * Import a JSON Lines file (one article per line). Per-line errors are shown
 * with their line numbers; the valid lines are kept.
 */
import { useState } from 'preact/hooks';
import type { BackgroundCalls } from '../shared/messages';
import { callBackground } from '../shared/rpc';

type ImportResult = BackgroundCalls['importArticles']['result'];

/** The import section. */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('jsonl-file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      setFailure('Choose a .jsonl file first.');
      return;
    }
    setBusy(true);
    setFailure(null);
    setResult(null);
    const reply = await callBackground('importArticles', { jsonl: await file.text() });
    setBusy(false);
    if (reply.ok) {
      setResult(reply.value);
      onImported();
    } else setFailure(reply.error);
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import articles</h2>
      <p>
        One JSON object per line: <code>{'{"text": "...", "title"?: "...", "outlet"?: "...", "date"?: "YYYY-MM-DD", "url"?: "..."}'}</code>.
        Importing the same text twice adds it once.
      </p>
      <form onSubmit={onSubmit}>
        <label for="jsonl-file">JSON Lines file</label>{' '}
        <input id="jsonl-file" name="jsonl-file" type="file" accept=".jsonl,.ndjson,application/x-ndjson,text/plain" />{' '}
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      <div aria-live="polite">
        {failure && (
          <p class="errors" role="alert">
            {failure}
          </p>
        )}
        {result && (
          <>
            <p>
              Added {result.added}, already in the library {result.skipped}, with errors {result.errors.length}.
            </p>
            {result.errors.length > 0 && (
              <ul class="errors" aria-label="Lines with errors">
                {result.errors.map((e) => (
                  <li key={e.line}>
                    Line {e.line}: {e.error}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
