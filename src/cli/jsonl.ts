/**
 * Streaming JSONL input for the corpus CLI: one record per line, validated with
 * valibot, errors naming the line. Streams with readline so a large archive is
 * never held in memory whole; a line over `maxLineChars` is refused by length
 * before it is parsed.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import * as v from 'valibot';

/** Bad input, with the 1-based line it is on (0 for the file as a whole). */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${message}` : `${file}: ${message}`);
  }
}

/** The longest line accepted (characters). An article longer than this is almost surely not one article. */
export const MAX_LINE_CHARS = 2_000_000;

const OptionalText = v.optional(v.pipe(v.string('must be a string'), v.maxLength(2000, 'is too long')));

/** One article line: `{"id","text","title"?,"outlet"?,"date"?,"url"?}`. */
export const ArticleLineSchema = v.object({
  id: v.pipe(v.string('"id" must be a string'), v.minLength(1, '"id" must not be empty')),
  text: v.pipe(v.string('"text" must be a string'), v.trim(), v.minLength(1, '"text" must not be empty')),
  title: OptionalText,
  outlet: OptionalText,
  date: v.optional(v.pipe(v.string('"date" must be a string'), v.regex(/^\d{4}-\d{2}-\d{2}/, '"date" must start YYYY-MM-DD'))),
  url: OptionalText,
});

/** One query line: `{"id","text"}`. */
export const QueryLineSchema = v.object({
  id: v.pipe(v.string('"id" must be a string'), v.minLength(1, '"id" must not be empty')),
  text: v.pipe(v.string('"text" must be a string'), v.trim(), v.minLength(1, '"text" must not be empty')),
});

/**
 * Reads `path` line by line, validating each non-blank line against `schema` and
 * handing it to `onRecord`. Throws `InputError` on the first bad line, and when the
 * file holds no records at all.
 */
export async function readJsonl<S extends v.GenericSchema>(
  path: string,
  schema: S,
  onRecord: (record: v.InferOutput<S>, line: number) => void | Promise<void>,
): Promise<number> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(new InputError(path, 0, `cannot read: ${e.message}`)));
  });
  await opened;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  let records = 0;
  for await (const raw of lines) {
    line++;
    if (raw.length > MAX_LINE_CHARS) {
      throw new InputError(path, line, `line is ${raw.length} characters, over the limit of ${MAX_LINE_CHARS}`);
    }
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line === 1 ? raw.replace(/^\uFEFF/, '') : raw);
    } catch (e) {
      throw new InputError(path, line, `malformed JSON (${(e as Error).message})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new InputError(path, line, 'expected a JSON object');
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = v.getDotPath(issue);
      const missing = issue.received === 'undefined' && field;
      throw new InputError(path, line, missing ? `missing required field "${field}"` : issue.message);
    }
    records++;
    await onRecord(parsed.output, line);
  }
  if (records === 0) throw new InputError(path, 0, 'no records (the file is empty)');
  return records;
}
