/**
 * Judging an import file as a whole, before anything is written: a library
 * pack (one JSON document), a corpus CLI pack (`corpus build`, monthly packs)
 * or JSON Lines (one article per line). Every
 * article goes through the one article schema; one bad article refuses the
 * whole file, and every bad one is named with its reason, so the reader can
 * fix the file and try again with the library exactly as it was.
 *
 *   text ─► size cap ─► pack or lines? ─► each article: ArticleLineSchema (+ pack fields)
 *                                      └► same archive id, different text? refused
 */
import * as v from 'valibot';
import { describeIssues, parseJsonLine } from './articleInput';
import { IMPORT_LIMITS, LIBRARY_PACK_FORMAT, LibraryPackArticleSchema, LibraryPackEnvelopeSchema } from './libraryPack';
import { PACK_FORMAT, PACK_VERSION } from './pack';
import type { ArticleInput, ArticleMeta } from '../types';
import { decodeClaimVectors, type ClaimVectorSet } from './packClaimVectors';

/** One article ready for analysis, with where it was in the file. */
export interface ImportItem {
  /** "line 3" or "article 3" (1-based), for messages. */
  where: string;
  input: ArticleInput;
  /** Inferred fields the pack carried (with their evidence). */
  extra?: Partial<ArticleMeta>;
}

/** An article refused, and why. */
export interface ImportRejection {
  where: string;
  reason: string;
}

/** What a file holds, or why nothing of it will be imported. */
export type ImportReading =
  | { ok: true; kind: 'pack' | 'jsonl'; items: ImportItem[]; vectors?: ClaimVectorSet }
  | { ok: false; kind: 'pack' | 'jsonl' | 'unknown'; error: string; rejected: ImportRejection[] };

const MB = 1024 * 1024;

/** The size refusal, in words a reader can act on. */
export function tooLargeMessage(chars: number): string {
  return `The file is ${(chars / MB).toFixed(1)} MB; Parallax imports files of up to ${IMPORT_LIMITS.chars / MB} MB. Split it into smaller packs.`;
}

/** A pack announces itself in its first characters; a truncated pack is still told apart from JSON Lines. */
function looksLikePack(text: string): boolean {
  const head = text.slice(0, 200);
  return /^\s*\{\s*"format"\s*:/.test(text) || head.includes(`"${LIBRARY_PACK_FORMAT}"`) || head.includes(`"${PACK_FORMAT}"`);
}

/** Reads and validates a whole import file. Pure: nothing is written whatever the answer. */
export function readLibraryImport(text: string): ImportReading {
  if (text.length > IMPORT_LIMITS.chars) return { ok: false, kind: 'unknown', error: tooLargeMessage(text.length), rejected: [] };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, kind: 'unknown', error: 'The file is empty.', rejected: [] };
  return looksLikePack(body) ? readPack(body) : readLines(body);
}

/** An item as read, before the duplicate-id check drops its archive id. */
type ReadItem = ImportItem & { archiveId?: string };

function readPack(text: string): ImportReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = (error as Error).message;
    return { ok: false, kind: 'pack', error: `The pack is not valid JSON (cut off or damaged?): ${why}`, rejected: [] };
  }
  if ((json as { format?: unknown } | null)?.format === PACK_FORMAT) return readCorpusPack(json);
  const envelope = v.safeParse(LibraryPackEnvelopeSchema, json, { abortPipeEarly: true });
  if (!envelope.success)
    return { ok: false, kind: 'pack', error: `Not a Parallax library pack: ${describeIssues(envelope.issues)}`, rejected: [] };
  let vectors: ClaimVectorSet | undefined;
  try {
    vectors = decodeClaimVectors(envelope.output.claimVectors);
  } catch (error) {
    return { ok: false, kind: 'pack', error: `The pack's claim vectors are damaged: ${(error as Error).message}`, rejected: [] };
  }
  const items: ReadItem[] = [];
  const rejected: ImportRejection[] = [];
  envelope.output.articles.forEach((raw, i) => readPackArticle(raw, `article ${i + 1}`, items, rejected));
  const read = finish('pack', items, rejected);
  return read.ok && vectors ? { ...read, vectors } : read;
}

/** One article of a pack through the one article schema, into `items` or, with its reason, `rejected`. */
function readPackArticle(raw: unknown, where: string, items: ReadItem[], rejected: ImportRejection[]): void {
  const parsed = v.safeParse(LibraryPackArticleSchema, raw);
  if (!parsed.success) {
    rejected.push({ where, reason: describeIssues(parsed.issues) });
    return;
  }
  const { id, origin: _origin, inferred, ...input } = parsed.output;
  items.push({ where, input, ...(inferred ? { extra: inferred } : {}), ...(id !== undefined ? { archiveId: id } : {}) });
}

const CorpusPackEnvelopeSchema = v.object({
  format: v.literal(PACK_FORMAT),
  version: v.literal(PACK_VERSION, `must be ${PACK_VERSION} (this Parallax reads version ${PACK_VERSION} corpus packs)`),
  articles: v.pipe(
    v.array(v.unknown(), 'must be an array'),
    v.maxLength(IMPORT_LIMITS.articles, `at most ${IMPORT_LIMITS.articles} articles per import`),
  ),
});
const CorpusArticleSchema = v.object({
  sourceId: v.string('must be a string'),
  meta: v.record(v.string(), v.unknown(), 'must be an object'),
  text: v.string('must be a string'),
});

/**
 * A corpus CLI pack (`corpus build`, a shard merge, a monthly pack): its
 * articles' texts and metadata, each as a library pack article through the
 * one schema. Its claim index and vectors are the CLI's: the import analyses
 * the texts as every other import does.
 */
function readCorpusPack(json: unknown): ImportReading {
  const envelope = v.safeParse(CorpusPackEnvelopeSchema, json, { abortPipeEarly: true });
  if (!envelope.success)
    return { ok: false, kind: 'pack', error: `Not a Parallax corpus pack: ${describeIssues(envelope.issues)}`, rejected: [] };
  const items: ReadItem[] = [];
  const rejected: ImportRejection[] = [];
  envelope.output.articles.forEach((raw, i) => {
    const where = `article ${i + 1}`;
    const parsed = v.safeParse(CorpusArticleSchema, raw);
    if (!parsed.success) {
      const textless = typeof raw === 'object' && raw !== null && !('text' in raw);
      return void rejected.push({ where, reason: textless ? NO_TEXT : describeIssues(parsed.issues) });
    }
    const { sourceId, meta, text } = parsed.output;
    const inferred = Object.fromEntries(INFERRED_KEYS.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]));
    const given = Object.fromEntries(GIVEN_KEYS.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]));
    const article = { id: sourceId, text, ...given, ...(Object.keys(inferred).length ? { inferred } : {}) };
    readPackArticle(article, where, items, rejected);
  });
  return finish('pack', items, rejected);
}

const NO_TEXT = 'no text: the pack was built before packs carried texts; build it again to import it';
const GIVEN_KEYS = ['title', 'outlet', 'date', 'url'] as const;
const INFERRED_KEYS = ['dateline', 'creditedAgency', 'inferredDate'] as const;

function readLines(text: string): ImportReading {
  const items: ReadItem[] = [];
  const rejected: ImportRejection[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const where = `line ${i + 1}`;
    const parsed = parseJsonLine(raw, LibraryPackArticleSchema);
    if (!parsed.ok) {
      rejected.push({ where, reason: parsed.error });
      return;
    }
    const { id, origin: _origin, inferred, ...input } = parsed.value;
    items.push({ where, input, ...(inferred ? { extra: inferred } : {}), ...(id !== undefined ? { archiveId: id } : {}) });
  });
  if (items.length + rejected.length > IMPORT_LIMITS.articles) {
    return { ok: false, kind: 'jsonl', error: `At most ${IMPORT_LIMITS.articles} articles per import.`, rejected: [] };
  }
  return finish('jsonl', items, rejected);
}

/** Refuses an archive id given to two different texts (which one would the archive mean?), then decides. */
function finish(kind: 'pack' | 'jsonl', items: ReadItem[], rejected: ImportRejection[]): ImportReading {
  const firstById = new Map<string, ImportItem>();
  for (const item of items) {
    if (item.archiveId === undefined) continue;
    const first = firstById.get(item.archiveId);
    if (!first) firstById.set(item.archiveId, item);
    else if (first.input.text !== item.input.text) {
      rejected.push({ where: item.where, reason: `id "${item.archiveId}" is also ${first.where}'s, with a different text` });
    }
  }
  if (rejected.length) {
    const what = kind === 'pack' ? 'articles' : 'lines';
    return { ok: false, kind, error: `${rejected.length} ${what} of the file are invalid; nothing was imported.`, rejected };
  }
  if (!items.length) return { ok: false, kind, error: 'The file holds no articles.', rejected: [] };
  return { ok: true, kind, items: items.map(({ archiveId: _id, ...item }) => item) };
}
