import { describe, expect, it } from 'vitest';
import { americanise, foldWord, spellingVariants } from '../../../../src/core/text';
import { textTerms } from '../../../../src/core/matching';

describe('the one spelling table', () => {
  it('folds British spellings to American ones, for names and for claim terms alike', () => {
    const pairs: Array<[string, string]> = [
      ['defence', 'defense'],
      ['organisation', 'organization'],
      ['programme', 'program'],
      ['centre', 'center'],
      ['manoeuvres', 'maneuvers'],
      ['armoured', 'armored'],
    ];
    for (const [british, american] of pairs) {
      expect(americanise(british)).toBe(american);
      expect(foldWord(british)).toBe(american);
    }
    expect(textTerms('the defence ministry')).toEqual(textTerms('the defense ministry'));
    expect(textTerms('armoured vehicles')).toEqual(textTerms('armored vehicles'));
  });

  it('leaves -ise words that are not -ize spellings alone', () => {
    expect(americanise('promise')).toBe('promise');
    expect(americanise('surprised')).toBe('surprised');
  });

  it('finds the British spellings of an American key, and nothing that does not fold back', () => {
    expect(spellingVariants('defense')).toContain('defence');
    expect(spellingVariants('organization')).toContain('organisation');
    expect(spellingVariants('program')).toContain('programme');
    for (const variant of spellingVariants('kilometer')) expect(americanise(variant)).toBe('kilometer');
    expect(spellingVariants('bakhmut')).toEqual([]);
  });
});
