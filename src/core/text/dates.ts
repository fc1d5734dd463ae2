/**
 * Article dates, in one place: the ISO-day parser every layer uses, and the
 * date rule "the given date, else the inferred one, and which it was". The
 * store files articles under it, the claim index dates stored claims with it,
 * cards and labels show it (marking inferred dates), the CLI packs it.
 */
import type { ArticleMeta } from '../types';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar day: its parts and UTC midnight in milliseconds. */
export interface IsoDay {
  /** `YYYY-MM-DD`. */
  iso: string;
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** UTC midnight of the day, for arithmetic across days. */
  utc: number;
}

/**
 * Reads the calendar day a value starts with: `2023-02-15`, or a timestamp
 * `2023-02-15T18:30:00+02:00` (its own day as written, not converted to UTC,
 * because the outlet's calendar day is the one its words like "on Monday" mean).
 * Impossible days (2023-02-30) give `undefined`.
 */
export function parseIsoDay(value: string): IsoDay | undefined {
  const m = ISO_DAY.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  // Date.UTC rolls 30 February over into March; a real day survives the round trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { iso: `${m[1]}-${m[2]}-${m[3]}`, year, month, day, utc };
}

/** True for exactly `YYYY-MM-DD` naming a real day (no time part). */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseIsoDay(value) !== undefined;
}

/**
 * The calendar day of any date a page or archive states: an ISO day or
 * timestamp first (see `parseIsoDay`), else whatever `Date.parse` reads
 * ("Feb 15, 2023"), read as UTC unless it names a time or zone, so the day
 * does not shift with the reader's time zone.
 */
export function calendarDay(value: string | null | undefined): IsoDay | undefined {
  if (!value?.trim()) return undefined;
  const iso = parseIsoDay(value);
  if (iso) return iso;
  const text = value.trim();
  const ms = Date.parse(text + (/\d{1,2}:\d{2}|Z$|[+-]\d{2}:?\d{2}$/.test(text) ? '' : ' UTC'));
  if (Number.isNaN(ms)) return undefined;
  return parseIsoDay(new Date(ms).toISOString());
}

/** An article's date and whether the text only implies it. */
export interface ArticleDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** True when the source did not give the date and it was inferred from the text. */
  inferred: boolean;
}

/** The date rule: the given date, else the inferred one, saying which it was; `undefined` when neither is known. */
export function articleDate(meta: Pick<ArticleMeta, 'date' | 'inferredDate'> | undefined): ArticleDate | undefined {
  if (meta?.date) return { date: meta.date, inferred: false };
  if (meta?.inferredDate) return { date: meta.inferredDate.value, inferred: true };
  return undefined;
}
