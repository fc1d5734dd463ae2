import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Boilerplate, containment, copySignature, isCopyOf, jaccard } from '../../../../src/core/matching';
import { cleanArticle } from '../../../../src/core/text';

const SEEDS = join(import.meta.dirname, '../../../../seeds');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => cleanArticle(readFileSync(join(SEEDS, f), 'utf8')).text);

describe('wire copies', () => {
  it('recognises a stored report carried whole, with a paragraph added, or with its end cut', () => {
    for (const text of seeds) {
      const stored = copySignature(text);
      const paragraphs = text.split('\n').filter((p) => p.trim());
      expect(isCopyOf(copySignature(text), stored)).toBe(true);
      const padded = `Editor's note: this story was first published by a news agency and is reproduced here with permission from our partners.\n${text}`;
      expect(isCopyOf(copySignature(padded), stored)).toBe(true);
      const cut = paragraphs.slice(0, Math.ceil(paragraphs.length * 0.8)).join('\n');
      expect(containment(copySignature(cut), stored)).toBeGreaterThan(0.6);
    }
  });

  it('does not take two reports of the same story by other words for copies', () => {
    for (let i = 0; i < seeds.length; i++) {
      for (let j = 0; j < seeds.length; j++) {
        if (i === j) continue;
        expect(isCopyOf(copySignature(seeds[i]!), copySignature(seeds[j]!)), `seed ${i} vs ${j}`).toBe(false);
      }
    }
  });

  it('gives an empty signature no similarity', () => {
    expect(jaccard(copySignature(''), copySignature(seeds[0]!))).toBe(0);
    expect(isCopyOf(copySignature('Too short to be a report.'), copySignature('Too short to be a report.'))).toBe(false);
  });
});

describe('boilerplate learned from the library', () => {
  const caveat = 'Reuters could not independently verify the battlefield reports.';
  it('flags a sentence that recurs in articles about different days', () => {
    const library = new Boilerplate();
    library.add([
      { text: caveat, articleId: 'a1', date: '2023-03-01' },
      { text: caveat, articleId: 'a2', date: '2023-03-06' },
      { text: 'Reuters could not independently verify the battlefield report.', articleId: 'a3', date: '2023-03-09' },
    ]);
    expect(library.has(caveat)).toBe(true);
    expect(library.articleCount(caveat)).toBe(3);
  });

  it('does not flag a daily figure that changes from day to day', () => {
    const library = new Boilerplate();
    library.add(
      [85, 95, 105].map((n, i) => ({
        text: `Ukraine said it had repelled ${n} attacks in the past day.`,
        articleId: `a${i}`,
        date: `2023-03-0${i + 1}`,
      })),
    );
    expect(library.has('Ukraine said it had repelled 95 attacks in the past day.')).toBe(false);
  });

  it('does not flag one event reported by several outlets on one day, nor a sentence seen twice', () => {
    const claim = 'Ukraine said it had repelled 85 attacks in the past day.';
    const sameDay = new Boilerplate();
    sameDay.add(['a1', 'a2', 'a3'].map((articleId) => ({ text: claim, articleId, date: '2023-03-01' })));
    expect(sameDay.has(claim)).toBe(false);
    const twice = new Boilerplate();
    twice.add([
      { text: caveat, articleId: 'a1', date: '2023-03-01' },
      { text: caveat, articleId: 'a2', date: '2023-03-06' },
    ]);
    expect(twice.has(caveat)).toBe(false);
  });
});
