import { describe, expect, it } from 'vitest';
import {
  ClaimIndex,
  ClaimVectors,
  EXACT_SCAN_MAX,
  MODEL_CALIBRATION,
  mergeLinks,
  modelSimilarity,
  PrecomputedNearest,
} from '../../../../src/core/matching';
import { quantise } from '../../../../src/core/ranking';
import { prng } from '../../../../bench/core';
import { analyzeSentence } from '../../../../src/core/library';
import { buildLexicon } from '../../../../src/core/entities';
import { loadGazetteer } from '../../../../src/core/library';

const lexicon = buildLexicon(loadGazetteer());

/** A unit vector pointing mostly along axis `i`, tilted towards axis `j` by `t`. */
function vec(i: number, j = i, t = 0): Float32Array {
  const v = new Float32Array(16);
  v[i] = Math.cos(t);
  v[j] = (v[j] ?? 0) + Math.sin(t);
  return v;
}

describe('ClaimVectors', () => {
  it('returns the nearest claims above the cosine floor, best first, leaving out excluded articles', () => {
    const store = new ClaimVectors();
    store.add('c1', 'a1', quantise(vec(0)));
    store.add('c2', 'a2', quantise(vec(0, 1, 0.3)));
    store.add('c3', 'a3', quantise(vec(1)));
    store.add('c4', 'a4', quantise(vec(0, 1, 0.1)));
    const near = store.nearest(vec(0), 2, 0.5);
    expect(near.map((n) => n.claimId)).toEqual(['c1', 'c4']);
    expect(store.nearest(vec(0), 5, 0.5, new Set(['a1'])).map((n) => n.claimId)).toEqual(['c4', 'c2']);
    store.remove('a4');
    expect(store.has('c4')).toBe(false);
    expect(store.nearest(vec(0), 5, 0.5).map((n) => n.claimId)).toEqual(['c1', 'c2']);
  });
});

describe('ClaimVectors with copies of one sentence', () => {
  it('keeps one row per distinct vector and still answers for every claim that has it', () => {
    const store = new ClaimVectors();
    for (let i = 0; i < 20; i++) store.add(`wire${i}`, `w${i}`, quantise(vec(0)));
    store.add('own', 'o', quantise(vec(0, 1, 0.2)));
    expect(store.size).toBe(21);
    expect((store as unknown as { rows: unknown[] }).rows).toHaveLength(2);
    // the first k claims of the nearest vector, in the order they were added, then the next vector
    expect(store.nearest(vec(0), 3, 0.5).map((n) => n.claimId)).toEqual(['wire0', 'wire1', 'wire2']);
    expect(store.nearest(vec(0), 30, 0.5)).toHaveLength(21);
    expect(store.nearest(vec(0), 3, 0.5, new Set(['w0', 'w1'])).map((n) => n.claimId)).toEqual(['wire2', 'wire3', 'wire4']);
    // removing some copies keeps the others; removing all drops the row; a later copy comes back
    for (let i = 0; i < 19; i++) store.remove(`w${i}`);
    expect(store.nearest(vec(0), 3, 0.5).map((n) => n.claimId)).toEqual(['wire19', 'own']);
    store.remove('w19');
    expect(store.has('wire19')).toBe(false);
    expect((store as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    store.add('late', 'l', quantise(vec(0)));
    expect(store.nearest(vec(0), 3, 0.5).map((n) => n.claimId)).toEqual(['late', 'own']);
  });
});

describe('ClaimVectors in a large library (narrowed by signs first)', () => {
  it('still finds a planted near neighbour among more claims than the exact scan takes', () => {
    // The bench's seeded generator, so the test is the same every run; values in [-1, 1).
    const next = prng(7);
    const random = () => next() * 2 - 1;
    const dims = 512;
    const store = new ClaimVectors();
    for (let i = 0; i < EXACT_SCAN_MAX + 500; i++) store.add('r' + i, 'a' + i, quantise(Float32Array.from({ length: dims }, random)));
    const query = Float32Array.from({ length: dims }, random);
    const near = query.map((x) => x + 0.3 * random());
    store.add('planted', 'p', quantise(near));
    const found = store.nearest(query, 3, 0.5);
    expect(found[0]?.claimId).toBe('planted');
    expect(found[0]!.cos).toBeGreaterThan(0.9);
  });
});

describe('PrecomputedNearest', () => {
  it('answers every question exactly as the vectors themselves, however many of the nearest are left out', () => {
    // The bench's seeded generator, so the test is the same every run; values in [-1, 1).
    const next = prng(11);
    const random = () => next() * 2 - 1;
    const store = new ClaimVectors();
    const base = Float32Array.from({ length: 64 }, random);
    // 300 claims in 30 articles, all near one direction, so the excluded articles fill the top of the list.
    for (let i = 0; i < 300; i++) store.add(`c${i}`, `a${i % 30}`, quantise(base.map((x) => x + 0.8 * random())));
    const queries = Array.from({ length: 12 }, () => base.map((x) => x + 0.5 * random()));
    const ahead = new PrecomputedNearest(store, 10);
    for (const q of queries) ahead.prepare(q, 0.2);
    for (const q of queries)
      for (const exclude of [undefined, new Set(['a1']), new Set(Array.from({ length: 25 }, (_, i) => `a${i}`))])
        for (const [k, minCos] of [
          [8, 0.2],
          [3, 0.6],
          [8, 0.1], // a lower floor than prepared
          [12, 0.2], // more than prepared
        ] as const)
          expect(ahead.nearest(q, k, minCos, exclude)).toEqual(store.nearest(q, k, minCos, exclude));
    const other = Float32Array.from({ length: 64 }, random); // never prepared
    expect(ahead.nearest(other, 5, 0)).toEqual(store.nearest(other, 5, 0));
  });
});

describe('modelSimilarity and mergeLinks', () => {
  it('maps cosines at or below the calibration floor to nothing and rises linearly after it', () => {
    expect(modelSimilarity(MODEL_CALIBRATION.from)).toBe(0);
    expect(modelSimilarity(MODEL_CALIBRATION.to + 0.1)).toBe(1);
    const mid = (MODEL_CALIBRATION.from + MODEL_CALIBRATION.to) / 2;
    expect(modelSimilarity(mid)).toBeCloseTo(0.5, 5);
  });

  it('keeps one link per claim, same before related, and notes the model agreed', () => {
    const merged = mergeLinks(
      [{ claimId: 'x', articleId: 'a', score: 0.5, relation: 'related' }],
      [
        { claimId: 'x', articleId: 'a', score: 0.4, relation: 'related', cosine: 0.9 },
        { claimId: 'y', articleId: 'b', score: 0.45, relation: 'same', cosine: 0.95 },
      ],
    );
    expect(merged.map((l) => [l.claimId, l.relation, l.cosine])).toEqual([
      ['y', 'same', 0.95],
      ['x', 'related', 0.9],
    ]);
  });
});

describe('ClaimIndex.judge (links found through the model)', () => {
  const stored = {
    ...analyzeSentence('Ukrainian troops withdrew from the town after weeks of heavy fighting.', lexicon, { articleId: 's1' }),
    articleId: 's1',
  };
  const page = analyzeSentence("Kyiv's forces pulled out of the settlement following a long battle.", lexicon, {});

  it('a paraphrase with few shared words is not linked by words alone', () => {
    const index = new ClaimIndex();
    index.add([stored], { s1: '2023-01-25' });
    expect(index.query(page, { relations: true, pageDate: '2023-01-25' })).toEqual([]);
  });

  it('is linked as same through a close vector when both reports are of the same day', () => {
    const index = new ClaimIndex();
    index.add([stored], { s1: '2023-01-25' });
    const links = index.judge(page, [{ claimId: stored.id, similarity: modelSimilarity(0.97), cosine: 0.97 }], {
      pageDate: '2023-01-25',
      sameCosine: MODEL_CALIBRATION.same,
    });
    expect(links).toMatchObject([{ claimId: stored.id, relation: 'same', cosine: 0.97 }]);
  });

  it('is only related when the day is unknown or the vector less close', () => {
    const index = new ClaimIndex();
    index.add([stored]);
    const undated = index.judge(page, [{ claimId: stored.id, similarity: modelSimilarity(0.97), cosine: 0.97 }], {
      sameCosine: MODEL_CALIBRATION.same,
    });
    expect(undated).toMatchObject([{ relation: 'related' }]);
    expect(undated[0]!.reasons).toContain('weak');
    expect(index.judge(page, [{ claimId: stored.id, similarity: modelSimilarity(0.6), cosine: 0.6 }])).toEqual([]);
  });
});
