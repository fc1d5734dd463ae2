/**
 * `importArticles`: the JSON Lines call of earlier builds (and of the corpus
 * CLI's parity test), now a shell over the all-or-nothing import. A file with
 * any bad line imports nothing and reports every bad line by number.
 */
import type { BackgroundCalls } from '../shared/messages';
import { importLibraryFile } from './importLibrary';

type ImportResult = BackgroundCalls['importArticles']['result'];

/** Imports JSON Lines into the library; `skipped` counts articles already stored or repeated. */
export async function importArticles(jsonl: string): Promise<ImportResult> {
  const summary = await importLibraryFile('articles.jsonl', jsonl);
  if (summary.ok) return { added: summary.added, skipped: summary.merged, errors: [] };
  const errors = summary.rejected.length
    ? summary.rejected.map((r) => ({ line: Number(/\d+/.exec(r.where)?.[0] ?? 0), error: r.reason }))
    : [{ line: 0, error: summary.error ?? 'nothing was imported' }];
  return { added: 0, skipped: 0, errors: errors.sort((a, b) => a.line - b.line) };
}
