/**
 * Export the library as one pack file, and reset it to the seeds. The export
 * is a download of a blob URL made on this page: nothing goes over the network.
 */
import { useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc';

/** Saves text as a file through a temporary blob URL (revoked once the download has started). */
function download(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The export and reset section. */
export function LibraryActions({ onChanged }: { onChanged: () => Promise<void> }) {
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportPack() {
    setBusy(true);
    const reply = await callBackground('exportLibrary', {});
    setBusy(false);
    if (!reply.ok) return setStatus(`Export failed: ${reply.error}`);
    download(reply.value.fileName, reply.value.json);
    setStatus(`Exported ${reply.value.articles} articles as ${reply.value.fileName}.`);
  }

  async function reset() {
    if (!confirm('Delete every article, claim and learnt name, and start again from the four seed articles?')) return;
    setBusy(true);
    const reply = await callBackground('resetLibrary', {});
    setBusy(false);
    setStatus(reply.ok ? `The library was reset: ${reply.value.articles} seed articles.` : `Reset failed: ${reply.error}`);
    await onChanged();
  }

  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Export and reset</h2>
      <p>
        <button type="button" onClick={() => void exportPack()} disabled={busy}>
          Export the library as a pack
        </button>{' '}
        <button type="button" onClick={() => void reset()} disabled={busy}>
          Reset to the seed articles…
        </button>
      </p>
      <p aria-live="polite" class="actions-status">
        {status}
      </p>
    </section>
  );
}
