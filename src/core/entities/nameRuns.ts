/**
 * A text's tokens seen as runs of capitalised words, the raw material of name
 * discovery: runs joined across "of", "for the", "de"; sentence-initial
 * tokens; title-case lines (headlines, menus) set apart; and the words used
 * alone before a reporting verb ("Cherevatyi said").
 */
import type { Sentence } from '../types';
import { TokenView } from '../text';

const words = (s: string) => new Set(s.split(' '));
export const LEADING = words(
  'the a an your former but and or in on at as if when while after before this that these those he she it they we i his her its their our meanwhile however according also even although since during until despite with without for from by of to yes no there here some many most all both each every other one two three four five',
);

export const CALENDAR = words(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
);

export const SMALL_WORDS = words('of the and a an in on for to at by with');

export const SPEECH = words('said says told added wrote noted stated claimed warned');

/** A maximal run of capitalised words: tokens t..e, name part a..e (leading "The", "But"... skipped). */
export interface Run {
  t: number;
  a: number;
  e: number;
  sentenceInitial: boolean;
  afterCaps: boolean;
}

/** The text's tokens seen as runs of capitalised words. */
export class NameRuns extends TokenView {
  /** Folded words used alone before a reporting verb ("Cherevatyi said"). */
  readonly speakers = new Set<string>();
  private readonly initial: Set<number>;

  constructor(text: string, sentences: readonly Sentence[]) {
    super(text);
    this.initial = this.sentenceInitialTokens(sentences);
    for (let t = 0; t + 1 < this.count; t++) {
      if (this.isName(t) && this.joined(t) && SPEECH.has(this.key(t + 1))) this.speakers.add(this.key(t));
    }
  }

  isName(t: number): boolean {
    return this.isCapitalised(t) && !CALENDAR.has(this.key(t));
  }

  /** Runs of names joined by spaces, hyphens or "of"/"for the"-style connectors, outside headline lines. */
  *runs(): Generator<Run> {
    const headline = this.headlineTokens();
    for (let t = 0; t < this.count; t++) {
      if (!this.isName(t) || headline[t]) continue;
      // After an acronym or a weekday ("ANZAC Day ...", "US Defense Secretary ..."): not an org's start.
      const afterCaps =
        this.joined(t - 1) &&
        this.raw(t - 1).charAt(0) !==
          this.raw(t - 1)
            .charAt(0)
            .toLowerCase();
      let e = t;
      for (let step = 1; step && !this.possessive(e) && this.joined(e); e += step) step = this.runStep(e);
      const next = this.text.charAt(this.ends[e]!);
      const skip = (next === '-' || next === '‐') && !this.isName(e + 1); // "Co-operation", "Yong-hyun"
      let a = t;
      while (a < e && LEADING.has(this.key(a))) a++;
      if (!skip && !(a === e && LEADING.has(this.key(a)))) yield { t, a, e, sentenceInitial: this.initial.has(t), afterCaps };
      t = e;
    }
  }

  /** Tokens to add after token e: 1 for a name, 2-3 across "of", "for the", "da"..., else 0. */
  private runStep(e: number): number {
    if (this.isName(e + 1)) return 1;
    const c = this.key(e + 1);
    if (!['of', 'for', 'and', 'da', 'de', 'von', 'van', 'al', 'bin'].includes(c) || !this.joined(e + 1)) return 0;
    if (this.isName(e + 2)) return 2;
    return (c === 'of' || c === 'for') && this.key(e + 2) === 'the' && this.joined(e + 2) && this.isName(e + 3) ? 3 : 0;
  }

  private sentenceInitialTokens(sentences: readonly Sentence[]): Set<number> {
    const out = new Set<number>();
    if (sentences.length) {
      let t = 0;
      for (const s of [...sentences].sort((x, y) => x.start - y.start)) {
        while (t < this.count && this.starts[t]! < s.start) t++;
        if (t < this.count) out.add(t);
      }
      return out;
    }
    // Without sentences: the first word after a line break or . ! ? : (quotes and brackets between).
    for (let t = 0; t < this.count; t++) {
      let i = this.starts[t]! - 1;
      while (i >= 0 && ' \t"\'“”‘’()[]«»'.includes(this.text.charAt(i))) i--;
      if (i < 0 || '\n\r.!?:'.includes(this.text.charAt(i))) out.add(t);
    }
    return out;
  }

  private breaksLine(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.text.charCodeAt(i) === 10) return true;
    return false;
  }

  /** Tokens on title-case lines of four or more words (headlines, menus, link lists). */
  private headlineTokens(): Uint8Array {
    const out = new Uint8Array(this.count);
    let lineStart = 0;
    let words = 0;
    let capitals = 0;
    for (let t = 0; t <= this.count; t++) {
      const newLine = t === this.count || (t > 0 && this.breaksLine(this.ends[t - 1]!, this.starts[t]!));
      if (newLine) {
        if (words >= 4 && capitals >= 0.75 * words) out.fill(1, lineStart, t);
        lineStart = t;
        words = capitals = 0;
      }
      if (t === this.count) continue;
      if (this.isCapitalised(t)) {
        words++;
        capitals++;
      } else if (this.ends[t]! - this.starts[t]! > 4 || !SMALL_WORDS.has(this.raw(t))) words++; // "of", "the" don't count
    }
    return out;
  }
}
