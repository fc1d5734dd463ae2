/**
 * Page sentences for claim matching: split per text block with
 * `Intl.Segmenter`, keyed by a content hash so each is sent to the background
 * once per page (uBlock's "send only new hashes" idea).
 */
import { contentHash } from '../core/text';
import type { TextBlock } from './blocks';

/** A sentence of a block, with offsets into `block.text`. */
export interface PageSentence {
  key: string;
  text: string;
  block: TextBlock;
  start: number;
  end: number;
}

/** Shortest and longest sentence worth matching (headlines and bylines are shorter; boilerplate runs longer). */
const MIN_CHARS = 30;
const MAX_CHARS = 600;
const MIN_WORDS = 5;

/** The content script's own id for a sentence (the background treats it as opaque). */
export function sentenceKey(text: string): string {
  return 's_' + contentHash(text);
}

/** Normalised form used for keys: collapsed spaces, no separators we inserted. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

let segmenter: Intl.Segmenter | null | undefined;
function sentenceSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined)
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'sentence' }) : null;
  return segmenter;
}

/** The block's sentences worth matching. */
export function blockSentences(block: TextBlock): PageSentence[] {
  const out: PageSentence[] = [];
  const seg = sentenceSegmenter();
  const pieces: Array<{ segment: string; index: number }> = seg ? [...seg.segment(block.text)] : [{ segment: block.text, index: 0 }];
  for (const { segment, index } of pieces) {
    // Our own newline separators (for <br> and nested blocks) also end a sentence.
    let offset = 0;
    for (const line of segment.split('\n')) {
      const lead = line.length - line.trimStart().length;
      const text = normalise(line);
      const start = index + offset + lead;
      offset += line.length + 1;
      if (text.length < MIN_CHARS || text.length > MAX_CHARS) continue;
      if (text.split(' ').length < MIN_WORDS || !/\p{L}/u.test(text)) continue;
      out.push({ key: sentenceKey(text), text, block, start, end: start + line.trim().length });
    }
  }
  return out;
}
