/**
 * The news-pairs section of `npm run eval`: Parallax's relation decision and
 * a plain BM25 on the same pairs in the same run, on the train and dev halves
 * of the events, plus a sweep of the `same` threshold on train (the one tuned
 * there; dev only reports).
 */
import { buildLexicon } from '../../src/core/entities';
import { loadGazetteer } from '../../src/core/library';
import { DEFAULT_THRESHOLDS } from '../../src/core/matching';
import { falseLinks, loadNewsPairs, runPairs, scoreLabel, split, wrongSame, type PairOutcome } from './newsPairs';
import { runWithModel, sideVectors, sweepCalibration } from './newsModel';
import { MODEL_CALIBRATION, type ModelCalibration } from '../../src/core/matching';

/** One matcher on one half. */
export interface NewsRow {
  matcher: string;
  half: 'train' | 'dev';
  pairs: number;
  same: ReturnType<typeof scoreLabel>;
  related: ReturnType<typeof scoreLabel>;
  wrongSame: Record<string, number>;
  falseLinks: number;
}

function rows(matcher: string, outcomes: PairOutcome[]): NewsRow[] {
  return (['train', 'dev'] as const).map((half) => {
    const o = outcomes.filter((x) => split(x.pair.event) === half);
    return {
      matcher,
      half,
      pairs: o.length,
      same: scoreLabel(o, 'same'),
      related: scoreLabel(o, 'related'),
      wrongSame: wrongSame(o),
      falseLinks: falseLinks(o),
    };
  });
}

/** Runs the news-pairs evaluation from the project root. */
export async function evaluateNewsPairs(
  root: string,
): Promise<{ rows: NewsRow[]; sweep: Array<{ same: number; train: NewsRow }>; modelBest: ModelCalibration }> {
  const lexicon = buildLexicon(loadGazetteer());
  const pairs = loadNewsPairs(root);
  const sweep = [0.34, 0.38, 0.42, 0.46, 0.5].map((same) => ({
    same,
    train: rows('sweep', runPairs(pairs, lexicon, { thresholds: { ...DEFAULT_THRESHOLDS, same } }))[0]!,
  }));
  const vectors = await sideVectors(root, pairs);
  return {
    modelBest: sweepCalibration(pairs, lexicon, vectors).best,
    rows: [
      ...rows('parallax + sentence model', runWithModel(pairs, lexicon, vectors)),
      ...rows('parallax (relation decision)', runPairs(pairs, lexicon)),
      ...rows('bm25-only baseline', runPairs(pairs, lexicon, { plain: true })),
    ],
    sweep,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

/** Prints the section. */
export function printNewsPairs(result: Awaited<ReturnType<typeof evaluateNewsPairs>>): void {
  console.log('\nreal news pairs (tests/corpus/news-pairs.jsonl; events split train/dev; "same" P/R, "related" P/R)');
  console.log(
    `${'matcher'.padEnd(30)}${'half'.padEnd(7)}${'same P'.padStart(8)}${'same R'.padStart(8)}${'rel P'.padStart(8)}${'rel R'.padStart(8)}  wrong "same" by kind; links on unrelated pairs`,
  );
  for (const r of result.rows) {
    const wrong =
      Object.entries(r.wrongSame)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none';
    console.log(
      `${r.matcher.padEnd(30)}${r.half.padEnd(7)}${pct(r.same.precision)} ${pct(r.same.recall)} ${pct(r.related.precision)} ${pct(r.related.recall)}  ${wrong}; ${r.falseLinks} of the unrelated linked`,
    );
  }
  console.log(
    `sentence-model calibration: shipped ${JSON.stringify(MODEL_CALIBRATION)}; best on train (same F1, precision not below the lexical matcher's): ${JSON.stringify(result.modelBest)}`,
  );
  console.log(`"same" threshold sweep on train (shipped: ${DEFAULT_THRESHOLDS.same}):`);
  for (const s of result.sweep)
    console.log(`  same >= ${s.same.toFixed(2)}  P ${pct(s.train.same.precision)}  R ${pct(s.train.same.recall)}`);
}
