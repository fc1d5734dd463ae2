/**
 * Claim matching from the page: the background has split the blocks into
 * sentences (with the core splitter) and keyed them; this sends each new
 * sentence once (in batches) to `matchSentences` and remembers which keys
 * matched stored claims (uBlock's "send only new hashes" idea).
 */
import type { LinkedReport, SentenceMatch } from '../shared/messages';
import type { TextBlock } from './blocks';

/** A sentence of a block, with offsets into `block.text` and the background's key for it. */
export interface PageSentence {
  key: string;
  block: TextBlock;
  start: number;
  end: number;
}

/** Largest batch per `matchSentences` call. */
export const BATCH = 400;
/** Sentences sent at most per page (a runaway infinite-scroll page stays bounded). */
export const MAX_SENT = 4000;

/** A sentence as `matchSentences` gets it: its key, its text and its block's place in the page. */
type SentenceQuery = { key: string; text: string; block: number };

/** Asks the background (with `model`, the sentence model's links too); resolves null when it could not answer. */
export type MatchSentences = (sentences: SentenceQuery[], options?: { model?: boolean }) => Promise<SentenceMatch[] | null>;

/** The sentence's text as matched: collapsed spaces (our `<br>` newlines included). */
export function sentenceText(sentence: PageSentence): string {
  return sentence.block.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
}

/** Per-page claim state. */
export class ClaimTracker {
  private readonly sent = new Set<string>();
  private readonly refined = new Set<string>();
  private pendingRefines = 0;

  /** Whether a question to the sentence model is still out. */
  get refining(): boolean {
    return this.pendingRefines > 0;
  }
  /** Matched sentence key to its text and the stored reports. */
  readonly matches = new Map<string, { text: string; reports: LinkedReport[] }>();

  constructor(private readonly match: MatchSentences) {}

  /**
   * Sends the new ones of `sentences` and returns every one of them whose key
   * has matched (now or earlier), for highlighting.
   */
  async process(sentences: PageSentence[], signal?: AbortSignal): Promise<PageSentence[]> {
    const fresh: SentenceQuery[] = [];
    for (const s of sentences) {
      if (this.sent.has(s.key) || this.sent.size >= MAX_SENT) continue;
      this.sent.add(s.key);
      fresh.push({ key: s.key, text: sentenceText(s), block: s.block.order });
    }
    for (let i = 0; i < fresh.length; i += BATCH) {
      if (signal?.aborted) break;
      const batch = fresh.slice(i, i + BATCH);
      const result = await this.match(batch);
      if (!result) {
        for (const s of batch) this.sent.delete(s.key); // try again on a later scan
        continue;
      }
      const texts = new Map(batch.map((s) => [s.key, s.text]));
      for (const m of result) {
        const text = texts.get(m.key);
        if (text !== undefined && m.reports.length > 0) this.matches.set(m.key, { text, reports: m.reports });
      }
    }
    return sentences.filter((s) => this.matches.has(s.key));
  }

  /**
   * Asks again with the sentence model, once the lexical answer is painted: each sentence's
   * reports become the merged answer, and the sentences only the model matched are returned for
   * painting. A sentence is asked about once with the model.
   */
  async refine(sentences: PageSentence[], signal?: AbortSignal): Promise<PageSentence[]> {
    const ask: SentenceQuery[] = [];
    for (const s of sentences) {
      if (!this.sent.has(s.key) || this.refined.has(s.key)) continue;
      this.refined.add(s.key);
      ask.push({ key: s.key, text: sentenceText(s), block: s.block.order });
    }
    const added = new Set<string>();
    this.pendingRefines++;
    try {
      for (let i = 0; i < ask.length; i += BATCH) {
        if (signal?.aborted) break;
        const batch = ask.slice(i, i + BATCH);
        const result = await this.match(batch, { model: true });
        if (!result) continue;
        const texts = new Map(batch.map((s) => [s.key, s.text]));
        for (const m of result) {
          const text = texts.get(m.key);
          if (text === undefined || m.reports.length === 0) continue;
          if (!this.matches.has(m.key)) added.add(m.key);
          this.matches.set(m.key, { text, reports: m.reports });
        }
      }
    } finally {
      this.pendingRefines--;
    }
    return sentences.filter((s) => added.has(s.key));
  }
}
