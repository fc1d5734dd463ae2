/**
 * Reads CLEF-2020 CheckThat! Task 2 (verified claims, tweets, qrels) from `../shared/clef2020`
 * (or `CLEF_DIR`). The claims file is tab-separated with CSV-style quoting, so a field may hold
 * `""` escapes and, in principle, tabs or newlines inside quotes.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Claim {
  id: string;
  vclaim: string;
  title: string;
}
export interface Query {
  id: string;
  text: string;
  /** Relevant claim ids. */
  rel: Set<string>;
}
export interface Clef {
  claims: Claim[];
  train: Query[];
  dev: Query[];
}

/** Data directory: `CLEF_DIR`, else `/work/shared/clef2020` beside the project. */
export function clefDir(): string {
  return process.env.CLEF_DIR ?? resolve(import.meta.dirname, '../../../shared/clef2020');
}

/** Parses TSV with CSV-style quotes: a field starting with `"` runs to the next unpaired `"`. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (text[i] === '\t') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    i++; // past '\n' or end
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  }
  return rows;
}

function readQueries(dir: string, split: 'train' | 'dev'): Query[] {
  const rows = parseTsv(readFileSync(join(dir, split, 'tweets.queries.tsv'), 'utf8')).slice(1);
  const rel = new Map<string, Set<string>>();
  for (const line of readFileSync(join(dir, split, 'tweet-vclaim-pairs.qrels'), 'utf8').split('\n')) {
    const [q, , d, r] = line.trim().split(/\s+/);
    if (!q || !d || r === '0') continue;
    if (!rel.has(q)) rel.set(q, new Set());
    rel.get(q)!.add(d);
  }
  return rows.filter((r) => rel.has(r[0]!)).map((r) => ({ id: r[0]!, text: r[1] ?? '', rel: rel.get(r[0]!)! }));
}

let cached: Clef | undefined;

/** Loads claims and both splits (memoised). */
export function loadClef(dir: string = clefDir()): Clef {
  if (cached) return cached;
  const claims = parseTsv(readFileSync(join(dir, 'verified_claims.docs.tsv'), 'utf8'))
    .slice(1)
    .map((r) => ({ id: r[0]!, vclaim: r[1] ?? '', title: r[2] ?? '' }));
  cached = { claims, train: readQueries(dir, 'train'), dev: readQueries(dir, 'dev') };
  return cached;
}
