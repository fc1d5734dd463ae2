import { describe, expect, it } from 'vitest';
import { analyzeTerms, quantityTerm, stemWord, textTerms } from '../../../../src/core/matching';

describe('textTerms', () => {
  it('folds British and American spellings to one term', () => {
    expect(textTerms('defence kilometres colour organised')).toEqual(textTerms('defense kilometers color organized'));
  });

  it('folds the paraphrases news reports swap', () => {
    const sorted = (s: string) => textTerms(s).sort();
    expect(sorted('troops randomly retreated')).toEqual(sorted('troops retreated at random'));
    expect(textTerms('they broke through the lines')).toContain('breakthrough');
    expect(textTerms('the breakthrough of the lines')).toEqual(textTerms('broken through the lines'));
    expect(textTerms('some three kilometers')).toEqual(textTerms('3 km'));
  });

  it('keeps "fled" apart from "retreated" (a stronger claim)', () => {
    expect(textTerms('troops fled')).not.toEqual(textTerms('troops retreated'));
  });

  it('folds diacritics and drops stopwords and reporting verbs', () => {
    expect(textTerms('Zelenskyy said that the café was closed')).toEqual(textTerms('zelenskyy cafe closed'));
  });

  it('flags names written capitalised mid-sentence', () => {
    const { capitalised } = analyzeTerms('The shelling of Bakhmut continued on Wednesday');
    expect([...capitalised].sort()).toEqual(['bakhmut', 'wednesdai']);
  });
});

describe('stemWord', () => {
  it('conflates inflections consistently', () => {
    expect(stemWord('advancing')).toBe(stemWord('advanced'));
    expect(stemWord('advance')).toBe(stemWord('advances'));
    expect(stemWord('supplies')).toBe(stemWord('supply'));
    expect(stemWord('broken')).toBe(stemWord('break'));
    expect(stemWord('news')).not.toBe(stemWord('new'));
  });
});

describe('quantityTerm', () => {
  it('puts 3 km and 1.9 miles in one bucket and 150 km in another', () => {
    const km = quantityTerm({ value: 3, unit: 'km', bound: 'up-to', text: '3 km' });
    const miles = quantityTerm({ value: 3.06, unit: 'km', bound: 'up-to', text: '1.9 miles' });
    const far = quantityTerm({ value: 150, unit: 'km', bound: 'exact', text: '150 kilometers' });
    expect(km).toBe(miles);
    expect(far).not.toBe(km);
  });
});
