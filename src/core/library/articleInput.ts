/**
 * The one article input schema. Every way an article enters the library goes
 * through it: a page saved from the popup, a JSON Lines import on the options
 * page, and an archive line of the corpus CLI. Same fields, same limits, same
 * messages; only whether the archive's own id is required differs.
 *
 * Messages leave out the field's name: `describeIssues` puts the path in front
 * of them ("date: must be an ISO date YYYY-MM-DD").
 */
import * as v from 'valibot';
import { parseIsoDay } from '../text';

/** Caps on one article's fields (characters). */
export const ARTICLE_LIMITS = {
  /** The text of one article: longer is almost surely not one article. */
  textChars: 500_000,
  titleChars: 1_000,
  /** An outlet name, an archive id. */
  shortChars: 300,
  urlChars: 4_096,
} as const;

const longer = (max: number) => `longer than ${max} characters`;
const string = () => v.string('must be a string');

/**
 * A day as `YYYY-MM-DD`. A timestamp is accepted and cut to the day it was
 * written on (archives often carry `2023-02-15T10:00:00Z`); other formats and
 * impossible days are refused rather than guessed at.
 */
export const IsoDaySchema = v.pipe(
  string(),
  v.check((s) => parseIsoDay(s) !== undefined, 'must be an ISO date YYYY-MM-DD'),
  v.transform((s) => parseIsoDay(s)!.iso),
);

/** An archive's own id for an article: reported back by the CLI, never used as ours. */
export const ArchiveIdSchema = v.pipe(
  v.union(
    [
      v.pipe(
        string(),
        v.trim(),
        v.minLength(1, 'must not be empty'),
        v.maxLength(ARTICLE_LIMITS.shortChars, longer(ARTICLE_LIMITS.shortChars)),
      ),
      v.number(),
    ],
    'must be a string or a number',
  ),
  v.transform(String),
);

/** An article submitted to the library. Only the text is required. */
export const ArticleInputSchema = v.object({
  text: v.pipe(
    string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(ARTICLE_LIMITS.textChars, longer(ARTICLE_LIMITS.textChars)),
  ),
  title: v.optional(v.pipe(string(), v.maxLength(ARTICLE_LIMITS.titleChars, longer(ARTICLE_LIMITS.titleChars)))),
  outlet: v.optional(v.pipe(string(), v.maxLength(ARTICLE_LIMITS.shortChars, longer(ARTICLE_LIMITS.shortChars)))),
  date: v.optional(IsoDaySchema),
  url: v.optional(
    v.pipe(string(), v.maxLength(ARTICLE_LIMITS.urlChars, longer(ARTICLE_LIMITS.urlChars)), v.url('must be an absolute URL')),
  ),
});

/** One archive line (JSON Lines import): an article, optionally with the archive's own id. */
export const ArticleLineSchema = v.object({ ...ArticleInputSchema.entries, id: v.optional(ArchiveIdSchema) });

/** One archive line of the corpus CLI, whose results name articles by the archive's id: the id is required. */
export const IdentifiedArticleLineSchema = v.object({ ...ArticleInputSchema.entries, id: ArchiveIdSchema });

/** A validated archive line. */
export type ArticleLine = v.InferOutput<typeof ArticleLineSchema>;

/** Joins valibot issues into one line: `sentences.3.text: longer than 2000 characters`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      // valibot reports a missing key as "Invalid key: Expected ..."; say it plainly.
      const message = issue.received === 'undefined' ? 'missing' : issue.message;
      return path ? `${path}: ${message}` : message;
    })
    .join('; ');
}

/** One JSON Lines record, validated, or why not (without the line number: the caller knows it). */
export type LineResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parses and validates one JSON Lines record against `schema`: the import and
 * the CLI read lines differently (a string, a stream) but judge them here, so
 * a line is refused for the same reason in the same words by both.
 */
export function parseJsonLine<S extends v.GenericSchema>(raw: string, schema: S): LineResult<v.InferOutput<S>> {
  let json: unknown;
  try {
    // A byte-order mark (first line of a file saved by some editors) is not part of the JSON.
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'expected a JSON object like {"text": "..."}' };
  }
  const result = v.safeParse(schema, json);
  return result.success ? { ok: true, value: result.output } : { ok: false, error: describeIssues(result.issues) };
}
