/**
 * The reader's reading settings: how many mentions of a name are underlined,
 * and when cards open. Kept in `storage.local` (one key), written by the
 * options page and read by every content script, which follows changes live
 * through `storage.onChanged` (see `readingStorage.ts`). Whatever is stored
 * is validated here: a missing, old or tampered value falls back to the
 * default field by field.
 */
import * as v from 'valibot';

/** The storage key of the settings. */
export const READING_KEY = 'reading';

/** Names: every mention, the first mention of each spelling, or none. */
export const NAME_DENSITIES = ['all', 'first', 'off'] as const;
/** Cards: on hover and from the keyboard, from the keyboard only, or never. */
export const HOVER_MODES = ['on', 'keyboard', 'off'] as const;

/** How many mentions of a name are underlined. */
export type NameDensity = (typeof NAME_DENSITIES)[number];
/** When cards open. */
export type HoverMode = (typeof HOVER_MODES)[number];

/** What the reader chose. */
export interface ReadingSettings {
  names: NameDensity;
  cards: HoverMode;
}

/** The defaults: first mention of each spelling; cards on hover and from the keyboard. */
export const DEFAULT_READING: ReadingSettings = { names: 'first', cards: 'on' };

const ReadingSchema = v.object({
  names: v.fallback(v.picklist(NAME_DENSITIES), DEFAULT_READING.names),
  cards: v.fallback(v.picklist(HOVER_MODES), DEFAULT_READING.cards),
});

/** The settings in `value` (anything read from storage); unknown or missing fields take their default. */
export function parseReadingSettings(value: unknown): ReadingSettings {
  const result = v.safeParse(ReadingSchema, value ?? {});
  return result.success ? result.output : { ...DEFAULT_READING };
}
