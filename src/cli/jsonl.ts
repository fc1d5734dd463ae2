/**
 * Streaming JSONL input for the corpus CLI: one record per line, judged by the
 * core library's `parseJsonLine` (the same schema and words as the extension's
 * import), errors naming the line. Streams with readline so a large archive is
 * never held in memory whole; a line over `MAX_LINE_CHARS` is refused by length
 * before it is parsed.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import * as v from 'valibot';
import { ArchiveIdSchema, IdentifiedArticleLineSchema, IsoDaySchema, parseJsonLine } from '../core/library';

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

/** The longest line accepted (characters): a guard before parsing; the article schema caps the text itself. */
export const MAX_LINE_CHARS = 2_000_000;

/** One article line: `{"id","text","title"?,"outlet"?,"date"?,"url"?}`, the extension's import line with its id required. */
export const ArticleLineSchema = IdentifiedArticleLineSchema;

/** One query line: `{"id","text","date"?}`; `date` is the page's own date, as the content script sends it. */
export const QueryLineSchema = v.object({
  id: ArchiveIdSchema,
  text: v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'must not be empty')),
  date: v.optional(IsoDaySchema),
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
    const parsed = parseJsonLine(raw, schema);
    if (!parsed.ok) throw new InputError(path, line, parsed.error);
    records++;
    await onRecord(parsed.value, line);
  }
  if (records === 0) throw new InputError(path, 0, 'no records (the file is empty)');
  return records;
}
