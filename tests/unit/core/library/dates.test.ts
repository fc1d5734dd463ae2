import { describe, expect, it } from 'vitest';
import { articleDate, calendarDay, canonicalPageUrl, isIsoDay, parseIsoDay } from '../../../../src/core/library';

const evidence = 'NATO defence ministers met for a second day';

describe('the ISO-day parser', () => {
  it('reads a day and the day a timestamp was written on', () => {
    expect(parseIsoDay('2023-02-15')).toEqual({ iso: '2023-02-15', year: 2023, month: 2, day: 15, utc: Date.UTC(2023, 1, 15) });
    // Late evening in Kyiv is still the 15th there, though it is the 15th or 16th in UTC.
    expect(parseIsoDay('2023-02-15T23:30:00+02:00')?.iso).toBe('2023-02-15');
  });

  it('refuses impossible days and other formats', () => {
    for (const bad of ['2023-02-30', '2023-13-01', '15/02/2023', 'July 11', '']) expect(parseIsoDay(bad)).toBeUndefined();
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2023-02-15T10:00:00Z')).toBe(false);
  });

  it('reads written-out dates as UTC days, whatever the time zone', () => {
    expect(calendarDay('Feb 15, 2023')?.iso).toBe('2023-02-15');
    expect(calendarDay('2023-03-01T08:00:00Z')?.iso).toBe('2023-03-01');
    expect(calendarDay('soon')).toBeUndefined();
    expect(calendarDay(null)).toBeUndefined();
  });
});

describe('the date rule', () => {
  it('prefers the given date, else the inferred one, and says which', () => {
    const inferredDate = { value: '2023-02-15', inferred: true as const, evidence };
    expect(articleDate({ date: '2023-07-17', inferredDate })).toEqual({ date: '2023-07-17', inferred: false });
    expect(articleDate({ inferredDate })).toEqual({ date: '2023-02-15', inferred: true });
    expect(articleDate({})).toBeUndefined();
    expect(articleDate(undefined)).toBeUndefined();
  });
});

describe('the canonical page key', () => {
  it('drops the fragment only', () => {
    expect(canonicalPageUrl('https://news.example/a?id=1#comments')).toBe('https://news.example/a?id=1');
    expect(canonicalPageUrl('https://news.example/a')).toBe('https://news.example/a');
  });
});
