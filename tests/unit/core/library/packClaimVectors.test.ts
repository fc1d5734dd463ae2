import { describe, expect, it } from 'vitest';
import { claimTextKey, decodeClaimVectors, encodeClaimVectors } from '../../../../src/core/library';
import { quantise } from '../../../../src/core/ranking';

const vector = (seed: number) => quantise(Float32Array.from({ length: 16 }, (_, i) => Math.cos(seed * 7 + i)));

describe('claim vectors in a library pack', () => {
  it('round-trips vectors by sentence, one row per distinct sentence', () => {
    const a = vector(1);
    const b = vector(2);
    const json = encodeClaimVectors('m', 16, [
      [claimTextKey('Kyiv said  it held the line.'), a],
      [claimTextKey('Moscow said it had advanced.'), b],
      [claimTextKey('Kyiv said it held the line. '), vector(3)], // the same sentence, spaced otherwise: kept once
    ]);
    expect(json.keys).toHaveLength(2);
    const read = decodeClaimVectors(JSON.parse(JSON.stringify(json)))!;
    expect(read.model).toBe('m');
    expect(Array.from(read.byKey.get(claimTextKey('Kyiv said it held the line.'))!.codes)).toEqual(Array.from(a.codes));
    expect(read.byKey.get(claimTextKey('Moscow said it had advanced.'))!.scale).toBeCloseTo(b.scale, 12);
  });

  it('ignores an absent section or another version, and names what is wrong in a damaged one', () => {
    expect(decodeClaimVectors(undefined)).toBeUndefined();
    const good = encodeClaimVectors('m', 16, [['k', vector(1)]]);
    expect(decodeClaimVectors({ ...good, version: 2 })).toBeUndefined();
    expect(() => decodeClaimVectors({ ...good, scales: [] })).toThrow(/16 codes and 0 scales for 1 sentences of 16/);
    expect(() => decodeClaimVectors({ ...good, codes: 'not base64!' })).toThrow(/codes: not base64/);
    expect(() => decodeClaimVectors({ ...good, keys: 'k' })).toThrow(/claimVectors\.keys: must be an array/);
    expect(() => decodeClaimVectors({ ...good, scales: [Infinity] })).toThrow(/scales\.0: must be finite numbers/);
    expect(() => encodeClaimVectors('m', 8, [['k', vector(1)]])).toThrow(/a vector of 16 codes, not 8/);
  });
});
