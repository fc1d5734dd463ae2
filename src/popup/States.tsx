/**
 * What the panel says when there is no comparison to show, each in one
 * sentence with what the reader can do about it: not an article, nothing in
 * the library, related reports only, the page is a stored copy, the library
 * still loading.
 */
import type { PageContext } from '../shared/messages';
import { sourceName } from '../ui/comparison';
import { openOptions } from './load';

/** How long the panel waits before saying the library may still be loading (first start builds it). */
export const SLOW_LOAD_MS = 1500;

/** A link-styled button to the options page, where packs are imported. */
export function ImportLink() {
  return (
    <button type="button" class="px-link" onClick={() => void openOptions()}>
      import a pack of articles on the options page
    </button>
  );
}

/** While the page and the library answer; after `SLOW_LOAD_MS` it says the library may still be loading. */
export function LoadingState({ slow }: { slow: boolean }) {
  return (
    <p role="status" class="px-state">
      {slow
        ? 'The library is still loading (on first start Parallax builds it from its seed articles); this panel fills in by itself when it is ready.'
        : 'Reading this page and the library…'}
    </p>
  );
}

/** The page is not an article. */
export function NotArticleState() {
  return (
    <p class="px-state">
      This page doesn't look like a news article, so Parallax left it alone: open an article to compare how outlets reported it.
    </p>
  );
}

/** No stored article reports anything this page says. */
export function NothingInLibraryState() {
  return (
    <p class="px-state">
      Nothing in your library covers this page's story yet: save this article below to keep it for later comparisons, or <ImportLink />.
    </p>
  );
}

/** Only related reports (another day, another speaker): the same subject, but no other outlet's report of this event. */
export function RelatedOnlyState() {
  return (
    <p class="px-state">
      The library has reports on the same subject from other days or speakers (listed below), but no other outlet's report of this page's
      event: save this article, or <ImportLink />.
    </p>
  );
}

/** The page is itself a stored article (saved, or the same wire text under another URL). */
export function CopyState({ context, others }: { context: PageContext; others: boolean }) {
  const names = context.copyOf.map(sourceName).join(', ');
  return (
    <p class="px-state">
      This page is the same report as {names} in your library, so it is not compared with itself;{' '}
      {others ? 'other outlets’ versions of its claims are below.' : 'no other outlet’s version of its claims is stored yet.'}
    </p>
  );
}
