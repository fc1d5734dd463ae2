/**
 * Differences at a glance: both sentences whole, with only the spans that
 * differ marked (numbers, names, hedges, the speaker), the difference said in
 * words above them, and the word-by-word diff behind a toggle for readers who
 * want it. Used by the popup, the tab view and the claim card. When the matched
 * sentence lacks the page's number or name and another sentence of the same
 * article gives it, that sentence is shown too ("only here" only when true).
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { PageContext } from '../shared/messages';
import type { ReportPair } from './comparison';
import { sourceName } from './comparison';
import { summarizeDifference } from './difference';
import { articleViewHref } from './links';
import type { NameBook } from './rows';
import { WordDiff } from './WordDiff';
import { markSpans, type SpanKind, type SpanMark } from './spans';

/** Spoken after a marked span, so a screen reader hears why it is marked (colour alone says nothing). */
const KIND_WORDS: Record<SpanKind, string> = {
  number: 'number differs',
  bound: 'stated differently',
  only: 'number only one side gives',
  name: 'name only here',
  hedge: 'hedge only here',
  speaker: 'speaker differs',
  elsewhere: 'given in another sentence of the other article',
};

/** A sentence as written, with the differing spans in `<mark>`; text is rendered as text, never as HTML. */
export function MarkedSentence({ text, marks }: { text: string; marks: readonly SpanMark[] }) {
  return (
    <>
      {markSpans(text, marks).map((span, i) =>
        span.kind ? (
          <mark key={i} class={`px-mark px-mark-${span.kind}`} title={KIND_WORDS[span.kind]}>
            {span.text}
            <span class="px-sr"> ({KIND_WORDS[span.kind]})</span>
          </mark>
        ) : (
          <span key={i}>{span.text}</span>
        ),
      )}
    </>
  );
}

/** A link to a sentence in the stored article view, for extension pages (a web page's card cannot open it). */
function SentenceLink({ articleId, sentenceIndex }: { articleId: string; sentenceIndex: number }) {
  return (
    <a class="px-small" href={articleViewHref(articleId, sentenceIndex)} target="_blank">
      in the stored article
    </a>
  );
}

/**
 * One report beside the page's sentence: the difference in words, both sentences marked, the
 * other article's sentences that give what its matched sentence lacks, the word diff on demand.
 * `links`: link the report's sentences to the stored article view (extension pages only).
 */
export function DifferenceView({
  pair,
  names,
  page,
  links = false,
}: {
  pair: ReportPair;
  names: NameBook;
  page: PageContext | null;
  links?: boolean;
}) {
  const [showDiff, setShowDiff] = useState(false);
  const summary = summarizeDifference(pair, names, page);
  const there = sourceName(pair.report.article);
  return (
    <div class="px-difference">
      {summary.lines.length ? (
        <ul class="px-facts px-said">
          {summary.lines.map((line, i) => (
            <li key={i} class={line.disagree ? 'px-disagree' : undefined}>
              {line.text}
            </li>
          ))}
        </ul>
      ) : (
        <p class="px-muted">No difference in numbers, speaker, hedges or names.</p>
      )}
      <dl class="px-pair">
        <dt>This page</dt>
        <dd class="px-quote">
          <MarkedSentence text={pair.pageText} marks={summary.pageMarks} />
        </dd>
        <dt>{there}</dt>
        <dd class="px-quote">
          <MarkedSentence text={pair.report.claim.text} marks={summary.reportMarks} />
          {links && (
            <>
              {' '}
              <SentenceLink articleId={pair.report.article.id} sentenceIndex={pair.report.claim.sentenceIndex} />
            </>
          )}
        </dd>
        {summary.elsewhere.map((other) => (
          <Fragment key={other.sentenceIndex}>
            <dt>{there}, in another sentence</dt>
            <dd class="px-quote px-elsewhere">
              <MarkedSentence text={other.text} marks={other.marks} />
              {links && (
                <>
                  {' '}
                  <SentenceLink articleId={pair.report.article.id} sentenceIndex={other.sentenceIndex} />
                </>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      <button type="button" class="px-toggle" aria-expanded={showDiff} onClick={() => setShowDiff(!showDiff)}>
        {showDiff ? 'Hide the word-by-word diff' : 'Show the word-by-word diff'}
      </button>
      {showDiff && <WordDiff wording={pair.report.difference.wording} />}
    </div>
  );
}
