import { describe, expect, it } from 'vitest';
import { compareReports, pairQuantities, quantitiesAgree, sameSpeaker } from '../../../../src/core/matching';
import type { Claim, Quantity } from '../../../../src/core/types';

const q = (value: number, unit: Quantity['unit'], bound: Quantity['bound'], text: string, noun?: string): Quantity => ({
  value,
  unit,
  bound,
  text,
  ...(noun ? { noun } : {}),
});
function claim(text: string, extra: Partial<Claim> = {}): Claim {
  return { id: text.slice(0, 8), articleId: 'a', sentenceIndex: 0, text, quotes: [], quantities: [], entities: [], hedges: [], ...extra };
}

describe('quantities', () => {
  it('treats 7 km2 and 2.5 / 2.7 square miles as the same number', () => {
    const km2 = q(7, 'km2', 'about', 'approximately seven square kilometers');
    expect(quantitiesAgree(km2, q(6.47, 'km2', 'exact', '2.5 square miles'))).toBe(true);
    expect(quantitiesAgree(km2, q(6.99, 'km2', 'exact', '2.7 square miles'))).toBe(true);
  });

  it('pairs "more than 15 towns and villages" with "more than 20 settlements" as a disagreement', () => {
    const pairs = pairQuantities(
      [q(15, 'count', 'more-than', 'more than 15', 'villages')],
      [q(20, 'count', 'more-than', 'more than 20', 'settlements'), q(150, 'km', 'exact', '150 kilometers')],
    );
    expect(pairs).toHaveLength(2);
    expect(pairs[0]).toMatchObject({ agree: false, a: { value: 15 }, b: { value: 20 } });
    expect(pairs[1]).toMatchObject({ agree: false, b: { value: 150 } });
    expect(pairs[1]!.a).toBeUndefined();
  });

  it('does not pair counts of different things', () => {
    const pairs = pairQuantities([q(85, 'count', 'exact', '85', 'attacks')], [q(20, 'count', 'more-than', 'more than 20', 'settlements')]);
    expect(pairs.every((p) => !(p.a && p.b))).toBe(true);
  });
});

describe('compareReports', () => {
  const a = claim('The Russian Defence Ministry said troops randomly retreated up to 3 km.', {
    attribution: { speaker: 'The Russian Defence Ministry', verb: 'said', entityId: 'org:russian-mod' },
    quantities: [q(3, 'km', 'up-to', 'up to 3 km')],
    entities: ['org:russian-mod', 'place:luhansk'],
  });
  const b = claim('The Russian Defense Ministry claimed troops retreated at random up to 3 km (1.9 miles).', {
    attribution: { speaker: 'The Russian Defense Ministry', verb: 'claimed', entityId: 'org:russian-mod' },
    quantities: [q(3, 'km', 'up-to', 'up to 3 km'), q(3.06, 'km', 'exact', '1.9 miles')],
    entities: ['org:russian-mod'],
    hedges: ['unable to independently confirm'],
  });
  const diff = compareReports(a, b);

  it('reports agreeing numbers, the shared speaker, hedges and entities only one side has', () => {
    expect(diff.numbers.filter((n) => n.agree)).toHaveLength(1);
    expect(diff.attribution.same).toBe(true);
    expect(diff.hedges).toEqual({ onlyA: [], onlyB: ['unable to independently confirm'] });
    expect(diff.entities).toEqual({ onlyA: ['place:luhansk'], onlyB: [] });
  });

  it('gives a word diff that rebuilds both texts (A up to whitespace, which diffWords takes from B)', () => {
    const rebuilt = (side: 'a' | 'b') =>
      diff.wording
        .filter((w) => w.op === 'same' || w.op === (side === 'a' ? 'removed' : 'added'))
        .map((w) => w.text)
        .join('');
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(rebuilt('a'))).toBe(squash(a.text));
    expect(rebuilt('b')).toBe(b.text);
    expect(diff.wording.some((w) => w.op === 'removed' && w.text.includes('Defence'))).toBe(true);
  });

  it('compares speakers by words when no entity id is known', () => {
    expect(
      sameSpeaker(
        { speaker: 'the General Staff of the Ukrainian Armed Forces', verb: 'said' },
        { speaker: "Ukraine's General Staff", verb: 'said' },
      ),
    ).toBe(true);
    expect(sameSpeaker({ speaker: 'Oleh Zhdanov', verb: 'said' }, { speaker: 'Hanna Malyar', verb: 'said' })).toBe(false);
  });
});
