/**
 * Numbers in a sentence, normalised: "some three kilometers", "up to 3 km
 * (1.9 miles)", "approximately seven square kilometers (2.5 square miles)",
 * "more than 15 towns and villages", "at least 6,000 Ukrainian children".
 *
 * Hand-written scanner rather than a general NLP number parser: news copy uses
 * a small grammar (bound phrase + number + unit + counted noun, sometimes a
 * parenthesised conversion), and what matters is that two outlets' versions of
 * one number normalise to the same canonical unit so they can be compared.
 */
import type { Quantity, QuantityUnit } from '../types';

const SMALL: Record<string, number> = Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i]),
);
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, dozen: 12 };
const WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(TENS)].join('|')})`;
/** Digits ("6,000", "1.9") or number words ("seven", "twenty-five", "three hundred"). */
const NUMBER_SOURCE = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)|\b${WORD}(?:[\s-]+(?:and\s+)?(?:${WORD}|hundred|thousand|million|billion))*\b|\ba dozen\b`;
const RANGE_RE = new RegExp(String.raw`^\s*(?:[-–]|\s(?:to|and)\s)\s*(${NUMBER_SOURCE})`, 'i');
const NUMBER_RE = new RegExp(NUMBER_SOURCE, 'gi');
const MAY_HOLD_NUMBER = new RegExp(String.raw`\d|\b(?:${WORD.slice(3, -1)}|dozen)\b`, 'i');

/** The value of a number as written, and whether it was spelled out. */
function numberAt(s: string): { value: number; word: boolean } | undefined {
  if (/^\d/.test(s)) return { value: Number(s.replace(/,/g, '')), word: false };
  let total = 0;
  let current = 0;
  for (const w of s.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || w === 'a') continue;
    if (w in SMALL) current += SMALL[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'hundred' || w === 'dozen') current = (current || 1) * SCALES[w]!;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else return undefined;
  }
  return { value: total + current, word: true };
}

const BOUNDS: Array<[RegExp, Quantity['bound']]> = [
  [
    /\b(?:about|around|approximately|approx\.|roughly|some|nearly|almost|close to|an estimated|estimated|circa|just under|just over)\s+$/i,
    'about',
  ],
  [/\b(?:more than|over|upwards of|in excess of|above|beyond)\s+$/i, 'more-than'],
  [/\b(?:less than|fewer than|under|below)\s+$/i, 'less-than'],
  [/\b(?:up to|as many as|as much as)\s+$/i, 'up-to'],
  [/\b(?:at least|no fewer than|no less than|a minimum of|not less than)\s+$/i, 'at-least'],
];

interface UnitRule {
  re: RegExp;
  unit: QuantityUnit;
  factor: number;
}
/** Unit words after a number, longest first; factors convert to the canonical unit. */
const UNITS: UnitRule[] = [
  { re: /^(?:square|sq\.?)\s+(?:kilometers?|kilometres?|km)\b/i, unit: 'km2', factor: 1 },
  { re: /^(?:km2|km²|sq\s*km)(?![\p{L}\d])/iu, unit: 'km2', factor: 1 },
  { re: /^(?:square|sq\.?)\s+(?:miles?|mi)\b/i, unit: 'km2', factor: 2.589988 },
  { re: /^(?:hectares?|ha)\b/i, unit: 'km2', factor: 0.01 },
  { re: /^(?:kilometers?|kilometres?|kms?)\b/i, unit: 'km', factor: 1 },
  { re: /^(?:miles?|mi)\b/i, unit: 'km', factor: 1.609344 },
  { re: /^(?:meters?|metres?|m)\b(?!\.)/i, unit: 'km', factor: 0.001 },
  { re: /^(?:percent|per cent|%)/i, unit: 'percent', factor: 1 },
  { re: /^(?:US\s+)?dollars?\b|^USD\b/i, unit: 'usd', factor: 1 },
];
const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mln: 1e6, bn: 1e9, tn: 1e12 };
/** Counted nouns that make a number a number of people. */
const PEOPLE =
  /^(?:people|persons|civilians|children|adults|soldiers|troops|servicemen|residents|refugees|prisoners|fighters|workers|migrants|casualties|victims|men|women|members|officers|personnel|students|voters|patients)$/i;
/** Words that end a counted-noun phrase or can never be its head. */
const NOT_NOUN =
  /^(?:of|to|in|on|at|by|for|from|with|and|or|the|a|an|that|which|who|whose|than|as|per|into|near|over|under|was|were|is|are|had|has|have|will|would|could|its|their|his|her|our|more|less|ago|earlier|later|before|after|also|probably|possibly|only|each|apiece|times|percent|per|cent|so|too|this|these|those)$/i;

const round = (v: number) => Number(v.toPrecision(4));

/** The counted noun after a number: "towns and villages", "Russian attacks" -> "attacks". */
function countedNoun(rest: string): string | undefined {
  const words = rest.split(/\s+/).slice(0, 6);
  let i = 0;
  while (i < words.length && /^[A-Z][\p{L}-]*$/u.test(words[i]!) && i < 2) i++; // demonyms and names: "Russian", "Ukrainian"
  // The head is the first plural in a short run of lowercase words ("heavily fortified lines", "villages north of").
  let noun: string | undefined;
  let first: string | undefined;
  for (let taken = 0; i < words.length && taken < 4; i++, taken++) {
    const w = words[i]!.replace(/[.,;:!?)"”]+$/, '');
    if (!/^[a-z][a-z-]*$/.test(w) || NOT_NOUN.test(w)) break;
    if (/ly$/.test(w)) continue;
    first ??= w;
    if (/[^s]s$|ies$|ches$|shes$|xes$|people|children|men$|women$|personnel$/.test(w)) {
      noun = w;
      i++;
      break;
    }
    if (w !== words[i]) break; // punctuation ends the phrase
  }
  noun ??= first;
  if (!noun) return undefined;
  // "towns and villages": a coordinated plural keeps both heads.
  const after = words.slice(i, i + 2).map((w) => w.replace(/[.,;:!?)"”]+$/, ''));
  if (after[0] === 'and' && after[1] && /^[a-z]+s$/.test(after[1]) && /s$/.test(noun) && !NOT_NOUN.test(after[1]))
    noun += ' and ' + after[1];
  return noun;
}

/** Whether the number at `start` is part of a date, a model name, an age or a time of day. */
function notAQuantity(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (/[\p{L}\d]$/u.test(before) || /\p{L}-$/u.test(before)) return true; // "Su-25", "G20"
  if (
    /\b(?:No|Nos|Article|Section|Chapter|Resolution|Room|Route|Highway|Flight|Gate|Platform|Page|Paragraph|Number|Level|Category|Phase|Stage|Season|Episode|Vol|Version|Unit|Brigade|Block|Building)\.?\s+$/.test(
      before,
    )
  )
    return true; // labels
  if (/^(?:st|nd|rd|th)\b/.test(after)) return true; // ordinals "5th"
  if (/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/.test(before)) return true; // "February 24"
  if (/^(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/.test(after)) return true; // "24 February"
  if (/^-(?:year|month|week|day)s?-old|^-(?!(?:km|kilomet|metre|meter|mile|square|sq\b|percent))\p{L}/iu.test(after)) return true; // "30-year-old", "one-year", "three-day"
  return /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|hours\b|o'clock)/i.test(after) || /^:\d/.test(after);
}

/**
 * Every quantity in `text`, in order. A parenthesised conversion right after a
 * quantity ("3 km (1.9 miles)") is the same quantity and is not listed again.
 */
export function extractQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  // Most sentences hold no number at all: a cheap test first (the scanner below is ~10x slower).
  if (!MAY_HOLD_NUMBER.test(text)) return out;
  const re = new RegExp(NUMBER_RE);
  let skipUntil = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index < skipUntil) continue;
    const parsed = numberAt(m[0]);
    if (parsed === undefined || notAQuantity(text, m.index, m.index + m[0].length)) continue;
    let value = parsed.value;
    let end = m.index + m[0].length;
    let start = m.index;
    let rest = text.slice(end);
    // A range ("10-15 km", "between 10 and 15 km", "10 to 15 km") is reported by its upper end.
    const range = RANGE_RE.exec(rest);
    const upper =
      range && (!/\band\s/.test(range[0]) || /\bbetween\s+$/i.test(text.slice(Math.max(0, start - 10), start)))
        ? numberAt(range[1]!)
        : undefined;
    const isRange = !!upper && upper.value > value;
    if (isRange) {
      value = upper!.value;
      end += range![0].length;
      rest = text.slice(end);
    }
    const mult = /^(?:\s+(thousand|million|billion|trillion)|\s*(mln|bn|tn))\b/i.exec(rest);
    if (mult) {
      value *= MULTIPLIERS[(mult[1] ?? mult[2])!.toLowerCase()]!;
      end += mult[0].length;
      rest = text.slice(end);
    }
    // "one" and "a"-like words are too often not a count ("one US official" is fine, "one of them" is not).
    if (parsed.word && value === 1 && !/^\s+(?:km|kilomet|mile|square|percent)/i.test(rest)) continue;
    let unit: QuantityUnit = 'count';
    let factor = 1;
    if (/\$\s*$/.test(text.slice(0, start))) {
      unit = 'usd';
      start = text.lastIndexOf('$', start);
    }
    const gap = /^(?:-|\s*)/.exec(rest)![0];
    for (const u of UNITS) {
      const um = u.re.exec(rest.slice(gap.length));
      if (um && unit === 'count' && (gap.length > 0 || u.unit === 'percent' || /^(?:km|m)/i.test(um[0]))) {
        unit = u.unit;
        factor = u.factor;
        end += gap.length + um[0].length;
        break;
      }
    }
    const prefix = text.slice(Math.max(0, start - 24), start);
    let bound: Quantity['bound'] = isRange ? 'up-to' : 'exact';
    const between = isRange ? /between\s+$/i.exec(prefix) : null;
    if (between) start -= between[0].length;
    for (const [bre, b] of BOUNDS) {
      const bm = bre.exec(prefix);
      if (bm) {
        bound = b;
        start -= bm[0].length;
        break;
      }
    }
    const q: Quantity = { value: round(value * factor), unit, bound, text: text.slice(start, end) };
    if (unit === 'count') {
      const noun = countedNoun(text.slice(end).trimStart());
      if (noun) {
        q.noun = noun;
        if (PEOPLE.test(noun)) q.unit = 'people';
      } else if (!parsed.word && value >= 1900 && value <= 2100 && Number.isInteger(value)) q.unit = 'year';
    }
    skipUntil = end; // a range's second number or a multiplier is not a quantity of its own
    // A conversion in brackets restates the same number: skip past it.
    const conv = /^\s*\(([^()]{1,40})\)/.exec(text.slice(end));
    if (conv && unit !== 'count' && extractQuantities(conv[1]!).some((c) => sameQuantity(c, q, 0.15))) skipUntil = end + conv[0].length;
    out.push(q);
  }
  return out;
}

/**
 * Whether two quantities state the same amount: same canonical unit and
 * values within `tolerance` (relative, default 10%: "1.9 miles" is 3.06 km,
 * "2.5 square miles" is 6.47 km²). Bounds are not compared here.
 */
export function sameQuantity(a: Quantity, b: Quantity, tolerance = 0.1): boolean {
  if (a.unit !== b.unit) return false;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  return scale === 0 || Math.abs(a.value - b.value) / scale <= tolerance;
}
