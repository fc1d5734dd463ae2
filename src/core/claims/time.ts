/**
 * Time expressions in a sentence ("on Wednesday", "late on Tuesday",
 * "yesterday", "February 24", "last month", "in May", "past week") and their
 * resolution against the article's date. News copy names days relative to the
 * day of publication, so "on Wednesday" only becomes a date once the article's
 * date is known; when that date is itself inferred, so is the result.
 *
 * Hand-written: the handful of patterns wire copy uses are easier to keep
 * exact with small regexes than with a general date parser (none is
 * installed, and those that exist resolve "Wednesday" forwards, not back).
 */
import type { ClaimTime } from '../types';
import { calendarDay } from '../text';

/** How precise a time expression is; only `day` expressions resolve to a date. */
export type TimePrecision = 'day' | 'week' | 'month' | 'year';

/** One time expression found in a text. */
export interface TimeExpression {
  text: string;
  start: number;
  end: number;
  precision: TimePrecision;
  /** ISO date (YYYY-MM-DD) for `day` expressions resolved against an article date. */
  date?: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const DAY_MS = 86_400_000;

interface Rule {
  re: RegExp;
  precision: TimePrecision;
  resolve?: (m: RegExpExecArray, base: number) => number | undefined;
}

const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3).toLowerCase()));

/** The date of `month`/`day` nearest to `base` (the article's day), trying the adjacent years. */
function nearestDate(month: number, day: number, base: number, year?: number): number | undefined {
  if (month < 0 || day < 1 || day > 31) return undefined;
  if (year !== undefined) return Date.UTC(year, month, day);
  const y = new Date(base).getUTCFullYear();
  const options = [y - 1, y, y + 1].map((yy) => Date.UTC(yy, month, day));
  return options.sort((a, b) => Math.abs(a - base) - Math.abs(b - base))[0];
}

const RULES: Rule[] = [
  {
    // "late on Tuesday", "on Wednesday", "last Monday", "Tuesday night".
    re: /\b(?:(?:[Ll]ate|[Ee]arly)\s+)?(?:[Oo]n\s+)?(?:([Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:\s+(?:night|morning|afternoon|evening))?\b/g,
    precision: 'day',
    resolve: (m, base) => {
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const today = new Date(base).getUTCDay();
      if (m[1]?.toLowerCase() === 'next') return base + ((target - today + 7) % 7 || 7) * DAY_MS;
      // The most recent such weekday on or before the article's date ("last X" strictly before).
      let back = (today - target + 7) % 7;
      if (back === 0 && (m[1]?.toLowerCase() === 'last' || m[1]?.toLowerCase() === 'past')) back = 7;
      return base - back * DAY_MS;
    },
  },
  { re: /\b(?:the\s+day\s+before\s+yesterday)\b/gi, precision: 'day', resolve: (_m, base) => base - 2 * DAY_MS },
  { re: /\byesterday\b/gi, precision: 'day', resolve: (_m, base) => base - DAY_MS },
  { re: /\b(?:earlier\s+)?today\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b/gi, precision: 'day', resolve: (_m, base) => base },
  { re: /\btomorrow\b/gi, precision: 'day', resolve: (_m, base) => base + DAY_MS },
  {
    // "February 24", "Feb. 24, 2023", "24 February 2023".
    re: new RegExp(
      String.raw`\b(?:(${MONTH_RE})\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_RE})(?:,?\s+(\d{4}))?)(?![\w])`,
      'g',
    ),
    precision: 'day',
    resolve: (m, base) => {
      const [month, day, year] = m[1] ? [m[1], m[2], m[3]] : [m[5]!, m[4], m[6]];
      return nearestDate(monthIndex(month!), Number(day), base, year ? Number(year) : undefined);
    },
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, precision: 'day', resolve: (m) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) },
  {
    re: /\b(?:(?:the\s+)?(?:past|last|previous|this|next|coming)\s+week|(?:the\s+)?past\s+(?:few\s+|several\s+)?days|over\s+the\s+past\s+day)\b/gi,
    precision: 'week',
  },
  {
    re: new RegExp(
      String.raw`\b(?:(?:last|this|next|previous|the\s+past)\s+month|(?:in|since|by|until|early|late|mid-)\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d))`,
      'g',
    ),
    precision: 'month',
  },
  { re: /\b(?:(?:last|this|next|past|previous)\s+year|(?:in|since|by|until)\s+(?:19|20)\d{2})\b/gi, precision: 'year' },
];

/** Cheap pre-test: every rule needs one of these (the rules are slow to run on every sentence). */
const MAY_HOLD_TIME =
  /day|tonight|tomorrow|this (?:morning|afternoon|evening)|week|month|year|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d{4}-\d/i;

/** Words before a date that make it a reference point or deadline rather than when the claim happened. */
const REFERENCE_POINT = /\b(?:anniversary|ahead of|deadline|until|no later than)\b[^,.;]{0,36}$|\b(?:by|before)\s+$/i;

/**
 * The article's day as UTC midnight (ms): "2023-02-15", a timestamp
 * "2023-02-15T18:30:00+02:00" (its own calendar day, as written) or any date
 * `Date.parse` reads ("Feb 15, 2023").
 */
/** UTC midnight of an article's date (the one ISO-day parser, `core/text/dates.ts`). */
function articleDay(date: string | undefined): number | undefined {
  return calendarDay(date)?.utc;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Every time expression in `text`, in order, without overlaps (earlier rules
 * win). With `articleDate` (YYYY-MM-DD), day expressions get a `date`.
 */
export function findTimeExpressions(text: string, articleDate?: string): TimeExpression[] {
  const base = articleDay(articleDate);
  const found: TimeExpression[] = [];
  if (!MAY_HOLD_TIME.test(text)) return found;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const expr: TimeExpression = { text: m[0], start, end, precision: rule.precision };
      if (rule.resolve && base !== undefined) {
        const ms = rule.resolve(m, base);
        if (ms !== undefined && !Number.isNaN(ms)) expr.date = iso(ms);
      }
      found.push(expr);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The time a claim's sentence gives: its first day-precise expression, else its
 * first coarser one ("last month" keeps its words but no date, so it cannot
 * contradict a day). `dateInferred` marks the result's date as inferred.
 */
export function resolveClaimTime(text: string, articleDate?: string, dateInferred?: boolean): ClaimTime | undefined {
  // "ahead of the first anniversary on February 24" dates a reference point, not the event.
  const all = findTimeExpressions(text, articleDate).filter((e) => !REFERENCE_POINT.test(text.slice(Math.max(0, e.start - 48), e.start)));
  const pick = all.find((e) => e.precision === 'day') ?? all[0];
  if (!pick) return undefined;
  const time: ClaimTime = { text: pick.text };
  if (pick.date) {
    time.date = pick.date;
    if (dateInferred) time.inferred = true;
  }
  return time;
}
