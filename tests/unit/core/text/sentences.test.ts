import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../../src/core/text';
import { paragraphOf, splitSentences } from '../../../../src/core/text';

const SEEDS = join(import.meta.dirname, '../../../../seeds');
const seedTexts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => cleanArticle(readFileSync(join(SEEDS, f), 'utf8')).text);

describe('splitSentences', () => {
  it('gives offsets that slice back to each unit, in order', () => {
    for (const text of seedTexts) {
      const ss = splitSentences(text);
      ss.forEach((s, i) => {
        expect(s.index).toBe(i);
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(ss[i - 1]!.end);
      });
    }
  });

  it('splits the seeds into the expected units', () => {
    expect(seedTexts.map((t) => splitSentences(t).length)).toEqual([15, 31, 18, 14]);
    const s0 = splitSentences(seedTexts[0]!);
    expect(s0[1]!.text).toMatch(/^"During the offensive\.\.\. the Ukrainian troops .* messaging app\.$/);
    expect(s0[2]!.text.endsWith('military,” it added.')).toBe(true);
  });

  it('keeps a headline line apart from the paragraph after it', () => {
    const ss = splitSentences(seedTexts[2]!);
    expect(ss[0]!.text).toBe('Ukraine says advanced over territory near Bakhmut in past week');
    expect(ss[1]!.text.startsWith('Ukraine has lately acknowledged')).toBe(true);
  });

  it('does not break after abbreviations, titles, initials or date abbreviations', () => {
    const texts = splitSentences(
      'The U.S. Army Gen. J. R. Smith arrived. Mr. Jones met Dr. Lee on Feb. 24 at 9 a.m. in St. Louis. It rained.',
    ).map((s) => s.text);
    expect(texts).toEqual([
      'The U.S. Army Gen. J. R. Smith arrived.',
      'Mr. Jones met Dr. Lee on Feb. 24 at 9 a.m. in St. Louis.',
      'It rained.',
    ]);
  });

  it('still breaks after a sentence-final acronym or company suffix', () => {
    expect(splitSentences('Aid arrived from the U.S. The convoy left at dawn.').map((s) => s.text)).toEqual([
      'Aid arrived from the U.S.',
      'The convoy left at dawn.',
    ]);
    expect(splitSentences('Shares fell at Acme Inc. The company said demand slowed.').map((s) => s.text)).toHaveLength(2);
    expect(splitSentences('Acme Inc. chief Jo Lee resigned.').map((s) => s.text)).toHaveLength(1);
  });

  it('keeps closing quotes and ellipses inside the unit', () => {
    const texts = splitSentences('“We will hold,” he said. "It is over." She left... and returned.').map((s) => s.text);
    expect(texts).toEqual(['“We will hold,” he said.', '"It is over."', 'She left... and returned.']);
  });

  it('numbers paragraphs per sentence', () => {
    const text = 'One. Two.\n\nThree.\nFour';
    expect(paragraphOf(text, splitSentences(text))).toEqual([0, 0, 1, 2]);
  });
});

// Real sentences from the saved test pages (../shared/testpages/readability), as the pages print them.
describe('splitSentences on real news sentences', () => {
  it('keeps a courtesy title with its name', () => {
    const text =
      '“I’m not,” Mr. Dejesus said as he secured the clamp and stopped the leak. The difference, Mr. Warner said, was that the economy was near the precipice then.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '“I’m not,” Mr. Dejesus said as he secured the clamp and stopped the leak.',
      'The difference, Mr. Warner said, was that the economy was near the precipice then.',
    ]);
  });

  it('keeps military ranks, initials and "U.S." inside the sentence', () => {
    const text =
      'Lt. Col. Oleksandr Shtupun, a spokesman, spoke to Gen. Mark Milley. An American business man named Stuart R. Kaplan, founder and chairman of U.S. Games Systems, Inc., spoke.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Lt. Col. Oleksandr Shtupun, a spokesman, spoke to Gen. Mark Milley.',
      'An American business man named Stuart R. Kaplan, founder and chairman of U.S. Games Systems, Inc., spoke.',
    ]);
  });

  it('ends a sentence after a clock time unless a day or a zone follows', () => {
    const joined =
      'Military officers and government officials described a chaotic six hours from the time Yoon declared martial law around 10:30 p.m. Tuesday to the time he lifted the order around 4:30 a.m. Wednesday.';
    expect(splitSentences(joined)).toHaveLength(1);
    const split =
      'The San Diego Police Department said it received a call for a welfare check at a home on Monday at about 12:15 p.m. Responding officers found a man dead inside.';
    expect(splitSentences(split).map((s) => s.text)).toEqual([
      'The San Diego Police Department said it received a call for a welfare check at a home on Monday at about 12:15 p.m.',
      'Responding officers found a man dead inside.',
    ]);
    expect(splitSentences('The strike hit at 10 p.m. Moscow time on Sunday.')).toHaveLength(1);
  });

  it('reads "No." as an abbreviation only before a number', () => {
    expect(splitSentences('He lives at No. 10 Downing Street.')).toHaveLength(1);
    expect(splitSentences('Asked if talks were planned, he said no. The war went on.')).toHaveLength(2);
  });

  it('keeps a dateline and its agency with the first sentence', () => {
    const text = 'KYIV, Feb 15 (Reuters) - Ukraine said on Wednesday it had repelled attacks near Bakhmut. Russia did not comment.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'KYIV, Feb 15 (Reuters) - Ukraine said on Wednesday it had repelled attacks near Bakhmut.',
      'Russia did not comment.',
    ]);
  });
});
