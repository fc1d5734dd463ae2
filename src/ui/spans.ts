/**
 * Marking the spans that differ between two reports inside the sentence as
 * written: the sentence is kept whole and only the words that carry a
 * difference (a number, a name, a hedge, the speaker) are marked, so a reader
 * sees "85" against "95" without reading an interleaved word diff.
 */

/** What a marked span is: the kinds of difference a reader compares; `elsewhere`: a fact the other article gives in another sentence. */
export type SpanKind = 'number' | 'bound' | 'only' | 'name' | 'hedge' | 'speaker' | 'elsewhere';

/** A piece of a sentence, marked when it carries a difference. */
export interface TextSpan {
  text: string;
  kind?: SpanKind;
}

/** A phrase to mark in a sentence. */
export interface SpanMark {
  phrase: string;
  kind: SpanKind;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where `phrase` occurs in `text` as whole words (case-insensitive), or -1.
 * Whole words, so the "5" of "15 villages" is not marked for a differing "5".
 */
export function findPhrase(text: string, phrase: string): { start: number; end: number } | null {
  const trimmed = phrase.trim();
  if (!trimmed) return null;
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escape(trimmed)}(?![\\p{L}\\p{N}])`, 'iu').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** The first spelling of a name that `text` uses, as the text writes it (verbatim), or undefined. */
export function spellingIn(text: string, spellings: readonly string[]): string | undefined {
  // Longest first: "Hanna Malyar" before "Malyar".
  for (const spelling of [...spellings].sort((a, b) => b.length - a.length)) {
    const at = findPhrase(text, spelling);
    if (at) return text.slice(at.start, at.end);
  }
  return undefined;
}

/** Splits `text` into spans, marking the first occurrence of each phrase; overlapping marks keep the earlier one. */
export function markSpans(text: string, marks: readonly SpanMark[]): TextSpan[] {
  const found: Array<{ start: number; end: number; kind: SpanKind }> = [];
  for (const { phrase, kind } of marks) {
    const at = findPhrase(text, phrase);
    if (at && !found.some((f) => at.start < f.end && f.start < at.end)) found.push({ ...at, kind });
  }
  found.sort((a, b) => a.start - b.start);
  const spans: TextSpan[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) spans.push({ text: text.slice(at, f.start) });
    spans.push({ text: text.slice(f.start, f.end), kind: f.kind });
    at = f.end;
  }
  if (at < text.length) spans.push({ text: text.slice(at) });
  return spans;
}
