/**
 * The sentence model through the one matching function, on the real seed library: a page
 * sentence whose words alone do not reach the stored report is linked through the model, with
 * the same relation rules (same day, close vector) as everywhere else.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeIntoLibrary,
  articleDate,
  LearningLexicon,
  loadGazetteer,
  loadSeedSidecar,
  matchPageSentences,
  sidecarMeta,
} from '../../../../src/core/library';
import { ClaimIndex, ClaimVectors } from '../../../../src/core/matching';
import { quantise } from '../../../../src/core/ranking';
import { embedSentences } from '../../../../src/embed';
import { useNodeModel } from '../../../../src/embed/node';

const SEEDS = ['000_826d5e328693e3b0.txt', '001_b58e3ea9cd305f57.txt', '002_63fd9caf96d9613e.txt', '003_e80530d7726bb50a.txt'];
/** A restatement of a seed claim in other words ("beaten back" / "repelled", "assaults" / "attacks", "24 hours" / "past day"). */
const PARAPHRASE = 'The Ukrainian army said it had beaten back 85 Russian assaults along the front in the last 24 hours.';

describe('matchPageSentences with the shipped sentence model', () => {
  const names = new LearningLexicon(loadGazetteer());
  const index = new ClaimIndex();
  const vectors = new ClaimVectors();
  let pageVector: Float32Array;

  beforeAll(async () => {
    useNodeModel();
    const sidecar = loadSeedSidecar();
    const claims = SEEDS.flatMap((file) => {
      const analysed = analyzeIntoLibrary(
        { text: readFileSync(`seeds/${file}`, 'utf8'), origin: 'seed' },
        names,
        sidecarMeta(sidecar[file]),
      );
      const date = articleDate(analysed.meta)?.date;
      index.add(analysed.claims, date ? { [analysed.claims[0]!.articleId]: date } : {});
      return analysed.claims;
    });
    const embedded = await embedSentences([...claims.map((c) => c.text), PARAPHRASE]);
    claims.forEach((c, i) => vectors.add(c.id, c.articleId, quantise(embedded[i]!)));
    pageVector = embedded[claims.length]!;
  }, 120_000);

  const run = (model: boolean) =>
    matchPageSentences(index, names.lexicon, [{ key: 'p', text: PARAPHRASE }], {
      pageDate: { date: '2023-03-01', inferred: false },
      ...(model ? { model: { vectors, sentenceVectors: new Map([['p', pageVector]]) } } : {}),
    }).matches;

  it('words alone do not link the paraphrase', () => {
    const links = run(false).flatMap((m) => m.links);
    expect(links.filter((l) => index.getClaim(l.claimId)?.text.includes('repelled 85 Russian attacks'))).toEqual([]);
  });

  it('the model links it to the stored report of the same day, as the same claim', () => {
    const links = run(true).flatMap((m) => m.links);
    const hit = links.find((l) => index.getClaim(l.claimId)?.text.includes('repelled 85 Russian attacks'));
    expect(hit).toMatchObject({ relation: 'same' });
    expect(hit!.cosine).toBeGreaterThan(0.8);
  });

  it('on another day the same words are at most related', () => {
    const links = matchPageSentences(index, names.lexicon, [{ key: 'p', text: PARAPHRASE }], {
      pageDate: { date: '2023-05-20', inferred: false },
      model: { vectors, sentenceVectors: new Map([['p', pageVector]]) },
    }).matches.flatMap((m) => m.links);
    expect(links.every((l) => l.relation !== 'same')).toBe(true);
  });
});
