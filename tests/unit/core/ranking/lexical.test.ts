import { describe, expect, it } from 'vitest';
import { Bm25Index, fold, foldTokens, namedTokens, numbersIn, stemPlural, topK } from '../../../../src/core/ranking';

describe('folded tokens', () => {
  it('folds case, diacritics, apostrophes and possessives', () => {
    expect(fold("Zelenskyy's ÉLAN")).toBe('zelenskyy elan');
    expect(foldTokens("The vaccines' policies don't work in Kyiv's hospitals")).toEqual([
      'vaccine',
      'policy',
      'dont',
      'work',
      'kyiv',
      'hospital',
    ]);
  });
  it('keeps numbers whole and does not stem them or short words', () => {
    expect(foldTokens('1,000 troops, 3.5% of 2020s bus news', { stopwords: false })).toEqual([
      '1000',
      'troop',
      '3.5',
      'of',
      '2020s',
      'bus',
      'news',
    ]);
    expect(stemPlural('crisis')).toBe('crisis');
    expect(stemPlural('gas')).toBe('gas');
  });
  it('finds numbers and non-initial capitalised words', () => {
    expect(numbersIn('repelled 1,000 attacks, not 85.0')).toEqual(['1000', '85']);
    expect(namedTokens('The drone hit Soleimani near Baghdad. Officials said Trump ordered it.')).toEqual([
      'soleimani',
      'baghdad',
      'trump',
    ]);
    expect(namedTokens('He said Donald Trump met Kim Jong Un')).toEqual(['donald', 'trump', 'kim', 'jong', 'un']);
  });
});

describe('Bm25Index', () => {
  const docs = [
    'Obama released prisoners from Guantanamo Bay',
    'Minecraft is being shut down in 2020',
    'The army is not contacting anyone about a military draft by text message',
    'Guantanamo Guantanamo Guantanamo detainees returned to the battlefield after release by Obama administration officials',
    'A photo shows a menorah in Nazi Germany in 1931',
  ];
  const index = new Bm25Index(docs);

  it('ranks the document sharing the rare terms first', () => {
    expect(index.search('Fraudulent texts say you were selected for the military draft', 3)[0]!.doc).toBe(2);
    expect(index.search('is minecraft shutting down?', 3)[0]!.doc).toBe(1);
  });

  it('saturates term frequency and normalises by length (k1, b)', () => {
    const s = index.scoreAll('Guantanamo');
    // doc 3 has the term three times but is long; BM25 must not triple its score.
    expect(s[3]!).toBeLessThan(2 * s[0]!);
    const noLength = new Bm25Index(docs, { b: 0 }).scoreAll('Guantanamo');
    expect(noLength[3]! / noLength[0]!).toBeGreaterThan(s[3]! / s[0]!);
  });

  it('gives rarer terms more weight and unknown terms none', () => {
    expect(index.idf('minecraft')).toBeGreaterThan(index.idf('obama'));
    expect(index.idf('zzz')).toBe(0);
    expect(index.search('zzz qqq', 5)).toEqual([]);
  });

  it('topK is sorted, stable on ties and matches a full sort', () => {
    const scores = [0.5, 3, 3, 0, 7, 1, 2, 2, 9, 0.1];
    const full = scores
      .map((score, doc) => ({ doc, score }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    for (const k of [1, 3, 5, 20]) expect(topK(scores, k)).toEqual(full.slice(0, k));
  });
});
