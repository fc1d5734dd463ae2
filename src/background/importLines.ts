/**
 * JSON Lines import: one article per line, each validated on its own. A bad
 * line is reported with its 1-based line number and skipped; every valid line
 * is stored, each article in its own transaction (all of it or none of it).
 */
import * as v from 'valibot';
import type { ArticleInput, BackgroundCalls } from '../shared/messages';
import { ImportLineSchema, describeIssues } from '../shared/schemas';
import { ingestArticle } from './ingest';

type ImportResult = BackgroundCalls['importArticles']['result'];

/** A line that parsed and validated, with its line number. */
export interface ParsedLine {
  line: number;
  input: ArticleInput;
}

/** Splits and validates JSON Lines. Blank lines are ignored, not errors. */
export function parseImportLines(jsonl: string): { valid: ParsedLine[]; errors: ImportResult['errors'] } {
  const valid: ParsedLine[] = [];
  const errors: ImportResult['errors'] = [];
  const lines = jsonl.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, error: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      errors.push({ line, error: 'expected a JSON object like {"text": "..."}' });
      return;
    }
    const result = v.safeParse(ImportLineSchema, json);
    if (!result.success) {
      errors.push({ line, error: describeIssues(result.issues) });
      return;
    }
    const { id: _archiveId, ...input } = result.output;
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
