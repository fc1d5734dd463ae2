/**
 * Matching quality on real news pairs (tests/corpus/news-pairs.jsonl: 199
 * sentence pairs quoted from real reporting of 69 events other than the
 * seeds', labelled same / related / unrelated with the kind of each).
 *
 * Every side of every pair becomes a one-sentence article of one library (so
 * each query meets ~400 distractors, most of them about other events), and
 * each pair's side `a` is looked up as a page sentence, with its date when the
 * page shows one. What the matcher says about side `b` is compared with the
 * label: `same` should be linked as same, `related` as related, `unrelated`
 * not at all. Events are split in two by a hash of their id: thresholds are
 * tuned on the `train` half and reported on `dev`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSentence } from '../../src/core/library';
import {
  ClaimIndex,
  ClaimVectors,
  linksByMeaning,
  mergeLinks,
  PLAIN_MIN_SCORE,
  type ModelCalibration,
  type RelationThresholds,
} from '../../src/core/matching';
import { quantise } from '../../src/core/ranking';
import type { Lexicon } from '../../src/core/entities';
import { contentHash } from '../../src/core/text';
import type { Claim, Relation } from '../../src/core/types';

interface Side {
  text: string;
  url: string;
  date?: string;
}
/** One labelled pair. */
export interface NewsPair {
  id: string;
  event: string;
  label: 'same' | 'related' | 'unrelated';
  kind: string;
  a: Side;
  b: Side;
}

/** What the matcher said about one pair. */
export interface PairOutcome {
  pair: NewsPair;
  predicted: Relation | 'none';
  score: number;
}

/** Precision and recall of one label, with the counts behind them. */
export interface LabelScore {
  precision: number;
  recall: number;
  predicted: number;
  correct: number;
  labelled: number;
}

/** Loads the pairs file. */
export function loadNewsPairs(root: string): NewsPair[] {
  return readFileSync(join(root, 'tests/corpus/news-pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as NewsPair);
}

/** Which half an event belongs to (stable across runs). */
export function split(event: string): 'train' | 'dev' {
  return parseInt(contentHash(event).slice(0, 2), 16) % 2 === 0 ? 'train' : 'dev';
}

export const sideId = (s: Side) => 'a_' + contentHash(`${s.url}\n${s.text}`);

/** Runs the matcher over every pair; `plain` runs the BM25 baseline instead. */
export function runPairs(
  pairs: NewsPair[],
  lexicon: Lexicon,
  options: {
    plain?: boolean;
    thresholds?: RelationThresholds;
    /** The sentence model's vectors of every side (by side id) and the calibration of its cosine. */
    model?: { vectors: Map<string, Float32Array>; calibration: ModelCalibration };
  } = {},
): PairOutcome[] {
  const index = new ClaimIndex({ plain: !!options.plain });
  const claims = new Map<string, Claim>();
  const dates: Record<string, string> = {};
  for (const side of pairs.flatMap((p) => [p.a, p.b])) {
    const id = sideId(side);
    if (claims.has(id)) continue;
    const claim = {
      ...analyzeSentence(side.text, lexicon, { articleId: id, ...(side.date ? { date: side.date, dateInferred: true } : {}) }),
      articleId: id,
    };
    claims.set(id, claim);
    if (side.date) dates[id] = side.date;
  }
  index.add([...claims.values()], dates);
  const stored = new ClaimVectors();
  for (const [id, vector] of options.model?.vectors ?? []) stored.add(claims.get(id)?.id ?? id, id, quantise(vector));
  return pairs.map((pair) => {
    const page = claims.get(sideId(pair.a))!;
    const target = sideId(pair.b);
    const links = index.query(page, {
      top: 20,
      excludeArticleId: sideId(pair.a),
      ...(pair.a.date ? { pageDate: pair.a.date } : {}),
      ...(options.plain
        ? { minScore: PLAIN_MIN_SCORE }
        : { relations: true, ...(options.thresholds ? { thresholds: options.thresholds } : {}) }),
    });
    const vector = options.model?.vectors.get(sideId(pair.a));
    const judged = vector
      ? linksByMeaning(index, stored, page, vector, {
          exclude: new Set([sideId(pair.a)]),
          calibration: options.model!.calibration,
          ...(pair.a.date ? { pageDate: pair.a.date } : {}),
        })
      : [];
    const hit = mergeLinks(links, judged).find((l) => l.articleId === target);
    const predicted: PairOutcome['predicted'] = !hit ? 'none' : options.plain ? 'same' : (hit.relation ?? 'same');
    return { pair, predicted, score: hit?.score ?? 0 };
  });
}

/** Precision and recall of `label` (a predicted `same`/`related` against the labelled one). */
export function scoreLabel(outcomes: PairOutcome[], label: 'same' | 'related'): LabelScore {
  const predicted = outcomes.filter((o) => o.predicted === label).length;
  const labelled = outcomes.filter((o) => o.pair.label === label).length;
  const correct = outcomes.filter((o) => o.predicted === label && o.pair.label === label).length;
  return { precision: predicted ? correct / predicted : 1, recall: labelled ? correct / labelled : 1, predicted, correct, labelled };
}

/** Wrong `same` links, counted by the pair's kind. */
export function wrongSame(outcomes: PairOutcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) if (o.predicted === 'same' && o.pair.label !== 'same') out[o.pair.kind] = (out[o.pair.kind] ?? 0) + 1;
  return out;
}

/** Any link (same or related) on a pair labelled unrelated. */
export function falseLinks(outcomes: PairOutcome[]): number {
  return outcomes.filter((o) => o.pair.label === 'unrelated' && o.predicted !== 'none' && o.predicted !== 'candidate').length;
}
