import { describe, expect, it } from 'vitest';
import { ClaimIndex, SNAPSHOT_VERSION } from '../../../../src/core/matching';
import { analyzeSentence } from '../../../../src/core/library';
import { buildLexicon } from '../../../../src/core/entities';
import type { Claim } from '../../../../src/core/types';

// Names are found as capitalised words too; an empty lexicon keeps the test about the index.
const lexicon = buildLexicon([]);

const REPORTS = [
  ['a1', '2023-03-01', "Ukraine's General Staff said its forces repelled 85 Russian attacks near Bakhmut over the past day."],
  ['a2', '2023-03-01', 'The General Staff said Ukrainian troops had beaten back 85 attacks around Bakhmut in 24 hours.'],
  ['a3', '2023-03-06', 'Ukrainian forces repelled 95 attacks near Bakhmut, the General Staff said on Monday.'],
  ['a4', '2023-03-06', 'Reuters could not independently verify the battlefield reports.'],
  ['a5', '2023-03-09', 'Reuters could not independently verify the battlefield reports.'],
  ['a6', '2023-03-12', 'Reuters could not independently verify the battlefield reports.'],
] as const;

function library(): ClaimIndex {
  const index = new ClaimIndex();
  const claims: Claim[] = REPORTS.map(([articleId, date, text], i) => analyzeSentence(text, lexicon, { articleId, index: i, date }));
  index.add(claims, Object.fromEntries(REPORTS.map(([id, date]) => [id, date])));
  return index;
}

describe('the claim index snapshot (what a restarted worker restores)', () => {
  it('answers every query as the index it was taken from', () => {
    const index = library();
    const restored = ClaimIndex.fromSnapshot(structuredClone(index.snapshot()));
    let linked = 0;
    for (const [, date, text] of REPORTS) {
      const page = analyzeSentence(text.replace('85', '86'), lexicon, { date });
      const links = index.query(page, { relations: true, pageDate: date });
      linked += links.length;
      expect(restored.query(page, { relations: true, pageDate: date })).toEqual(links);
      expect(restored.query(page, { minScore: 0, top: 10 })).toEqual(index.query(page, { minScore: 0, top: 10 }));
    }
    expect(linked).toBeGreaterThan(0);
    expect(restored.toJSON()).toEqual(index.toJSON());
    expect(restored.claims()).toEqual(index.claims());
  });

  it('keeps the learnt boilerplate, and removals and additions after the restore', () => {
    const restored = ClaimIndex.fromSnapshot(library().snapshot());
    const caveat = analyzeSentence(REPORTS[3][2], lexicon, { date: '2023-03-20' });
    expect(restored.isBoilerplate(caveat)).toBe(true);
    restored.remove('a1');
    expect(restored.getClaim(library().claims()[0]!.id)).toBeUndefined();
    const again = ClaimIndex.fromSnapshot(restored.snapshot());
    expect(again.size).toBe(REPORTS.length - 1);
  });

  it('is refused when another build wrote it, so the caller rebuilds', () => {
    const old = { ...library().snapshot(), version: 1 } as unknown as ReturnType<ClaimIndex['snapshot']>;
    expect(() => ClaimIndex.fromSnapshot(old)).toThrow(/version/);
    expect(SNAPSHOT_VERSION).toBe(2);
  });
});
