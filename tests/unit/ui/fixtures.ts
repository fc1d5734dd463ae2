/**
 * A page that restates a seed claim with another number on the same day, and
 * a related report from another day: the shapes the background sends.
 */
import type { Claim, ClaimDifference } from '../../../src/core/types';
import type { ArticleSummary, Comparison, LinkedReport, PageContext, PageState } from '../../../src/shared/messages';

/** The page's sentence. */
export const PAGE_TEXT = 'The Ukrainian military said it repelled 95 attacks near Bakhmut on Monday.';

/** A stored claim with defaults. */
export const claim = (over: Partial<Claim>): Claim => ({
  id: 'c_1',
  articleId: 'a_4',
  sentenceIndex: 3,
  text: '',
  quotes: [],
  quantities: [],
  entities: [],
  hedges: [],
  ...over,
});

/** Seed article 4, whose date is inferred. */
export const seed4: ArticleSummary = {
  id: 'a_4',
  label: 'Seed article 4 · Kyiv dateline · 6 Mar 2023 (inferred)',
  date: '2023-03-06',
  dateInferred: true,
  origin: 'seed',
};

const difference = (over: Partial<ClaimDifference>): ClaimDifference => ({
  numbers: [],
  attribution: { same: true },
  hedges: { onlyA: [], onlyB: [] },
  entities: { onlyA: [], onlyB: [] },
  wording: [{ op: 'same', text: PAGE_TEXT }],
  ...over,
});

/** The same report with 85 attacks, a hedge the page drops and "Bakhmut" spelled "Artemivsk". */
export const sameReport: LinkedReport = {
  claim: claim({
    id: 'c_85',
    text: 'Ukraine’s military said it repelled 85 attacks near Artemivsk, Reuters could not independently verify the report.',
    quantities: [{ value: 85, unit: 'count', bound: 'exact', text: '85 attacks', noun: 'attacks' }],
    entities: ['place:bakhmut'],
    hedges: ['could not independently verify'],
    attribution: { speaker: 'Ukraine’s military', verb: 'said' },
  }),
  article: seed4,
  score: 0.8,
  relation: 'same',
  reasons: [],
  difference: difference({
    numbers: [
      {
        a: { value: 95, unit: 'count', bound: 'exact', text: '95 attacks', noun: 'attacks' },
        b: { value: 85, unit: 'count', bound: 'exact', text: '85 attacks', noun: 'attacks' },
        agree: false,
      },
    ],
    attribution: { a: { speaker: 'The Ukrainian military', verb: 'said' }, b: { speaker: 'Ukraine’s military', verb: 'said' }, same: true },
    hedges: { onlyA: [], onlyB: ['could not independently verify'] },
    wording: [
      { op: 'removed', text: 'The Ukrainian' },
      { op: 'added', text: 'Ukraine’s' },
      { op: 'same', text: ' military said it repelled ' },
    ],
  }),
};

/** A report of 1 March, related by its day. */
export const relatedReport: LinkedReport = {
  ...sameReport,
  claim: claim({
    id: 'c_old',
    articleId: 'a_1',
    text: 'The military said it repelled 60 attacks.',
    time: { text: 'on Wednesday', date: '2023-03-01' },
  }),
  article: { id: 'a_1', label: 'Seed article 1', origin: 'seed' },
  relation: 'related',
  reasons: ['other-day'],
};

/** The page state with both reports on one sentence. */
export const pageWithMatch = (over: Partial<PageState> = {}): PageState => ({
  url: 'https://news.example/attacks',
  title: 'Attacks repelled',
  isArticle: true,
  entities: [{ entityId: 'place:bakhmut', name: 'Bakhmut', kind: 'place', count: 1, surfaces: ['Bakhmut'] }],
  matches: [{ key: 's_1', text: PAGE_TEXT, reports: [sameReport, relatedReport] }],
  ...over,
});

/** The event holding the same report. */
export const attackEvent: Comparison['events'][number] = {
  event: {
    id: 'e_att',
    label: 'Attacks near Bakhmut',
    date: '2023-03-06',
    dateInferred: true,
    claimIds: ['c_85'],
    articleIds: ['a_4'],
    entityIds: [],
  },
  reports: [{ claim: sameReport.claim, article: seed4 }],
};

/** The page's context: dated 6 March, not a copy. */
export const pageContext: PageContext = { copyOf: [], pageDate: { date: '2023-03-06', inferred: false } };

/** Spellings of Bakhmut. */
export const names = { 'place:bakhmut': ['Bakhmut', 'Artemivsk', 'Artyomovsk'] };
