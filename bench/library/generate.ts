/**
 * A realistic library for the in-browser benchmark, built from real text and
 * deterministic by seed:
 *
 *   CLEF-2020 verified claims (../shared/clef2020: 10,375 fact-checked claims and their headlines)
 *   + paragraphs of the 86 Readability test pages (../shared/testpages/readability)
 *   ─► article i: a claim as its lead, 4-8 real paragraphs, sometimes a second claim;
 *      the claim's headline as title; one of 40 bench outlets; a date in 2023
 *
 * Claims repeat across articles (10,000 articles draw on 10,375 claims), as one
 * claim is reported by several outlets. The outlets and URLs are labelled as
 * the benchmark's own (`Bench outlet 07`, `https://bench-outlet-07.example/…`,
 * a reserved domain): they are generated, not anyone's reporting.
 *
 *   npx tsx bench/library/generate.ts --count 10000 [--seed 7] [--out artifacts/library] [--jsonl] [--per-file 10000]
 *
 * writes library packs (`{"format": "parallax-library", "version": 1, …}`, what
 * the options page imports), or JSON Lines in the one article input schema.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LIBRARY_PACK_FORMAT,
  LIBRARY_PACK_VERSION,
  type ClaimVectorsJSON,
  type LibraryPack,
  type LibraryPackArticle,
} from '../../src/core/library';
import { prng, testPageTexts } from '../core';

const ROOT = path.join(import.meta.dirname, '..', '..');
const CLEF_CLAIMS = path.join(ROOT, '..', 'shared', 'clef2020', 'verified_claims.docs.tsv');

/** Outlets of the generated library, and the year its dates spread over. */
export const BENCH_OUTLETS = 40;
const YEAR_START = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;

/** One generated article, in the one article input schema. */
export interface GeneratedArticle {
  id: string;
  title: string;
  text: string;
  outlet: string;
  date: string;
  url: string;
}

/** One TSV field, unquoted the CSV way the CLEF file uses (`"A ""quoted"" word"`). */
function unquote(field: string): string {
  return field.startsWith('"') && field.endsWith('"') && field.length >= 2 ? field.slice(1, -1).replace(/""/g, '"') : field;
}

/** The CLEF verified claims with their fact-checks' headlines. */
export function clefClaims(file = CLEF_CLAIMS): Array<{ claim: string; title: string }> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cells) => cells.length >= 3)
    .map(([, claim, title]) => ({ claim: unquote(claim!).trim(), title: unquote(title!).trim() }))
    .filter((c) => c.claim.length >= 20 && c.title.length > 0);
}

/** Paragraphs of the test pages worth a place in an article (not menus, not whole pages). */
export function testPageParagraphs(): string[] {
  return testPageTexts()
    .flatMap((p) => p.text.split(/\n\s*\n|\n(?=\s*\S)/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= 80 && s.length <= 1_500 && /\p{L}{3}/u.test(s));
}

/** The real text a generator draws on (read once; reading the pages takes a few seconds). */
export interface LibrarySources {
  claims: Array<{ claim: string; title: string }>;
  paragraphs: string[];
}

/** Reads the CLEF claims and the test pages' paragraphs. */
export function librarySources(): LibrarySources {
  return { claims: clefClaims(), paragraphs: testPageParagraphs() };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `count` articles, the same ones for the same seed; a longer run starts with a shorter one's articles. */
export function generateLibrary(sources: LibrarySources, count: number, seed = 7): GeneratedArticle[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const seen = new Set<string>();
  const out: GeneratedArticle[] = [];
  while (out.length < count) {
    const i = out.length;
    const lead = pick(sources.claims);
    const parts = [lead.claim, ...Array.from({ length: 4 + Math.floor(random() * 5) }, () => pick(sources.paragraphs))];
    // About one article in three reports a second claim further down.
    if (random() < 0.35) parts.splice(2, 0, pick(sources.claims).claim);
    const text = parts.join('\n\n');
    if (seen.has(text)) continue;
    seen.add(text);
    const outlet = 1 + Math.floor(random() * BENCH_OUTLETS);
    const date = new Date(YEAR_START + Math.floor(random() * 365) * DAY_MS).toISOString().slice(0, 10);
    out.push({
      id: `bench-${i + 1}`,
      title: lead.title,
      text,
      outlet: `Bench outlet ${two(outlet)}`,
      date,
      url: `https://bench-outlet-${two(outlet)}.example/${date.replace(/-/g, '/')}/article-${i + 1}`,
    });
  }
  return out;
}

/** A library pack of the given articles (the options page's import format). */
export function libraryPackOf(articles: readonly GeneratedArticle[], claimVectors?: ClaimVectorsJSON): LibraryPack {
  return {
    format: LIBRARY_PACK_FORMAT,
    version: LIBRARY_PACK_VERSION,
    exportedAt: '2024-01-01T00:00:00.000Z',
    articles: articles.map((a): LibraryPackArticle => ({ ...a, origin: 'import' })),
    ...(claimVectors ? { claimVectors } : {}),
  };
}

/** JSON Lines of the given articles (the corpus CLI's and the import's line format). */
export function jsonLinesOf(articles: readonly GeneratedArticle[]): string {
  return articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const count = Number(option('--count') ?? 10_000);
  const seed = Number(option('--seed') ?? 7);
  const perFile = Number(option('--per-file') ?? count);
  const outDir = path.resolve(option('--out') ?? path.join(ROOT, 'artifacts', 'library'));
  const jsonl = args.includes('--jsonl');
  const articles = generateLibrary(librarySources(), count, seed);
  mkdirSync(outDir, { recursive: true });
  for (let start = 0, part = 1; start < articles.length; start += perFile, part++) {
    const slice = articles.slice(start, start + perFile);
    const file = path.join(outDir, `library-${count}-${part}.${jsonl ? 'jsonl' : 'json'}`);
    writeFileSync(file, jsonl ? jsonLinesOf(slice) : JSON.stringify(libraryPackOf(slice)));
    console.error(`wrote ${file}: ${slice.length} articles`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
