/**
 * The corpus CLI: the same core as the extension, over a JSONL archive.
 *
 *   npm run corpus -- build --in articles.jsonl --out pack.json [--no-vectors]
 *   npm run corpus -- query --pack pack.json --in queries.jsonl [--top 5] [--min-score 0] [--cards]
 *
 * stdout carries only results (one JSON line per query); progress and errors go
 * to stderr. Exit codes: 0 ok, 1 bad input or I/O failure, 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadPack, PackBuilder, REPORTS_PER_SENTENCE } from '../core/library';
import { DEFAULT_MIN_SCORE } from '../core/matching';
import { writeFileAtomic } from './atomicWrite';
import { ArticleLineSchema, InputError, QueryLineSchema, readJsonl } from './jsonl';
import { analyzeForPack, buildNames, corpusLexicon } from './analysis';
import { startPackVectors } from './embedPack';
import { createRanker } from './rankQuery';

const USAGE = `usage:
  corpus build --in <articles.jsonl> --out <pack.json> [--no-vectors]
  corpus query --pack <pack.json> --in <queries.jsonl> [--top <k>] [--min-score <s>] [--cards]
build embeds each article's text and title with the shipped sentence model on every core (--no-vectors skips it).
query ranks: the best k articles (default ${REPORTS_PER_SENTENCE}), best first, each with its relation (same / related / candidate);
with pack vectors, BM25 and model candidates ordered by the shipped re-ranker, else the structural matcher's ranking.
--min-score drops results scoring below it; --cards answers as the extension's cards (scores ${DEFAULT_MIN_SCORE} or more, same / related).
A query line may carry the page's "date" (YYYY-MM-DD), as the extension uses a page's date.`;

class UsageError extends Error {}

const log = (message: string) => process.stderr.write(`corpus: ${message}\n`);

async function build(input: string, output: string, vectors: boolean): Promise<void> {
  const started = performance.now();
  // Embedding runs in worker threads alongside the analysis below (embedPack.ts).
  const embedding = vectors ? startPackVectors(input, log) : undefined;
  embedding?.result.catch(() => undefined);
  try {
    await analyse(input, output, started, embedding?.result);
  } finally {
    embedding?.cancel();
  }
}

async function analyse(input: string, output: string, started: number, vectors: Promise<unknown> | undefined): Promise<void> {
  const names = buildNames();
  const builder = new PackBuilder();
  const ids = new Set<string>();
  let claims = 0;
  await readJsonl(input, ArticleLineSchema, (line, lineNo) => {
    if (ids.has(line.id)) throw new InputError(input, lineNo, `duplicate id "${line.id}"`);
    ids.add(line.id);
    const analysed = analyzeForPack(line, names);
    const earlier = builder.add(line.id, analysed.meta, analysed.claims, analysed.discovered);
    if (earlier !== undefined) log(`line ${lineNo}: "${line.id}" has the same text as "${earlier}"; kept once`);
    else claims += analysed.claims.length;
    if (builder.size % 1000 === 0) log(`${builder.size} articles`);
  });
  const pack = builder.build();
  // The vectors are an optional key beside the pack's own (core/library/packVectors.ts).
  await writeFileAtomic(output, [JSON.stringify(vectors ? { ...pack, vectors: await vectors } : pack)]);
  log(`wrote ${output}: ${builder.size} articles, ${claims} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function query(packPath: string, input: string, top: number, minScore: number | undefined, cards: boolean): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(packPath, 'utf8'));
  } catch (e) {
    throw new InputError(packPath, 0, `cannot read pack: ${(e as Error).message}`);
  }
  let loaded;
  try {
    loaded = loadPack(json);
  } catch (e) {
    throw new InputError(packPath, 0, (e as Error).message);
  }
  const lexicon = corpusLexicon(loaded.pack.discovered);
  const rank = createRanker(loaded, lexicon, { cards, log });
  // Queries are validated as they stream; a bad line stops the run after the lines before it were answered.
  await readJsonl(input, QueryLineSchema, async (line) => {
    const results = await rank(line, { top, minScore });
    process.stdout.write(`${JSON.stringify({ id: line.id, results })}\n`);
  });
}

function positiveNumber<F extends number | undefined>(name: string, raw: string | undefined, fallback: F, integer: boolean): number | F {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (integer && (!Number.isInteger(n) || n < 1)))
    throw new UsageError(`--${name} must be a ${integer ? 'positive integer' : 'number >= 0'}`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        pack: { type: 'string' },
        top: { type: 'string' },
        'min-score': { type: 'string' },
        help: { type: 'boolean' },
        'no-vectors': { type: 'boolean' },
        cards: { type: 'boolean' },
      },
    });
    const [command] = positionals;
    if (values.help) {
      process.stderr.write(`${USAGE}\n`);
      return 0;
    }
    if (command === 'build') {
      if (!values.in || !values.out) throw new UsageError('build needs --in and --out');
      await build(values.in, values.out, !values['no-vectors']);
    } else if (command === 'query') {
      if (!values.pack || !values.in) throw new UsageError('query needs --pack and --in');
      await query(
        values.pack,
        values.in,
        positiveNumber('top', values.top, REPORTS_PER_SENTENCE, true),
        positiveNumber('min-score', values['min-score'], undefined, false),
        values.cards ?? false,
      );
    } else throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      log(`${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    log(e instanceof InputError ? e.message : `failed: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
