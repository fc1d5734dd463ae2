import { describe, expect, it } from 'vitest';
import { DEFAULT_READING, parseReadingSettings } from '../../../src/shared/readingSettings';

describe('parseReadingSettings', () => {
  it('defaults to the first mention and cards on hover', () => {
    expect(DEFAULT_READING).toEqual({ names: 'first', cards: 'on' });
    expect(parseReadingSettings(undefined)).toEqual(DEFAULT_READING);
  });

  it('keeps known values and replaces unknown or tampered ones field by field', () => {
    expect(parseReadingSettings({ names: 'off', cards: 'keyboard' })).toEqual({ names: 'off', cards: 'keyboard' });
    expect(parseReadingSettings({ names: 'every', cards: 'keyboard' })).toEqual({ names: 'first', cards: 'keyboard' });
    expect(parseReadingSettings({ names: 'all', cards: 42, extra: '<script>' })).toEqual({ names: 'all', cards: 'on' });
    expect(parseReadingSettings('all')).toEqual(DEFAULT_READING);
    expect(parseReadingSettings(null)).toEqual(DEFAULT_READING);
  });
});
