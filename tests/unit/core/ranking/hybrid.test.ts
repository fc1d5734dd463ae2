import { describe, expect, it } from 'vitest';
import {
  Bm25Index,
  HybridIndex,
  LIST_KEYS,
  RERANK_FEATURES,
  addListFeatures,
  cleanQueryText,
  cosineAll,
  overlapFeatures,
  quantise,
  querySentences,
  rerankRows,
  topK,
  type FeatureRow,
} from '../../../../src/core/ranking';
import { rerankRows as clefRerankRows, type QueryRun } from '../../../../scripts/clef/pipeline';
import { FEATURES } from '../../../../scripts/clef/train';

// A small library with deterministic pseudo-random vectors: enough to exercise every feature.
const texts = [
  'Minecraft is shutting down in 2020.',
  'A video shows a grandparent gifting a book to a grandchild who wanted Minecraft.',
  'Japan renamed a town so it could stamp exports Made in USA.',
  'Nancy Pelosi proposed a 100% tax on stock market profits.',
  'The Tokyo stock market closed higher on strong exports.',
  'Drinking bleach cures the virus.',
];
const titles = ['Is Minecraft Shutting Down?', 'Mein Kampf for Minecraft', '', 'Pelosi Windfall Tax', 'Markets', 'Bleach Cure'];
let seed = 7;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
const vec = () => Float32Array.from({ length: 16 }, rand);
const textVectors = texts.map(() => quantise(vec()));
const titleVectors = titles.map((t) => (t ? quantise(vec()) : { codes: new Int8Array(16), scale: 0 }));
const query = {
  text: cleanQueryText('Minecraft is NOT shutting down! #MinecraftNews https://t.co/abc @mojang'),
  vector: vec(),
  sentenceVectors: [vec(), vec()],
};

/** The rows as scripts/clef/pipeline.ts built them before they moved to the core (its former code, inlined). */
function formerRows(depth: number): FeatureRow[] {
  const order = (s: Float64Array) => topK(s, s.length, true).map((h) => h.doc);
  const all = new Bm25Index(texts.map((t, i) => `${t} ${titles[i]}`));
  const onV = new Bm25Index(texts);
  const onT = new Bm25Index(titles);
  const cosV = cosineAll(query.vector, textVectors);
  const cosT = cosineAll(query.vector, titleVectors);
  const cosMax = cosV.map((v, i) => Math.max(v, cosT[i]!));
  const bm = all.scoreAll(query.text);
  const bmOrder = order(bm);
  const cosOrder = order(cosMax);
  const pool = [...new Set([...bmOrder.slice(0, 50), ...cosOrder.slice(0, 50)])];
  const parts = [query.vector, ...query.sentenceVectors];
  const best = (v: (typeof textVectors)[number]) => Math.max(...parts.map((p) => cosineAll(p, [v])[0]!));
  const rows = pool
    .filter((d) => bmOrder.indexOf(d) < depth || cosOrder.indexOf(d) < depth)
    .map((doc) => ({
      bm25: bm[doc]!,
      bm25_v: onV.scoreAll(query.text)[doc]!,
      bm25_t: onT.scoreAll(query.text)[doc]!,
      cos_v: cosV[doc]!,
      cos_t: cosT[doc]!,
      cos_max: cosMax[doc]!,
      cos_s_v: best(textVectors[doc]!),
      cos_s_t: best(titleVectors[doc]!),
      ...overlapFeatures(query.text, `${texts[doc]} ${titles[doc]}`, (t) => all.idf(t)),
      bm25_rank: Math.log1p(bmOrder.indexOf(doc)),
      cos_rank: Math.log1p(cosOrder.indexOf(doc)),
    }));
  addListFeatures(rows, LIST_KEYS);
  return rows;
}

describe('hybrid feature rows (core/ranking/hybrid.ts)', () => {
  const index = new HybridIndex({ texts, titles, textVectors, titleVectors });

  it('builds the rows the CLEF pipeline built before the move, feature for feature', () => {
    for (const depth of [2, 10]) {
      const { rows } = rerankRows(index.firstStage(query).candidates, depth);
      expect(rows).toEqual(formerRows(depth));
    }
  });

  it('gives the CLEF script path and the core the same rows, over the shipped feature list', () => {
    const candidates = index.firstStage(query).candidates.map((c) => ({ ...c, label: 0 }));
    const run = { candidates } as unknown as QueryRun;
    expect(clefRerankRows(run, 3).rows).toEqual(rerankRows(candidates, 3).rows);
    expect(FEATURES).toEqual(RERANK_FEATURES);
    for (const row of rerankRows(candidates, 3).rows) expect(Object.keys(row).sort()).toEqual([...RERANK_FEATURES].sort());
  });

  it('gives a document without a title a title cosine of 0', () => {
    const stage = index.firstStage(query);
    expect(stage.cosTitle[2]).toBe(0);
    expect(stage.candidates.find((c) => c.doc === 2)?.raw.cos_max).toBe(stage.cosText[2]);
  });
});

describe('query clean-up (core/ranking/queryText.ts)', () => {
  it('drops links, handles markup and an embedded post trailer; splits hashtags', () => {
    expect(cleanQueryText('Big news #COVID19Update via @realDonaldTrump https://t.co/x pic.twitter.com/y')).toBe(
      'Big news COVID 19 Update via real Donald Trump',
    );
    expect(cleanQueryText('The wall is done. — Jane Roe (@janeroe) January 6, 2020')).toBe('The wall is done. Jane Roe');
    expect(cleanQueryText('Plain prose stays   as it is.')).toBe('Plain prose stays as it is.');
  });

  it('splits a post into sentences of four words or more', () => {
    expect(querySentences('im screaming. google featured a hoax article that claims minecraft is over.')).toEqual([
      'im screaming. google featured a hoax article that claims minecraft is over.',
    ]);
    expect(querySentences('The first claim is here. The second claim is there.')).toHaveLength(2);
  });
});
