/**
 * The options page: library size, the stored articles (search, filters,
 * deletion; inferred fields marked as such), import, export and reset,
 * per-site switches, reading settings, and how to restyle the highlights.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc';
import type { LibraryArticle } from '../shared/messages';
import { ImportForm } from './ImportForm';
import { ImportNotice } from './ImportNotice';
import { LibraryActions } from './LibraryActions';
import { LibrarySection } from './LibrarySection';
import { ReadingSection } from './ReadingSection';
import { SiteSwitches } from './SiteSwitches';
import { RestyleNote } from './RestyleNote';

type Stats = { articles: number; entities: number; claims: number };

/** The whole page. It speaks to the library only through the background's message contract. */
export function OptionsPage() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [articles, setArticles] = useState<LibraryArticle[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await callBackground('getLibraryStats', {});
    if (result.ok) setStats(result.value);
    else setProblem(result.error);
    const listed = await callBackground('listArticles', {});
    if (listed.ok) setArticles(listed.value);
    else setProblem(listed.error);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <main>
      <h1>Parallax</h1>
      <p>Your library of articles, kept on this device. Nothing leaves the browser.</p>
      <ImportNotice />
      {problem && (
        <p role="alert" class="errors">
          {problem}
        </p>
      )}

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">Library</h2>
        {stats ? (
          <dl class="stats" aria-live="polite">
            <dt>Articles</dt>
            <dd>{stats.articles}</dd>
            <dt>Known names</dt>
            <dd>{stats.entities}</dd>
            <dt>Claims</dt>
            <dd>{stats.claims}</dd>
          </dl>
        ) : (
          <p>Loading…</p>
        )}
      </section>

      <LibrarySection articles={articles} onChanged={refresh} />
      <ImportForm onImported={refresh} />
      <LibraryActions onChanged={refresh} />
      <SiteSwitches />
      <ReadingSection />

      <RestyleNote />
    </main>
  );
}
