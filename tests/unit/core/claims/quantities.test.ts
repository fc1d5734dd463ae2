import { describe, expect, it } from 'vitest';
import { extractQuantities, sameQuantity } from '../../../../src/core/claims';

const one = (text: string) => {
  const qs = extractQuantities(text);
  expect(qs).toHaveLength(1);
  return qs[0]!;
};

describe('extractQuantities on the seed phrasings', () => {
  it('reads number words, units and bounds', () => {
    expect(one('pushed back Ukrainian troops some three kilometers.')).toEqual({
      value: 3,
      unit: 'km',
      bound: 'about',
      text: 'some three kilometers',
    });
    expect(one('Bakhmut had a population of about 70,000 before the war')).toMatchObject({ value: 70000, unit: 'count', bound: 'about' });
    expect(one('a town located 150 kilometers to the southwest')).toMatchObject({ value: 150, unit: 'km', bound: 'exact' });
    expect(one('had only advanced 2 kilometers along the southern border')).toMatchObject({ value: 2, unit: 'km' });
  });

  it('treats a parenthesised conversion as the same quantity', () => {
    expect(one('retreated to a distance of up to 3 km (1.9 miles) from the lines')).toEqual({
      value: 3,
      unit: 'km',
      bound: 'up-to',
      text: 'up to 3 km',
    });
    expect(one('over approximately seven square kilometers (2.5 square miles) of territory')).toMatchObject({
      value: 7,
      unit: 'km2',
      bound: 'about',
    });
  });

  it('captures the counted noun and people counts', () => {
    expect(one('fired on more than 15 towns and villages, near Bakhmut')).toMatchObject({
      value: 15,
      bound: 'more-than',
      noun: 'towns and villages',
    });
    expect(one('thwarted attacks near more than 20 settlements, including')).toMatchObject({ value: 20, noun: 'settlements' });
    expect(one('had repelled 85 Russian attacks on different sections')).toMatchObject({ value: 85, noun: 'attacks', bound: 'exact' });
    expect(one('detained at least 6,000 Ukrainian children and probably many more')).toMatchObject({
      value: 6000,
      unit: 'people',
      bound: 'at-least',
      noun: 'children',
    });
    expect(one('broke through two heavily fortified lines of defence')).toMatchObject({ value: 2, noun: 'lines' });
  });

  it('ignores dates, model names, ages and compound adjectives', () => {
    expect(
      extractQuantities('Su-25 jets flew on February 24 and 3 March; a 30-year-old man marked the one-year anniversary at 9 a.m.'),
    ).toEqual([]);
    expect(extractQuantities('one US official predicted gains')).toEqual([]);
  });
});

describe('extractQuantities on invented phrasings', () => {
  it('converts miles, metres, hectares and square miles to km and km2', () => {
    expect(one('a convoy stretching 40 miles north')).toMatchObject({ unit: 'km', value: 64.37 });
    expect(one('a 500-metre stretch of road')).toMatchObject({ unit: 'km', value: 0.5 });
    expect(one('fires burned 1,200 hectares')).toMatchObject({ unit: 'km2', value: 12 });
    expect(one('an area of nearly 2.7 sq mi')).toMatchObject({ unit: 'km2', value: 6.993, bound: 'about' });
  });

  it('reads percent, dollars, scales, compound number words and more bound phrases', () => {
    const qs = extractQuantities(
      'Turnout fell below 40 percent, aid of $1.5 billion arrived, twenty-five people and as many as three hundred thousand residents fled, fewer than 12% voted.',
    );
    expect(qs.map((q) => [q.value, q.unit, q.bound])).toEqual([
      [40, 'percent', 'less-than'],
      [1.5e9, 'usd', 'exact'],
      [25, 'people', 'exact'],
      [300000, 'people', 'up-to'],
      [12, 'percent', 'less-than'],
    ]);
  });

  it('reads ranges by their upper end and skips ordinals and labels', () => {
    expect(extractQuantities('a 10-15 km front and between 20 and 30 villages')).toEqual([
      { value: 15, unit: 'km', bound: 'up-to', text: '10-15 km' },
      { value: 30, unit: 'count', bound: 'up-to', text: 'between 20 and 30', noun: 'villages' },
    ]);
    expect(one('aid worth $3bn arrived')).toMatchObject({ value: 3e9, unit: 'usd' });
    expect(extractQuantities('the 5th brigade invoked Article 5 at No. 10')).toEqual([]);
  });

  it('marks bare years', () => {
    expect(one('The treaty was signed in 2010 by both sides.')).toMatchObject({ value: 2010, unit: 'year' });
  });
});

describe('sameQuantity', () => {
  const q = (text: string) => extractQuantities(text)[0]!;
  it('agrees across units and rounding', () => {
    expect(sameQuantity(q('up to 3 km'), q('up to 1.9 miles'))).toBe(true);
    expect(sameQuantity(q('seven square kilometers'), q('2.5 square miles'))).toBe(true);
    expect(sameQuantity(q('seven square kilometers'), q('2.7 square miles'))).toBe(true);
    expect(sameQuantity(q('three kilometers'), q('3 km'))).toBe(true);
  });
  it('disagrees on different numbers or units', () => {
    expect(sameQuantity(q('more than 15 towns'), q('more than 20 settlements'))).toBe(false);
    expect(sameQuantity(q('3 km'), q('3 miles'))).toBe(false);
    expect(sameQuantity(q('7 km2'), q('7 km'))).toBe(false);
    expect(sameQuantity(q('15 towns'), q('20 towns'), 0.5)).toBe(true);
  });
});
