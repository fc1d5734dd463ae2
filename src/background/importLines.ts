/**
 * JSON Lines import: one article per line, each validated on its own. A bad
 * line is reported with its 1-based line number and skipped; every valid line
 * is stored, each article in its own transaction (all of it or none of it).
 */
import { ArticleLineSchema, parseJsonLine } from '../core/library';
import type { ArticleInput, BackgroundCalls } from '../shared/messages';
import { ingestArticle } from './ingest';

type ImportResult = BackgroundCalls['importArticles']['result'];

/** A line that parsed and validated, with its line number. */
export interface ParsedLine {
  line: number;
  input: ArticleInput;
}

/** Splits and validates JSON Lines with the core's one article schema. Blank lines are ignored, not errors. */
export function parseImportLines(jsonl: string): { valid: ParsedLine[]; errors: ImportResult['errors'] } {
  const valid: ParsedLine[] = [];
  const errors: ImportResult['errors'] = [];
  jsonl.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const parsed = parseJsonLine(raw, ArticleLineSchema);
    if (!parsed.ok) {
      errors.push({ line, error: parsed.error });
      return;
    }
    // The archive's id names the line in the archive; the library's id is the content hash.
    const { id: _archiveId, ...input } = parsed.value;
    valid.push({ line, input });
  });
  return { valid, errors };
}

/** Imports JSON Lines into the library. `skipped` counts valid lines whose text was already stored. */
export async function importArticles(jsonl: string): Promise<ImportResult> {
  const { valid, errors } = parseImportLines(jsonl);
  let added = 0;
  let skipped = 0;
  for (const { line, input } of valid) {
    try {
      const result = await ingestArticle(input, { origin: 'import' });
      if (result.added) added++;
      else skipped++;
    } catch (error) {
      errors.push({ line, error: `could not be stored: ${String((error as Error)?.message ?? error)}` });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { added, skipped, errors };
}
