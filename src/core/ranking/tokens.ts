/**
 * Folded word tokens for lexical scoring. Folding (case, diacritics, apostrophes, possessive 's)
 * makes "Zelenskyy's", "ZELENSKYY" and "Zelenskyy" one term; an optional light plural stemmer
 * makes "vaccines" meet "vaccine" without the over-reach of a full Porter stemmer on names.
 */

/** Words so common that they only add length: dropped before scoring. Short on purpose. */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its me my no not of on or our she so ' +
    'than that the their them then there these they this those to was we were what when which who will with you your'
  ).split(' '),
);

/** Options for {@link foldTokens}. */
export interface TokenOptions {
  /** Drop the short stopword list (default true). */
  stopwords?: boolean;
  /** Strip plural endings (default true). */
  stem?: boolean;
}

/** Lowercase, strip diacritics and apostrophes: the common form of a text before splitting. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]s\b/g, '')
    .replace(/['’‘`]/g, '');
}

/** A light plural stemmer: "policies" -> "policy", "vaccines" -> "vaccine", "bus" and "news" stay. */
export function stemPlural(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|news)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Word tokens of a text, folded; numbers kept whole ("1,000" -> "1000", "3.5" stays "3.5"). */
export function foldTokens(text: string, options: TokenOptions = {}): string[] {
  const stop = options.stopwords ?? true;
  const stem = options.stem ?? true;
  const joined = fold(text).replace(/(\d),(\d{3})\b/g, '$1$2');
  const out: string[] = [];
  for (const m of joined.matchAll(/\d+(?:\.\d+)?(?![\p{L}\p{N}])|[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (stop && STOPWORDS.has(w)) continue;
    out.push(stem ? stemPlural(w) : w);
  }
  return out;
}

/** Numbers in a text, normalised ("1,000" -> "1000"), for shared-number features. */
export function numbersIn(text: string): string[] {
  return [...text.replace(/(\d),(\d{3})\b/g, '$1$2').matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0].replace(/\.0+$/, ''));
}

/**
 * Capitalised words that are not sentence-initial, folded: a cheap stand-in for names
 * ("Soleimani", "Minecraft", "Obama") that needs no lexicon.
 */
export function namedTokens(text: string): string[] {
  const out: string[] = [];
  // Lookbehind, not a consumed prefix, so runs of names ("Donald Trump") are all found.
  for (const m of text.matchAll(/(?<=[^.!?:\s]\s+)\p{Lu}[\p{L}\p{N}'’-]+/gu)) {
    const w = fold(m[0]);
    if (w.length > 1 && !STOPWORDS.has(w)) out.push(w);
  }
  return out;
}
