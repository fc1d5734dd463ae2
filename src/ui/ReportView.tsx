/**
 * One other outlet's report of a claim: where it comes from, who said it, the
 * numbers (disagreements flagged), hedges, and the word-level diff against the
 * page's sentence. Used by the hover card and the popup.
 */
import type { LinkedReport } from '../shared/messages';
import { articleLine, attributionLine, COMPARISON_LEAD, numberComparisons } from './format';

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

/** One linked report with its differences. */
export function ReportView({ report }: { report: LinkedReport }) {
  const { article, claim, difference } = report;
  const numbers = numberComparisons(difference.numbers);
  const hedgesThere = difference.hedges.onlyB;
  const hedgesHere = difference.hedges.onlyA;
  return (
    <div class="px-report">
      <div class="px-source">
        {article.url ? (
          <a href={article.url} target="_blank" rel="noreferrer noopener">
            {articleLine(article)}
          </a>
        ) : (
          articleLine(article)
        )}
      </div>
      <ul class="px-facts">
        <li>
          Who says it: {attributionLine(claim.attribution)}
          {!difference.attribution.same && difference.attribution.a ? (
            <span class="px-disagree"> (here: {attributionLine(difference.attribution.a)})</span>
          ) : null}
        </li>
        {numbers.map((n, i) => (
          <li key={i} class={n.status === 'same' ? undefined : 'px-disagree'}>
            {COMPARISON_LEAD[n.status]}
            {n.text}
          </li>
        ))}
        {hedgesThere.length > 0 && <li>Hedged there: {hedgesThere.map((h) => `“${h}”`).join(', ')}</li>}
        {hedgesHere.length > 0 && <li>Hedged only here: {hedgesHere.map((h) => `“${h}”`).join(', ')}</li>}
      </ul>
      <WordDiff wording={difference.wording} />
    </div>
  );
}

/** Every report of one page sentence, best match first. */
export function ReportList({ reports }: { reports: LinkedReport[] }) {
  if (reports.length === 0) return <p class="px-muted">No other report of this sentence in the library.</p>;
  return (
    <ul class="px-list">
      {reports.map((report) => (
        <li key={report.claim.id}>
          <ReportView report={report} />
        </li>
      ))}
    </ul>
  );
}
