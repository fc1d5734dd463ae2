/**
 * Claim-matching evaluation on the labelled seed fixture (tests/corpus/labels.json).
 *
 *   npx tsx scripts/eval.ts
 *
 * Leave-one-out: each seed in turn is "the page" (its sentences sent as the
 * content script sends them) and the other three are the library. Seeds are
 * analysed as seeding stores them, and pages are matched by the extension's own
 * ranking (`matchPageSentences`), so these numbers measure the extension and the
 * corpus CLI alike. The headline keeps every matching claim of an article (the
 * ranking's own quality); "as a card shows it" keeps one per article, as the
 * extension's cards and the CLI's results do.
 * Precision: returned matches that the labels call the same claim or related.
 * Recall: labelled same-claim pairs found (each pair once per direction).
 * The BM25-only baseline (raw words, no folding, no structure) runs on the same
 * claims in the same run. Also reports entity-resolution accuracy of the spotter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeIntoLibrary, articleDate, LearningLexicon, matchPageSentences } from '../src/core/library';
import { ClaimIndex, ClaimVectors, DEFAULT_MIN_SCORE, PLAIN_MIN_SCORE } from '../src/core/matching';
import { quantise } from '../src/core/ranking';
import { buildLexicon, type Lexicon } from '../src/core/entities';
import { loadGazetteer, loadSeedSidecar, sidecarMeta } from '../src/core/library';
import { spotMentions } from '../src/core/entities';
import { paragraphOf } from '../src/core/text';
import type { Claim, Entity } from '../src/core/types';
import { evaluateNewsPairs, printNewsPairs } from './eval/newsReport';
import { textVectors } from './eval/newsModel';
import { runClefEval } from './clef/run';

interface Ref {
  seed: string;
  text: string;
}
export interface Labels {
  seeds: Record<string, string>;
  same: Array<{ claim: string; sentences: Ref[] }>;
  related: Array<{ claim: string; sentences: Ref[] }>;
  mustNotMatch: Array<{ why: string; a: Ref; b: Ref }>;
  entities: Array<{ name: string; surfaces: Ref[] }>;
}

/** Numbers one run produces. */
export interface EvalResult {
  ours: Score;
  /** The same with each page's (inferred) date known. */
  oursWithPageDate: Score;
  /** Before the one-report-per-article filter (every matching claim of an article kept): ranking misses vs what the filter hides. */
  /**
   * As a card shows it: one report per article, its best claim. A same-claim pair whose article is
   * shown with another (related) claim counts as missed here, not in `ours`.
   */
  asShown: Score;
  asShownWithPageDate: Score;
  /** Labelled same-claim pairs the relation decision (page date known) does not call `same`, and why. */
  missedSame: string[];
  /** Links the relation decision calls `same` (with and without the page date). */
  sameRelation: Score;
  sameRelationWithPageDate: Score;
  /** The same, with the sentence model's links as the extension adds them (when vectors were given). */
  sameRelationWithModel?: Score;
  baseline: Score;
  sweep: Array<{ minScore: number; ours: Score; baseline: Score }>;
  hardNegativesViolated: { ours: string[]; baseline: string[] };
  unresolvedLabels: string[];
  entities: { accuracy: number; correct: number; total: number; errors: string[] };
  /** Ranking mode (the CLI with --min-score 0): mean reciprocal rank of same-claim pairs in the top 10. */
  mrr: { ours: number; baseline: number };
  /** At the default threshold: wrong matches and missed same-claim pairs, as text. */
  falsePositives: string[];
  missed: string[];
}
/** Precision/recall of one matcher at one threshold. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  returned: number;
  correct: number;
  found: number;
  expected: number;
}

const ROOT = join(import.meta.dirname, '..');
const squash = (s: string) => s.replace(/\s+/g, ' ');

interface Seed {
  key: string;
  text: string;
  claims: Claim[];
  date?: string;
  /** Names this seed taught the library. */
  discovered: Entity[];
  /** Each claim's paragraph, sent as its page block (the content script sends its sentences' blocks). */
  blocks: Map<string, number>;
}

/** The seeds analysed as seeding does: one growing lexicon, each seed's own names spotted in it. */
export function loadSeeds(labels: Labels): Seed[] {
  const sidecar = loadSeedSidecar();
  const names = new LearningLexicon(loadGazetteer());
  return Object.entries(labels.seeds).map(([key, path]) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const file = path.split('/').pop()!;
    const analysed = analyzeIntoLibrary({ text, origin: 'seed' }, names, sidecarMeta(sidecar[file]));
    const date = articleDate(analysed.meta)?.date;
    const paragraphs = paragraphOf(analysed.text, analysed.sentences);
    const blocks = new Map(analysed.claims.map((c) => [c.id, paragraphs[c.sentenceIndex] ?? 0]));
    return { key, text, claims: analysed.claims, discovered: analysed.discovered, blocks, ...(date ? { date } : {}) };
  });
}

/** Claim id -> labels of the groups it belongs to. */
export function groupClaims(labels: Labels, seeds: Seed[], unresolved: string[]) {
  const find = (ref: Ref): Claim | undefined =>
    seeds.find((s) => s.key === ref.seed)?.claims.find((c) => squash(c.text).includes(ref.text));
  const membership = new Map<string, Set<string>>();
  const positives: Array<[string, string]> = [];
  const addGroups = (groups: Labels['same'], kind: string) =>
    groups.forEach((g, gi) => {
      const members = g.sentences.map((r) => {
        const c = find(r);
        if (!c) unresolved.push(`${r.seed}: ${r.text}`);
        return c;
      });
      for (const c of members) if (c) (membership.get(c.id) ?? membership.set(c.id, new Set()).get(c.id)!).add(`${kind}${gi}`);
      if (kind === 'same')
        for (const a of members) for (const b of members) if (a && b && a.articleId !== b.articleId) positives.push([a.id, b.id]);
    });
  addGroups(labels.same, 'same');
  addGroups(labels.related, 'related');
  const negatives = labels.mustNotMatch.map((n) => ({ why: n.why, a: find(n.a), b: find(n.b) }));
  return { membership, positives, negatives, find };
}

type Matches = Map<string, Array<{ claimId: string; score: number; relation?: string; reasons?: string[] }>>;

/**
 * Each seed as the page against the other three. `pageDate`: analyse page sentences
 * with the page's (inferred) date, as when a page states its date; the extension and
 * the CLI usually do not know it, so the headline numbers run without.
 */
function runLeaveOneOut(
  seeds: Seed[],
  gazetteer: Entity[],
  plain: boolean,
  pageDate = false,
  ranking = false,
  asShown = false,
  relations = false,
  vectors?: ReadonlyMap<string, Float32Array>,
): Matches {
  const matches: Matches = new Map();
  for (const page of seeds) {
    const index = new ClaimIndex({ plain });
    const others = seeds.filter((s) => s !== page);
    for (const other of others) index.add(other.claims, other.date ? { [other.claims[0]?.articleId ?? '']: other.date } : {});
    // The library's lexicon: the gazetteer and the names the other seeds taught it.
    const lexicon = buildLexicon([...gazetteer, ...others.flatMap((o) => o.discovered)]);
    // With the sentence model: the other seeds' claims as stored int8 vectors, the page's sentences by key.
    const stored = new ClaimVectors();
    for (const c of vectors ? others.flatMap((o) => o.claims) : []) stored.add(c.id, c.articleId, quantise(vectors!.get(c.text)!));
    const model = vectors ? { vectors: stored, sentenceVectors: new Map(page.claims.map((c) => [c.id, vectors.get(c.text)!])) } : undefined;
    const { matches: found } = matchPageSentences(
      index,
      lexicon,
      page.claims.map((c) => ({ key: c.id, text: c.text, block: page.blocks.get(c.id)! })),
      {
        // Scored below at several thresholds, so the filter lets weak matches through; ranking mode ranks every candidate.
        ...(ranking ? { reports: 10, query: { minScore: 0, relations } } : { reports: 3, query: { minScore: 0.05, relations } }),
        ...(pageDate && page.date ? { pageDate: { date: page.date, inferred: true } } : {}),
        // The ranking is scored on every matching claim of an article; `asShown` keeps one per article, as a card does.
        ...(asShown ? {} : { perArticle: Infinity }),
        ...(model ? { model } : {}),
      },
    );
    for (const { key, links } of found) matches.set(key, links);
  }
  return matches;
}

/** `sameOnly`: count only links the relation decision calls `same` (what a card lists as the same claim). */
function score(
  matches: Matches,
  minScore: number,
  membership: Map<string, Set<string>>,
  positives: Array<[string, string]>,
  sameOnly = false,
): Score {
  let returned = 0;
  let correct = 0;
  const counts = (link: { score: number; relation?: string }) => link.score >= minScore && (!sameOnly || link.relation === 'same');
  for (const [query, links] of matches) {
    for (const link of links) {
      if (!counts(link)) continue;
      returned++;
      const a = membership.get(query);
      const b = membership.get(link.claimId);
      if (a && b && [...a].some((g) => b.has(g))) correct++;
    }
  }
  const found = positives.filter(([a, b]) => matches.get(a)?.some((l) => l.claimId === b && counts(l))).length;
  const precision = returned ? correct / returned : 1;
  const recall = positives.length ? found / positives.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, returned, correct, found, expected: positives.length };
}

function entityAccuracy(labels: Labels, seeds: Seed[], lexicon: Lexicon): EvalResult['entities'] {
  const errors: string[] = [];
  let correct = 0;
  let total = 0;
  const consensus = new Map<string, string>();
  for (const group of labels.entities) {
    const ids: Array<string | undefined> = [];
    for (const ref of group.surfaces) {
      const seed = seeds.find((s) => s.key === ref.seed)!;
      const mentions = spotMentions(seed.text, lexicon);
      for (let at = seed.text.indexOf(ref.text); at >= 0; at = seed.text.indexOf(ref.text, at + 1)) {
        ids.push(mentions.find((m) => m.start <= at && m.end > at)?.entityId);
      }
    }
    const counts = new Map<string, number>();
    for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const clash = top && [...consensus].find(([, id]) => id === top);
    if (top && !clash) consensus.set(group.name, top);
    for (const id of ids) {
      total++;
      if (id && id === top && !clash) correct++;
      else errors.push(`${group.name}: ${id ?? 'not spotted'}${clash ? ` (same id as ${clash[0]})` : ''}`);
    }
  }
  return { accuracy: total ? correct / total : 0, correct, total, errors };
}

/** Runs the whole evaluation. */
export function evaluate(seedVectors?: ReadonlyMap<string, Float32Array>): EvalResult {
  const labels = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/labels.json'), 'utf8')) as Labels;
  const gazetteer = loadGazetteer();
  const lexicon = buildLexicon(gazetteer);
  const seeds = loadSeeds(labels);
  const unresolvedLabels: string[] = [];
  const { membership, positives, negatives } = groupClaims(labels, seeds, unresolvedLabels);
  const ours = runLeaveOneOut(seeds, gazetteer, false);
  const plain = runLeaveOneOut(seeds, gazetteer, true);
  const violated = (m: Matches, min: number) =>
    negatives
      .filter(
        (n) =>
          n.a &&
          n.b &&
          n.a.articleId !== n.b.articleId &&
          (m.get(n.a.id)?.some((l) => l.claimId === n.b!.id && l.score >= min) ||
            m.get(n.b.id)?.some((l) => l.claimId === n.a!.id && l.score >= min)),
      )
      .map((n) => n.why);
  const text = new Map(seeds.flatMap((s) => s.claims.map((c) => [c.id, `${s.key} "${c.text.slice(0, 70)}"`] as const)));
  const falsePositives = [...ours].flatMap(([q, links]) =>
    links
      .filter((l) => l.score >= DEFAULT_MIN_SCORE && ![...(membership.get(q) ?? [])].some((g) => membership.get(l.claimId)?.has(g)))
      .map((l) => `${l.score.toFixed(3)} ${text.get(q)} -> ${text.get(l.claimId)}`),
  );
  const missed = positives
    .filter(([a, b]) => !ours.get(a)?.some((l) => l.claimId === b && l.score >= DEFAULT_MIN_SCORE))
    .map(([a, b]) => `${(ours.get(a)?.find((l) => l.claimId === b)?.score ?? 0).toFixed(3)} ${text.get(a)} -> ${text.get(b)}`);
  const decided = runLeaveOneOut(seeds, gazetteer, false, true, false, false, true);
  const missedSame = positives
    .filter(([a, b]) => !decided.get(a)?.some((l) => l.claimId === b && l.relation === 'same'))
    .map(([a, b]) => {
      const link = decided.get(a)?.find((l) => l.claimId === b);
      return `${link ? `${link.relation} (${(link.reasons ?? []).join(', ')}) ${link.score.toFixed(3)}` : 'not linked'} ${text.get(a)} -> ${text.get(b)}`;
    });
  const mrr = (m: Matches) =>
    positives.reduce((sum, [a, b]) => {
      const rank = (m.get(a) ?? []).findIndex((l) => l.claimId === b);
      return sum + (rank >= 0 ? 1 / (rank + 1) : 0);
    }, 0) / Math.max(positives.length, 1);
  return {
    mrr: {
      ours: mrr(runLeaveOneOut(seeds, gazetteer, false, false, true)),
      baseline: mrr(runLeaveOneOut(seeds, gazetteer, true, false, true)),
    },
    falsePositives,
    missed,
    missedSame,
    ours: score(ours, DEFAULT_MIN_SCORE, membership, positives),
    oursWithPageDate: score(runLeaveOneOut(seeds, gazetteer, false, true), DEFAULT_MIN_SCORE, membership, positives),
    asShown: score(runLeaveOneOut(seeds, gazetteer, false, false, false, true), DEFAULT_MIN_SCORE, membership, positives),
    asShownWithPageDate: score(runLeaveOneOut(seeds, gazetteer, false, true, false, true), DEFAULT_MIN_SCORE, membership, positives),
    sameRelation: score(runLeaveOneOut(seeds, gazetteer, false, false, false, false, true), 0, membership, positives, true),
    sameRelationWithPageDate: score(runLeaveOneOut(seeds, gazetteer, false, true, false, false, true), 0, membership, positives, true),
    ...(seedVectors
      ? {
          sameRelationWithModel: score(
            runLeaveOneOut(seeds, gazetteer, false, true, false, false, true, seedVectors),
            0,
            membership,
            positives,
            true,
          ),
        }
      : {}),
    baseline: score(plain, PLAIN_MIN_SCORE, membership, positives),
    sweep: [0.2, 0.3, 0.33, 0.36, 0.4, 0.45, 0.5, 0.6].map((t) => ({
      minScore: t,
      ours: score(ours, t, membership, positives),
      baseline: score(plain, t, membership, positives),
    })),
    hardNegativesViolated: { ours: violated(ours, DEFAULT_MIN_SCORE), baseline: violated(plain, PLAIN_MIN_SCORE) },
    unresolvedLabels,
    entities: entityAccuracy(labels, seeds, lexicon),
  };
}

function printReport(r: EvalResult): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  const row = (name: string, s: Score) =>
    `${name.padEnd(34)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}   ${s.correct}/${s.returned} returned correct, ${s.found}/${s.expected} pairs found`;
  console.log('claim matching, leave-one-out over the 4 seeds');
  console.log(`${'matcher'.padEnd(34)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`);
  console.log(row(`parallax (minScore ${DEFAULT_MIN_SCORE})`, r.ours));
  console.log(row(`  same, page date known`, r.oursWithPageDate));
  console.log(row(`  as shown: 1 report per article`, r.asShown));
  console.log(row(`    and page date known`, r.asShownWithPageDate));
  console.log(row(`  relation "same" (as the extension decides)`, r.sameRelation));
  console.log(row(`    and page date known`, r.sameRelationWithPageDate));
  if (r.sameRelationWithModel) console.log(row(`    and the sentence model (as the extension)`, r.sameRelationWithModel));
  console.log(row(`bm25-only baseline (min ${PLAIN_MIN_SCORE})`, r.baseline));
  console.log(
    `\nranking mode (--min-score 0): MRR of same-claim pairs in the top 10: parallax ${r.mrr.ours.toFixed(3)}, baseline ${r.mrr.baseline.toFixed(3)}`,
  );
  console.log('\nthreshold sweep');
  for (const s of r.sweep) console.log(`${row(`  parallax  @${s.minScore}`, s.ours)}\n${row(`  baseline  @${s.minScore}`, s.baseline)}`);
  console.log(
    `\nhard negatives matched: parallax ${r.hardNegativesViolated.ours.length}, baseline ${r.hardNegativesViolated.baseline.length}`,
  );
  for (const why of r.hardNegativesViolated.ours) console.log(`  parallax: ${why}`);
  if (r.unresolvedLabels.length) console.log(`\nlabelled sentences with no claim (count as misses): ${r.unresolvedLabels.join(' | ')}`);
  if (process.argv.includes('--verbose')) {
    console.log('\nfalse positives (parallax):');
    for (const f of r.falsePositives) console.log(`  ${f}`);
    console.log('missed same-claim pairs (parallax, score if ranked):');
    for (const m of r.missed) console.log(`  ${m}`);
    console.log('same-claim pairs not decided "same" (page date known):');
    for (const m of r.missedSame) console.log(`  ${m}`);
  }
  console.log(`\nentity resolution: ${pct(r.entities.accuracy)} (${r.entities.correct}/${r.entities.total} labelled surface occurrences)`);
  for (const e of r.entities.errors) console.log(`  ${e}`);
}

/** Every section: the seed fixture, the real news pairs, and CLEF-2020 (skip the slow last one with `--no-clef`). */
async function main(): Promise<void> {
  // The seeds' sentences embedded with the shipped model (cached), for the model's row.
  const labels = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/labels.json'), 'utf8')) as Labels;
  printReport(
    evaluate(
      await textVectors(
        ROOT,
        loadSeeds(labels).flatMap((s) => s.claims.map((c) => c.text)),
      ),
    ),
  );
  printNewsPairs(await evaluateNewsPairs(ROOT));
  if (process.argv.includes('--no-clef')) return;
  console.log('\nCLEF-2020 CheckThat! Task 2 (tuned on train, MAP@5 reported on dev; embeddings cached in .cache/clef)');
  const rows = await runClefEval({ int8: true });
  console.log(`${'method'.padEnd(46)}${'train'.padStart(8)}${'dev'.padStart(8)}  note`);
  for (const r of rows)
    console.log(`${r.method.padEnd(46)}${r.train.toFixed(3).padStart(8)}${r.dev.toFixed(3).padStart(8)}  ${r.note ?? ''}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
