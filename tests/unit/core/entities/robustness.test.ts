import { describe, expect, it } from 'vitest';
import { createSpotContext, spotMentions } from '../../../../src/core/entities';
import { discoverEntities } from '../../../../src/core/entities';
import { lexicon, spot } from './spotting';

/** A deterministic pseudo-random generator, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('spotting and discovery on hostile text', () => {
  it('handles empty, whitespace-only and punctuation-only text', () => {
    for (const text of ['', ' ', '\n\n\n', '—…“”«»', "'s 's '"]) {
      expect(spotMentions(text, lexicon)).toEqual([]);
      expect(discoverEntities(text, [], lexicon)).toEqual([]);
    }
  });

  it('handles one enormous token and a name glued to it', () => {
    const blob = 'x'.repeat(200_000);
    expect(spot(blob)).toEqual([]);
    expect(spot(`Kyiv ${blob}Kyiv Kyiv`)).toEqual(['Kyiv=place:kyiv', 'Kyiv=place:kyiv']);
  });

  it('returns in-bounds, ordered, non-overlapping mentions on random Unicode soup', () => {
    const next = random(7);
    const pieces = [
      'Kyiv',
      'Kiev’s',
      'Бахмут',
      'Bakhmut',
      ' ',
      '\n',
      '.',
      "'",
      '\u00ad',
      '\ud83d\ude00',
      'é',
      'Zelenskyy',
      'region',
      'Austin',
      'Pentagon',
      'U.S.',
      '-',
      '/',
    ];
    for (let round = 0; round < 50; round++) {
      let text = '';
      for (let k = 0; k < 400; k++) text += pieces[Math.floor(next() * pieces.length)];
      const ctx = createSpotContext();
      const mentions = spotMentions(text, lexicon, ctx);
      let last = 0;
      for (const m of mentions) {
        expect(m.start).toBeGreaterThanOrEqual(last);
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(m.start, m.end)).toBe(m.surface);
        expect(lexicon.entities.has(m.entityId)).toBe(true);
        last = m.end;
      }
      expect(() => discoverEntities(text, [], lexicon)).not.toThrow();
    }
  });

  it('gives the same mentions for a text spotted whole or after a larger one (shared scan buffers)', () => {
    const small = 'Zelenskiy met Malyar in Kyiv; Hanna Malyar spoke.';
    const first = spot(small);
    spot('Bakhmut '.repeat(20_000));
    expect(spot(small)).toEqual(first);
  });
});
