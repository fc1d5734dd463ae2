/**
 * The word-by-word diff of two reports of a claim, kept for readers who want
 * it: the panel and the card show it behind a toggle (see `DifferenceView`).
 */
import type { LinkedReport } from '../shared/messages';

/** The word diff: removed words are the page's, added words the other report's. */
export function WordDiff({ wording }: { wording: LinkedReport['difference']['wording'] }) {
  if (wording.every((part) => part.op === 'same')) {
    return (
      <p class="px-quote">
        <span class="px-muted">Word for word the same: </span>
        {wording.map((p) => p.text).join('')}
      </p>
    );
  }
  return (
    <p class="px-diff px-quote">
      {wording.map((part, i) =>
        part.op === 'added' ? (
          <ins key={i} title="Only in this report">
            {part.text}
          </ins>
        ) : part.op === 'removed' ? (
          <del key={i} title="Only on this page">
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
