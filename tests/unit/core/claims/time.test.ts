import { describe, expect, it } from 'vitest';
import { findTimeExpressions, resolveClaimTime } from '../../../../src/core/claims';

// 2023-02-15 was a Wednesday; 2023-07-17 a Monday.
describe('resolveClaimTime against the article date', () => {
  it('resolves a weekday to the most recent one on or before the article date', () => {
    expect(resolveClaimTime('The ministry on Wednesday said', '2023-02-15')).toEqual({ text: 'on Wednesday', date: '2023-02-15' });
    expect(resolveClaimTime('in a video address late on Tuesday, said', '2023-02-15')?.date).toBe('2023-02-14');
    expect(resolveClaimTime('Ukraine announced on Monday that', '2023-07-17')?.date).toBe('2023-07-17');
    expect(resolveClaimTime('On Friday, Kiev said', '2023-07-17')).toEqual({ text: 'On Friday', date: '2023-07-14' });
    expect(resolveClaimTime('in a statement on Tuesday night.', '2023-03-01')).toEqual({ text: 'on Tuesday night', date: '2023-02-28' });
    expect(resolveClaimTime('It rained on Thursday.', '2023-02-15')?.date).toBe('2023-02-09');
  });

  it('reads article dates given as timestamps or in words', () => {
    expect(resolveClaimTime('said on Tuesday', '2023-02-15T23:30:00-05:00')?.date).toBe('2023-02-14');
    expect(resolveClaimTime('said on Tuesday', 'Feb 15, 2023')?.date).toBe('2023-02-14');
    expect(resolveClaimTime('said on Tuesday', 'not a date')).toEqual({ text: 'on Tuesday' });
  });

  it('propagates an inferred article date', () => {
    expect(resolveClaimTime('shot down over the city on Wednesday', '2023-02-15', true)).toEqual({
      text: 'on Wednesday',
      date: '2023-02-15',
      inferred: true,
    });
    expect(resolveClaimTime('shot down over the city on Wednesday', '2023-02-15', false)).not.toHaveProperty('inferred');
  });

  it('handles relative days and last/next weekdays', () => {
    expect(resolveClaimTime('Officials said yesterday', '2023-03-01')?.date).toBe('2023-02-28');
    expect(resolveClaimTime('the day before yesterday', '2023-03-01')?.date).toBe('2023-02-27');
    expect(resolveClaimTime('talks resume tomorrow', '2023-12-31')?.date).toBe('2024-01-01');
    expect(resolveClaimTime('as happened last Wednesday', '2023-02-15')?.date).toBe('2023-02-08');
    expect(resolveClaimTime('will meet next Monday', '2023-02-15')?.date).toBe('2023-02-20');
  });

  it('resolves calendar dates to the nearest year', () => {
    expect(resolveClaimTime('the session opens on February 24.', '2023-02-15')?.date).toBe('2023-02-24');
    expect(resolveClaimTime('since December 28 the line held', '2023-01-03')?.date).toBe('2022-12-28');
    expect(resolveClaimTime('on 5 March 2021 it began', '2023-01-03')?.date).toBe('2021-03-05');
  });

  it('keeps coarse periods as words without a date', () => {
    expect(resolveClaimTime('which Russian forces took control of in May.', '2023-07-17')).toEqual({ text: 'in May' });
    expect(resolveClaimTime('Kiev launched a counteroffensive last month', '2023-07-17')).toEqual({ text: 'last month' });
    expect(resolveClaimTime('advanced near Bakhmut in past week', '2023-07-17')).toEqual({ text: 'past week' });
    expect(resolveClaimTime('Russia announced last year that', '2023-02-15')).toEqual({ text: 'last year' });
    expect(resolveClaimTime('this year the harvest failed', '2023-02-15')).toEqual({ text: 'this year' });
  });

  it('prefers a day over a coarser period and leaves dates unresolved without an article date', () => {
    expect(resolveClaimTime('Last month the army, on Wednesday, said', '2023-02-15')?.text).toBe('on Wednesday');
    expect(resolveClaimTime('on Wednesday the army said')).toEqual({ text: 'on Wednesday' });
    expect(resolveClaimTime('The army said so.', '2023-02-15')).toBeUndefined();
  });

  it('skips reference points and deadlines', () => {
    expect(
      resolveClaimTime('Capture would give Russia momentum ahead of the first anniversary on February 24.', '2023-02-15'),
    ).toBeUndefined();
    expect(resolveClaimTime('Troops must leave by Friday, officials said on Monday.', '2023-02-15')).toEqual({
      text: 'on Monday',
      date: '2023-02-13',
    });
    expect(resolveClaimTime('A report backed by the US and released on Tuesday said so.', '2023-02-15')?.date).toBe('2023-02-14');
  });

  it('does not read the modal "may" as a month', () => {
    expect(findTimeExpressions('balloons that may have contained equipment', '2023-02-15')).toEqual([]);
  });
});
