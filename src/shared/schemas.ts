/**
 * Valibot schemas for the params of every `BackgroundCalls` method. Content
 * scripts run beside untrusted pages, so every message is checked here before
 * a handler sees it, and sizes are capped so one page cannot make the
 * background do unbounded work.
 */
import * as v from 'valibot';
import {
  ARTICLE_LIMITS,
  ArticleInputSchema,
  ArticleLineSchema,
  describeIssues,
  IMPORT_LIMITS,
  IsoDaySchema,
  tooLargeMessage,
} from '../core/library';
import type { BackgroundCalls } from './messages';

// The article schema, its limits and the issue wording are the core library's: one for the extension and the CLI.
export { ArticleInputSchema, describeIssues };
/** One JSON Lines import record: an article, optionally with the archive's own id (kept out of ours). */
export const ImportLineSchema = ArticleLineSchema;

/** Caps on what one call may carry. */
export const LIMITS = {
  /** Sentences per `matchSentences` call (the content script sends in batches). */
  sentences: 400,
  /** Characters per page sentence; longer "sentences" are not prose. */
  sentenceChars: 2_000,
  /** Characters of one saved or imported article. */
  articleChars: ARTICLE_LIMITS.textChars,
  /** Characters of one `importArticles` payload. */
  importChars: 50_000_000,
  /** Ids per `getComparison` call. */
  ids: 1_000,
  /** Characters of an id, key or short field. */
  shortChars: ARTICLE_LIMITS.shortChars,
  /** Characters of a URL. */
  urlChars: ARTICLE_LIMITS.urlChars,
  /** Text blocks per `analyzePage` call (the content script sends in batches). */
  pageBlocks: 20_000,
  /** Characters of all blocks of one `analyzePage` call: the longest real pages hold about 1.3 MB of text. */
  pageChars: 1_500_000,
} as const;

// Messages leave out the field's name: `describeIssues` puts the path in front of them.
const short = () => v.pipe(v.string('must be a string'), v.maxLength(LIMITS.shortChars, `longer than ${LIMITS.shortChars} characters`));

const Empty = v.object({});

/** Characters in a list of strings (`analyzePage` caps the sum, not only each block). */
const totalChars = (texts: readonly string[]) => texts.reduce((sum, text) => sum + text.length, 0);

const SentenceSchema = v.object({
  key: short(),
  text: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.sentenceChars, `longer than ${LIMITS.sentenceChars} characters`)),
  // The page block (paragraph) it came from: "It said ..." resolves to the speaker of the sentence before.
  block: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'))),
});

const idList = (what: string) =>
  v.pipe(v.array(short(), 'must be an array'), v.maxLength(LIMITS.ids, `at most ${LIMITS.ids} ${what}s per call`));

/** A site's host name as the options page names it (what `new URL(...).hostname` gives). */
const HostSchema = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(253, 'longer than 253 characters'),
  v.regex(/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/, 'must be a host name such as news.example.com'),
);

const SiteSwitchesSchema = v.strictObject(
  { enabled: v.boolean('must be true or false'), autoSave: v.boolean('must be true or false') },
  'must be {"enabled", "autoSave"}',
);

const emptyParams = () => Empty as unknown as v.GenericSchema<unknown, Record<string, never>>;

/** One schema per background method; the mapped type keeps them in step with the contract. */
export const backgroundParamSchemas: { [M in keyof BackgroundCalls]: v.GenericSchema<unknown, BackgroundCalls[M]['params']> } = {
  getLexicon: Empty as unknown as v.GenericSchema<unknown, Record<string, never>>,
  listArticles: Empty as unknown as v.GenericSchema<unknown, Record<string, never>>,
  getLibraryStats: Empty as unknown as v.GenericSchema<unknown, Record<string, never>>,
  getEntityCard: v.object({
    entityId: short(),
    pageClaimIds: v.optional(idList('claim id')),
    pageUrl: v.optional(v.pipe(v.string('must be a string'), v.maxLength(LIMITS.urlChars, `longer than ${LIMITS.urlChars} characters`))),
  }),
  getStoredArticle: v.object({ articleId: short() }),
  matchSentences: v.object({
    // Pages may have any URL (file:, data:, about:); the URL only serves to skip the page's own stored copy.
    pageUrl: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.urlChars, `longer than ${LIMITS.urlChars} characters`)),
    pageDate: v.optional(IsoDaySchema),
    sentences: v.pipe(
      v.array(SentenceSchema, 'must be an array'),
      v.maxLength(LIMITS.sentences, (issue) => `at most ${LIMITS.sentences} sentences per call (got ${issue.received})`),
    ),
    model: v.optional(v.boolean('must be true or false')),
  }),
  analyzePage: v.object({
    pageUrl: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.urlChars, `longer than ${LIMITS.urlChars} characters`)),
    fresh: v.boolean('must be true or false'),
    blocks: v.pipe(
      v.array(
        v.pipe(v.string('must be a string'), v.maxLength(LIMITS.pageChars, `longer than ${LIMITS.pageChars} characters`)),
        'must be an array',
      ),
      v.maxLength(LIMITS.pageBlocks, `at most ${LIMITS.pageBlocks} blocks per call`),
      v.check((blocks) => totalChars(blocks) <= LIMITS.pageChars, `more than ${LIMITS.pageChars} characters in all`),
    ),
  }),
  getPageContext: v.object({
    pageUrl: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.urlChars, `longer than ${LIMITS.urlChars} characters`)),
  }),
  getComparison: v.object({ claimIds: idList('claim id'), entityIds: idList('entity id') }),
  saveArticle: ArticleInputSchema,
  importLibrary: v.object({
    name: short(),
    content: v.pipe(
      v.string('must be a string'),
      v.maxLength(IMPORT_LIMITS.chars, (issue) => tooLargeMessage(Number(issue.received))),
    ),
  }),
  exportLibrary: emptyParams(),
  resetLibrary: emptyParams(),
  getImportNotice: emptyParams(),
  dismissImportNotice: emptyParams(),
  getSiteSettings: emptyParams(),
  deleteArticles: v.object({ ids: idList('article id') }),
  setSiteSettings: v.object({ host: HostSchema, settings: v.nullable(SiteSwitchesSchema) }),
  importArticles: v.object({
    jsonl: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.importChars, `longer than ${LIMITS.importChars} characters`)),
  }),
};

/** Validates a method's params; throws an Error that says which method and which field. */
export function parseParams<M extends keyof BackgroundCalls>(method: M, params: unknown): BackgroundCalls[M]['params'] {
  const result = v.safeParse(backgroundParamSchemas[method], params, { abortPipeEarly: true });
  if (!result.success) throw new Error(`Invalid ${method} params: ${describeIssues(result.issues)}`);
  return result.output;
}
