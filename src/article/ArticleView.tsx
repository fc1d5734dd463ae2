/**
 * The stored article view: a stored article's saved text, rendered as text
 * (never as HTML), with the sentences that hold claims marked, and the
 * sentence a link names (`#s<index>`) scrolled to, focused and outlined. The
 * comparison table's cells and the differences link here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredArticle } from '../shared/messages';
import { callBackground } from '../shared/rpc';
import { dateText } from '../ui/comparison';
import { articleIdFromQuery, articleSegments, resolveTarget } from './segments';

type Status = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; stored: StoredArticle };

const ORIGIN: Record<StoredArticle['article']['origin'], string> = {
  seed: 'bundled seed article',
  saved: 'saved from a page',
  import: 'imported',
};

/** Where the article comes from, each field only as known; inferred ones say so. */
function ArticleFacts({ article }: { article: StoredArticle['article'] }) {
  const date = dateText(article.date, article.dateInferred);
  return (
    <ul class="px-facts-line">
      <li>Source: {ORIGIN[article.origin]}</li>
      {article.outlet && <li>Outlet: {article.outlet}</li>}
      {date && <li>Date: {date}</li>}
      {article.dateline && <li>Dateline: {article.dateline} (inferred)</li>}
      {article.creditedAgency && <li>Credits: {article.creditedAgency} (inferred)</li>}
      {article.url && (
        <li>
          <a href={article.url} target="_blank" rel="noreferrer noopener">
            Source page
          </a>
        </li>
      )}
    </ul>
  );
}

/** The text with its sentences; the target sentence takes focus once rendered. */
function ArticleText({ stored, target }: { stored: StoredArticle; target: number | null }) {
  const targetRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const node = targetRef.current;
    if (!node) return;
    node.scrollIntoView({ block: 'center' });
    node.focus({ preventScroll: true });
  }, [stored, target]);
  return (
    <div class="px-article-text">
      {articleSegments(stored).map((segment, i) => {
        if (segment.kind === 'gap') return <span key={i}>{segment.text}</span>;
        const isTarget = segment.index === target;
        const text = segment.claim ? <mark class="px-claim">{segment.text}</mark> : segment.text;
        return (
          <span
            key={i}
            id={`s${segment.index}`}
            class={isTarget ? 'px-sentence px-target' : 'px-sentence'}
            {...(isTarget ? { ref: targetRef, tabIndex: -1, 'aria-current': 'true' as const } : {})}
          >
            {text}
          </span>
        );
      })}
    </div>
  );
}

/** Props: the page's query and fragment, overridable in tests. */
export interface ArticlePageProps {
  search?: string;
  hash?: string;
}

/** The whole page: the article's name and facts, a legend, the text. */
export function ArticlePage({ search = location.search, hash = location.hash }: ArticlePageProps) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [fragment, setFragment] = useState(hash);
  const articleId = articleIdFromQuery(search);
  useEffect(() => {
    // A link to another sentence of the same article changes only the fragment.
    const follow = () => setFragment(location.hash);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    let live = true;
    if (!articleId) {
      setStatus({ state: 'error', message: 'No article was named: open this view from the comparison table or the library.' });
      return;
    }
    void callBackground('getStoredArticle', { articleId }).then((result) => {
      if (!live) return;
      setStatus(result.ok ? { state: 'ready', stored: result.value } : { state: 'error', message: result.error });
      if (result.ok) document.title = `${result.value.article.label} · Parallax`;
    });
    return () => {
      live = false;
    };
  }, [articleId]);

  return (
    <main class="px-root px-article">
      <header>
        <p class="px-small px-muted">
          Parallax · stored article · <a href="../options/index.html">Library</a>
        </p>
        <h1>{status.state === 'ready' ? status.stored.article.label : 'Stored article'}</h1>
      </header>
      {status.state === 'loading' && <p role="status">Loading the article from the library…</p>}
      {status.state === 'error' && <p role="alert">This article cannot be shown: {status.message}</p>}
      {status.state === 'ready' && <StoredText stored={status.stored} fragment={fragment} />}
    </main>
  );
}

/** The article's facts, a legend and its text, with the sentence the fragment names as the target. */
function StoredText({ stored, fragment }: { stored: StoredArticle; fragment: string }) {
  const target = resolveTarget(stored, fragment);
  return (
    <>
      <ArticleFacts article={stored.article} />
      <p class="px-small px-muted">
        The text as saved in your library. Sentences <mark class="px-claim">underlined with dots</mark> are claims Parallax compares with
        other outlets
        {target !== null ? '; the outlined one is the sentence you followed a link to' : ''}.
      </p>
      <article aria-label="Article text">
        <ArticleText stored={stored} target={target} />
      </article>
    </>
  );
}
