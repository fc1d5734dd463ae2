/**
 * Per-site switches: Parallax on or off for a site (the background then gives
 * that site's pages no names and no matches), and "save articles I read here".
 */
import { useEffect, useState } from 'preact/hooks';
import type { SiteSwitches as Switches } from '../shared/messages';
import { callBackground } from '../shared/rpc';

/** A host name from what the reader typed: a URL or a bare host. */
export function hostFrom(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The per-site section. */
export function SiteSwitches() {
  const [sites, setSites] = useState<Record<string, Switches> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void callBackground('getSiteSettings', {}).then((r) => (r.ok ? setSites(r.value) : setProblem(r.error)));
  }, []);

  async function change(host: string, settings: Switches | null) {
    const reply = await callBackground('setSiteSettings', { host, settings });
    if (reply.ok) {
      setSites(reply.value);
      setProblem(null);
    } else setProblem(reply.error);
  }

  function onAdd(event: Event) {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('site-host') as HTMLInputElement;
    const host = hostFrom(field.value);
    if (!host) return setProblem('Type a site such as news.example.com.');
    field.value = '';
    void change(host, sites?.[host] ?? { enabled: false, autoSave: false });
  }

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p>Parallax runs on every site unless you switch it off here. Switches apply to the site's own host name.</p>
      <form onSubmit={onAdd}>
        <label for="site-host">Site</label> <input id="site-host" name="site-host" type="text" placeholder="news.example.com" />{' '}
        <button type="submit">Add site</button>
      </form>
      {problem && (
        <p class="errors" role="alert">
          {problem}
        </p>
      )}
      {sites && Object.keys(sites).length > 0 && (
        <table class="sites">
          <caption>Your site switches</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Parallax on</th>
              <th scope="col">Save articles I read here</th>
              <th scope="col">Forget</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(sites)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([host, s]) => (
                <tr key={host}>
                  <th scope="row">{host}</th>
                  <td>
                    <input
                      type="checkbox"
                      checked={s.enabled}
                      aria-label={`Parallax on ${host}`}
                      onChange={(e) => void change(host, { ...s, enabled: e.currentTarget.checked })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={s.autoSave}
                      aria-label={`Save articles I read on ${host}`}
                      onChange={(e) => void change(host, { ...s, autoSave: e.currentTarget.checked })}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => void change(host, null)} aria-label={`Forget ${host}`}>
                      Forget
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
