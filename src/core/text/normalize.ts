/**
 * Text folding and tokenising shared by the lexicon builder and the spotter.
 *
 * Both sides go through the same functions, so a name in the gazetteer and the
 * same name on a page fold to the same key whatever the diacritics, the
 * apostrophe style ('/’/ʼ) or British/American spelling of role words.
 * Hand-written rather than regex-based: the spotter tokenises every article
 * page, and a single charCode loop with a cached class table is several times
 * faster than `matchAll(/\p{L}+/gu)` on 100 KB pages.
 */
import { americanise } from './spelling';
import { UKRAINIAN_LATIN } from './transliterate';

/** Letters NFD does not decompose. */
const SPECIAL: ReadonlyMap<string, string> = new Map([
  ['ł', 'l'],
  ['ø', 'o'],
  ['đ', 'd'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ı', 'i'],
]);

const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’ʼ‘`´\u00ad\u200c\u200d\u2060]/g;

/**
 * True for characters kept inside a word and folded away: apostrophes, and
 * the invisible soft hyphen / zero-width joiners pages put inside long words
 * ("Vladi\u00admir").
 */
export function isApostrophe(code: number): boolean {
  return (
    code === 39 ||
    code === 0x2019 ||
    code === 0x2bc ||
    code === 0x2018 ||
    code === 96 ||
    code === 0xb4 ||
    code === 0xad ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060
  );
}

/**
 * Folds one word to its matching key: lower case, no diacritics, no
 * apostrophes, one spelling of a few British/American pairs.
 */
export function foldWord(word: string): string {
  // 0: ASCII letters/digits only; 1: plus Cyrillic or apostrophe-like marks; 2: anything else.
  let kind = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 128 && c !== 39 && c !== 96) continue;
    if ((c >= 0x400 && c < 0x500) || isApostrophe(c)) kind = 1;
    else {
      kind = 2;
      break;
    }
  }
  let key = word.toLowerCase();
  if (kind === 1) {
    // Cyrillic without NFD: the only decomposable letters are mapped directly.
    let out = '';
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (isApostrophe(c)) continue;
      out += c === 0x439 ? 'и' : c === 0x457 ? 'і' : c === 0x451 ? 'е' : c === 0x45e ? 'у' : key.charAt(i);
    }
    key = out;
  } else if (kind === 2) {
    key = key.normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, '');
    if (/[łøđßæœı]/.test(key)) key = [...key].map((ch) => SPECIAL.get(ch) ?? ch).join('');
  }
  return americanise(key);
}

/** Per-code-unit class cache: 0 unknown, 1 word character, 2 other. */
const CLASS = new Uint8Array(65536);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** True when the UTF-16 code unit is a letter, mark or digit (surrogates count as other). */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let k = CLASS[c]!;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    CLASS[c] = k;
  }
  return k === 1;
}

/** Word tokens of a text as parallel offset arrays (end exclusive). */
export interface TokenList {
  starts: number[];
  ends: number[];
}

/**
 * Splits text into word tokens: runs of letters/digits, with an apostrophe
 * kept inside a token only between two word characters ("Bakhmut's", "Слов'янськ").
 */
export function tokenize(text: string): TokenList {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n) {
      if (isWordAt(text, i)) {
        i++;
        continue;
      }
      if (isApostrophe(text.charCodeAt(i)) && i + 1 < n && isWordAt(text, i + 1)) {
        i += 2;
        continue;
      }
      break;
    }
    starts.push(start);
    ends.push(i);
  }
  return { starts, ends };
}

/** `isWordCode` of the code unit at `i`, with the ASCII test inlined for the common case. */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : isWordCode(c);
}

/**
 * Classifies the characters between two tokens: `' '` for spaces or one
 * hyphen/dash (never a blank line), `'.'` for a full stop with optional
 * spaces ("U.S.", "Lloyd J. Austin"), `''` for anything that breaks a name.
 */
export function gapCode(text: string, from: number, to: number): string {
  if (to - from > 6) return '';
  let dot = false;
  let dash = false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x202f) continue;
    if (c === 10 || c === 13) {
      if (c === 10 && ++newlines > 1) return '';
      continue;
    }
    if (c === 46 && !dot && !dash) {
      dot = true;
      continue;
    }
    if ((c === 45 || c === 0x2010 || c === 0x2011) && !dot && !dash) {
      dash = true;
      continue;
    }
    return '';
  }
  return dot ? '.' : ' ';
}

/** Folds a whole name to the key the lexicon indexes it under ("Hanna  Malyar" -> "hanna malyar"). */
export function foldName(name: string): string {
  const { starts, ends } = tokenize(name);
  let key = '';
  for (let t = 0; t < starts.length; t++) {
    if (t > 0) key += gapCode(name, ends[t - 1]!, starts[t]!) || ' ';
    key += foldWord(name.slice(starts[t], ends[t]));
  }
  return key;
}

/**
 * Cyrillic to Latin for slugs: the romanisation's Ukrainian letters, plus the
 * Russian-only ones read plainly (ids must stay stable, so no iotated forms).
 */
const CYRILLIC: Readonly<Record<string, string>> = { ...UKRAINIAN_LATIN, ы: 'y', э: 'e', ё: 'e' };

/** A stable ASCII slug for an entity id, e.g. "Chasiv Yar" -> "chasiv-yar". */
export function slugify(name: string): string {
  const folded = [...name.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
  return (
    foldName(folded)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

/** Tokens of one text with lazily folded keys and the tests name finders need. */
export class TokenView {
  readonly starts: number[];
  readonly ends: number[];
  readonly count: number;
  private readonly keys: string[];

  constructor(readonly text: string) {
    ({ starts: this.starts, ends: this.ends } = tokenize(text));
    this.count = this.starts.length;
    this.keys = new Array(this.count);
  }

  /** The token as written. */
  raw(t: number): string {
    return this.text.slice(this.starts[t], this.ends[t]);
  }

  /** Folded key of token `t`, '' outside the text. */
  key(t: number): string {
    return t >= 0 && t < this.count ? (this.keys[t] ??= foldWord(this.raw(t))) : '';
  }

  /** True when tokens `t` and `t + 1` are joined by spaces or a hyphen on one line. */
  joined(t: number): boolean {
    if (t < 0 || t + 1 >= this.count) return false;
    const from = this.ends[t]!;
    const to = this.starts[t + 1]!;
    return gapCode(this.text, from, to) === ' ' && !this.text.slice(from, to).includes('\n');
  }

  /** True for a capitalised word with lower-case letters (not an acronym). */
  isCapitalised(t: number): boolean {
    if (t < 0 || t >= this.count) return false;
    const start = this.starts[t]!;
    const first = this.text.charCodeAt(start);
    if (first < 128) {
      if (first < 65 || first > 90) return false;
      for (let i = start + 1; i < this.ends[t]!; i++) {
        const c = this.text.charCodeAt(i);
        if ((c >= 97 && c <= 122) || c >= 128) return true;
      }
      return false;
    }
    const s = this.raw(t);
    const c = s.charAt(0);
    return c !== c.toLowerCase() && s !== s.toUpperCase();
  }

  /** True for "Bakhmut's"-style tokens. */
  possessive(t: number): boolean {
    const end = this.ends[t]!;
    const c = this.text.charCodeAt(end - 1);
    return (c === 115 || c === 83) && end - this.starts[t]! > 2 && isApostrophe(this.text.charCodeAt(end - 2));
  }

  /** End offset of token `t` without a possessive "'s". */
  endOf(t: number): number {
    return this.ends[t]! - (this.possessive(t) ? 2 : 0);
  }

  /** Folds free text the way token keys are folded. */
  fold(word: string): string {
    return foldWord(word);
  }
}
