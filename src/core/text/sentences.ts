/**
 * Splits cleaned text into sentence units with `Intl.Segmenter` (available in
 * Node 20 and every browser Parallax supports), then repairs the segmenter's
 * known failures on news copy:
 *  - it breaks after abbreviations and initials ("U.S. Army", "Gen. Smith",
 *    "J. R. Smith", "Feb. 24"): rejoined;
 *  - it can break before a closing quote or a lowercase continuation: rejoined;
 *  - headline lines have no full stop: each line is its own unit, so a
 *    headline never merges with the paragraph after it.
 * Hand-written repairs because the fixes are about English news conventions
 * the Unicode rules (UAX #29) deliberately leave to tailoring.
 *
 * Also tracks quotation marks across units (a quotation often spans several
 * sentences of one paragraph): `extractQuotes`, `maskQuotes`.
 */
import type { Sentence } from '../types';

/** Title abbreviations: the next word is always part of the same sentence. */
const TITLES = new Set(
  'mr mrs ms dr prof gen lt col maj capt cmdr adm brig sgt cpl pvt gov sen rep rev hon rt pres supt insp amb atty st mt ft messrs mme fr vs v approx'.split(
    ' ',
  ),
);
/** Abbreviations that can also end a sentence ("… Apple Inc. The company …"). */
const SUFFIXES = new Set('jr sr inc ltd co corp plc est dept univ etc'.split(' '));
/** Abbreviations that join only when a number follows: months ("Feb. 24") and "No. 10". */
const BEFORE_NUMBER = new Set(['no', 'nos', 'art', 'pp', 'fig', 'vol']);
/** After a clock time ("4:30 a.m."), what still belongs to it: a day, a month, a zone, "Moscow time". */
const AFTER_CLOCK =
  /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s*\d|[A-Z]{2,4}\b|\p{Lu}\p{L}+ time\b|local\b)/iu;
/** Months abbreviated: part of a date when a number follows. */
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
/** Words that begin a new sentence after a sentence-final "U.S." or "a.m.". */
const STARTERS = new Set(
  'he she it they we i you the a an but and or so yet this that these those there here his her its their our my meanwhile however in on at as if when while after before since some many most all both no not what who why how then also still even one two three'.split(
    ' ',
  ),
);

let segmenter: Intl.Segmenter | undefined;

/** Raw segmenter pieces of one line, as [start, end) pairs relative to the line. */
function segmentLine(line: string): Array<[number, number]> {
  // A line with no sentence-final mark before its last characters is one unit: skip the (slow) segmenter.
  if (!/[.!?…。！？؟।．]/.test(line.slice(0, -3))) return [[0, line.length]];
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Array<[number, number]> = [];
  for (const s of segmenter.segment(line)) out.push([s.index, s.index + s.segment.length]);
  return out;
}

/** The token just before the end of `piece` (trimmed), e.g. "U.S." or "Gen.". */
function lastToken(piece: string): string {
  const m = /(\S+)\s*$/.exec(piece);
  return m ? m[1]! : '';
}

/** Whether a segmenter break between `piece` and `next` is wrong and the two belong together. */
function shouldJoin(piece: string, next: string): boolean {
  const nextTrim = next.trimStart();
  if (!nextTrim) return true;
  // A continuation that starts lowercase, with a digit after a date abbreviation, or with closing punctuation.
  if (/^[a-z,;:)\]”’]/.test(nextTrim)) return true;
  const token = lastToken(piece).replace(/^[("“'‘]+/, '');
  if (!token.endsWith('.')) return false;
  const word = token.slice(0, -1);
  const bare = word.toLowerCase();
  if (TITLES.has(bare)) return true;
  if (MONTHS.has(bare) || BEFORE_NUMBER.has(bare)) return /^\d/.test(nextTrim);
  // "at 12:15 p.m. Responding officers found …": a clock time ends a sentence unless a day, zone or "X time" follows.
  if (bare === 'a.m' || bare === 'p.m') return AFTER_CLOCK.test(nextTrim);
  // Initials "J." or dotted acronyms "U.S." / "a.m." / "U.N.": part of a name unless a new sentence clearly starts.
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || SUFFIXES.has(bare)) {
    const first = /^[\p{L}']+/u.exec(nextTrim)?.[0].toLowerCase() ?? '';
    return !STARTERS.has(first);
  }
  return false;
}

/**
 * Sentence units of `text`, offsets into `text`. Every line is split on its
 * own (paragraph lines and headlines are never joined); whitespace around a
 * unit is not part of it.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const line = m[0];
    const lineStart = m.index;
    const pieces = segmentLine(line);
    const merged: Array<[number, number]> = [];
    for (const piece of pieces) {
      const prev = merged[merged.length - 1];
      if (prev && shouldJoin(line.slice(prev[0], prev[1]), line.slice(piece[0], piece[1]))) prev[1] = piece[1];
      else merged.push([piece[0], piece[1]]);
    }
    for (const [s, e] of merged) {
      const raw = line.slice(s, e);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (!body) continue;
      const start = lineStart + s + lead;
      sentences.push({ index: sentences.length, text: body, start, end: start + body.length });
    }
  }
  return sentences;
}

/**
 * Paragraph number (0-based, counting non-empty lines) of each sentence: claims
 * use it to carry a quotation's speaker across the sentences of one paragraph.
 */
export function paragraphOf(text: string, sentences: readonly Sentence[]): number[] {
  const lineStarts: number[] = [];
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) if (m[0].trim()) lineStarts.push(m.index);
  let p = 0;
  return sentences.map((s) => {
    while (p + 1 < lineStarts.length && lineStarts[p + 1]! <= s.start) p++;
    return p;
  });
}

/**
 * ‘Single-quoted words’ or 'like this': opened after a space or bracket, closed
 * by a mark not followed by a letter, so apostrophes ("Russia’s", "don't")
 * inside or outside never count.
 */
const SINGLE_QUOTED = /(?:^|[\s(\[—–])[‘'](?=[\p{L}\d])((?:(?![’'](?![\p{L}])).){1,400}?[^\s])[’'](?![\p{L}\d])/gu;

const QUOTE_OPEN = /["“]/;
const QUOTE_CLOSE = /["”]/;

/**
 * The sentence with quoted words replaced by "_" (marks kept), so patterns
 * never read a speaker or verb inside a quotation. `startsOpen`: the sentence
 * continues a quotation opened earlier in the paragraph.
 */
export function maskQuotes(text: string, startsOpen = false): string {
  // Without any mark the extent of the continued quotation is unknown: mask nothing, let patterns find the speaker.
  if (!/["“”]/.test(text)) return text;
  let open = continuesQuote(text, startsOpen);
  const parts: string[] = [];
  let from = 0; // start of the current run (kept text outside, masked inside)
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (open && QUOTE_CLOSE.test(ch)) {
      parts.push('_'.repeat(i - from));
      from = i;
      open = false;
    } else if (!open && QUOTE_OPEN.test(ch)) {
      parts.push(text.slice(from, i + 1));
      from = i + 1;
      open = true;
    }
  }
  parts.push(open ? '_'.repeat(text.length - from) : text.slice(from));
  return parts.join('');
}

/**
 * Whether a sentence that follows an unclosed quotation continues it. Not when
 * its first mark plainly opens a new quotation (after a space, before a word):
 * then the earlier one was never closed.
 */
function continuesQuote(text: string, startsOpen: boolean): boolean {
  if (!startsOpen) return false;
  const at = text.search(/["“”]/);
  if (at < 0) return true;
  return !(/["“]/.test(text[at]!) && /\w/.test(text[at + 1] ?? '') && (at === 0 || /\s/.test(text[at - 1]!)));
}

/**
 * Quoted words in a sentence, straight or curly marks (mixed pairs like
 * `"…”` occur in wire copy). `startsOpen`: the sentence continues a quotation
 * from the previous one. Returns whether a quotation is still open at the end.
 */
export function extractQuotes(text: string, startsOpen = false): { quotes: string[]; endsOpen: boolean } {
  const quotes: string[] = [];
  let from = continuesQuote(text, startsOpen) ? 0 : -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (from >= 0 && QUOTE_CLOSE.test(ch)) {
      const q = text
        .slice(from, i)
        .trim()
        .replace(/[,;:]$/, '');
      if (/\p{L}/u.test(q)) quotes.push(q);
      from = -1;
    } else if (from < 0 && QUOTE_OPEN.test(ch)) from = i + 1;
  }
  const endsOpen = from >= 0;
  if (endsOpen) {
    const q = text.slice(from).trim();
    if (/\p{L}/u.test(q)) quotes.push(q);
  }
  // Single marks (British style, headlines): only when no double-quoted words exist, since they nest inside them.
  if (!quotes.length) for (const m of text.matchAll(SINGLE_QUOTED)) quotes.push(m[1]!.replace(/[,;:]$/, ''));
  return { quotes, endsOpen };
}
