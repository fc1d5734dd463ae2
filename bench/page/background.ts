/**
 * The background's answers for the page benchmark, computed in Node (off the
 * page's thread, as the real background is) with the same core functions:
 * `analyzeBlocks` of src/background/page.ts for `analyzePage`, and for
 * `matchSentences` the core claim index over the four seed articles (the
 * extension's store-backed handler minus the store: each page sentence is
 * analysed with `analyzeSentence` and looked up with `ClaimIndex.query`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeBlocks, pageContext } from '../../src/background/page';
import { buildLexicon, createSpotContext } from '../../src/core/entities';
import { analyzeArticle, analyzeSentence, loadGazetteer } from '../../src/core/library';
import { ClaimIndex, compareReports } from '../../src/core/matching';
import type { BackgroundCalls, LinkedReport, Result } from '../../src/shared/messages';

const seedsDir = path.join(import.meta.dirname, '..', '..', 'seeds');
const lexicon = buildLexicon(loadGazetteer());
const index = new ClaimIndex();
const labels = new Map<string, string>();
readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .forEach((file, i) => {
    const analyzed = analyzeArticle({ text: readFileSync(path.join(seedsDir, file), 'utf8'), origin: 'seed' }, lexicon);
    index.add(analyzed.claims);
    labels.set(analyzed.meta.id, `Seed article ${i + 1}`);
  });

type Answers = { [M in 'analyzePage' | 'matchSentences']: (params: BackgroundCalls[M]['params']) => BackgroundCalls[M]['result'] };

const answers: Answers = {
  // One page at a time in the bench: the URL alone keys the spotting context.
  analyzePage: (p) => analyzeBlocks(p.blocks, lexicon, pageContext(`bench:${p.pageUrl}`, p.fresh)),
  matchSentences: (p) => {
    const context = createSpotContext();
    return p.sentences.flatMap(({ key, text }) => {
      const page = analyzeSentence(text, lexicon, { context, ...(p.pageDate ? { date: p.pageDate } : {}) });
      const reports = index.query(page, { top: 5 }).flatMap((link): LinkedReport[] => {
        const claim = index.getClaim(link.claimId);
        if (!claim) return [];
        const article = { id: link.articleId, label: labels.get(link.articleId) ?? link.articleId, origin: 'seed' as const };
        return [
          {
            claim,
            article,
            score: link.score,
            relation: link.relation === 'related' ? 'related' : 'same',
            reasons: link.reasons ?? [],
            difference: link.difference ?? compareReports(page, claim),
          },
        ];
      });
      return reports.length ? [{ key, reports }] : [];
    });
  },
};

/** Answers one call from the page's stubbed message function (JSON in and out, as a binding carries it). */
export function answer(method: string, params: unknown): Result<unknown> {
  try {
    if (method === 'analyzePage') return { ok: true, value: answers.analyzePage(params as never) };
    if (method === 'matchSentences') return { ok: true, value: answers.matchSentences(params as never) };
    return { ok: false, error: `the bench does not answer ${method}` };
  } catch (error) {
    return { ok: false, error: String((error as Error).message ?? error) };
  }
}
