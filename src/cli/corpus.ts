/**
 * The corpus CLI: the same core as the extension, over a JSONL archive.
 *
 *   npm run corpus -- build --in articles.jsonl --out pack.json [--no-vectors] [--shard i/n]
 *   npm run corpus -- merge | split | worker | submit   (archiveCommands.ts: archives past one machine)
 *   npm run corpus -- query --pack pack.json --in queries.jsonl [--top 5] [--min-score 0] [--cards [--model]]
 *
 * stdout carries only results (one JSON line per query); progress and errors go
 * to stderr. Exit codes: 0 ok, 1 bad input or I/O failure, 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadPack, REPORTS_PER_SENTENCE } from '../core/library';
import { DEFAULT_MIN_SCORE } from '../core/matching';
import { InputError, QueryLineSchema, readJsonl } from './jsonl';
import { corpusLexicon } from './analysis';
import { ARCHIVE_COMMANDS, ARCHIVE_USAGE, runArchiveCommand, UsageError } from './archiveCommands';
import { createRanker } from './rankQuery';

const USAGE = `usage:
${ARCHIVE_USAGE}
  corpus query --pack <pack.json> --in <queries.jsonl> [--top <k>] [--min-score <s>] [--cards [--model]]
build embeds each article's text and title with the shipped sentence model on every core (--no-vectors skips it).
--shard i/n builds only the articles whose id hashes to shard i (1-based) of n; SOURCE_DATE_EPOCH fixes createdAt.
query ranks: the best k articles (default ${REPORTS_PER_SENTENCE}), best first, each with its relation (same / related / candidate);
with pack vectors, BM25 and model candidates ordered by the shipped re-ranker, else the structural matcher's ranking.
--min-score drops results scoring below it; --cards answers as the extension's cards (scores ${DEFAULT_MIN_SCORE} or more, same / related); --model adds the links its sentence model finds.
A query line may carry the page's "date" (YYYY-MM-DD), as the extension uses a page's date.`;

const log = (message: string): void => {
  process.stderr.write(`corpus: ${message}\n`);
};

async function query(
  packPath: string,
  input: string,
  top: number,
  minScore: number | undefined,
  cards: boolean,
  model = false,
): Promise<void> {
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
  const rank = createRanker(loaded, lexicon, { cards, model, log });
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
        model: { type: 'boolean' },
        ...Object.fromEntries(
          ['shard', 'shards', 'redis', 'queue', 'concurrency', 'lock-ms', 'stalled-ms'].map((o) => [o, { type: 'string' as const }]),
        ),
        'by-month': { type: 'boolean' },
      },
    });
    const [command] = positionals;
    if (values.help) {
      process.stderr.write(`${USAGE}\n`);
      return 0;
    }
    if (command && ARCHIVE_COMMANDS.has(command)) {
      await runArchiveCommand(command, values, positionals.slice(1), log);
    } else if (command === 'query') {
      if (!values.pack || !values.in) throw new UsageError('query needs --pack and --in');
      await query(
        values.pack,
        values.in,
        positiveNumber('top', values.top, REPORTS_PER_SENTENCE, true),
        positiveNumber('min-score', values['min-score'], undefined, false),
        values.cards ?? false,
        values.model ?? false,
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
