/**
 * One other outlet's report of a claim, as the hover card lists it: where it
 * comes from, who says it, why it is only related when it is, and the
 * difference at a glance (the same view as the popup's).
 */
import type { LinkedReport } from '../shared/messages';
import { relatedWhy } from './comparison';
import { DifferenceView } from './DifferenceView';
import { articleLine, attributionLine } from './format';

/** The page's sentence as the difference saw it: its `a` side (every part the other report did not add). */
export function pageSentenceOf(wording: LinkedReport['difference']['wording']): string {
  return wording
    .filter((part) => part.op !== 'added')
    .map((part) => part.text)
    .join('');
}

/** One linked report with its differences. */
export function ReportView({ report }: { report: LinkedReport }) {
  const { article, claim } = report;
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
      {report.relation === 'related' && <p class="px-small px-disagree">Related, not the same report: {relatedWhy(report, null)}</p>}
      {report.cosine !== undefined && <p class="px-small px-muted">Close in meaning (the sentence model), not only in words.</p>}
      <p class="px-small px-muted">Who says it there: {attributionLine(claim.attribution)}</p>
      <DifferenceView pair={{ pageText: pageSentenceOf(report.difference.wording), report }} names={{}} page={null} />
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
