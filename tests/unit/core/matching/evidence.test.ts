/**
 * Article-level evidence: a card says a number or name is "only here" only
 * when the other article states it in no sentence at all. Quantities come from
 * the real extractor, on sentences of seed article 3.
 */
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../../../src/core/claims';
import { compareReports, findArticleEvidence, type FactSentence } from '../../../../src/core/matching';
import type { Claim } from '../../../../src/core/types';

const MALYAR = 'person:hanna-malyar';
const BAKHMUT = 'place:bakhmut';

const sentence = (index: number, text: string, entities: string[] = []): FactSentence => ({
  index,
  text,
  quantities: extractQuantities(text),
  entities,
});

/** Seed article 3 in part: its headline (which a page's sentence may match), and the 7 km² two sentences later. */
const seed3: FactSentence[] = [
  sentence(0, 'Ukraine says advanced over territory near Bakhmut in past week', [BAKHMUT]),
  sentence(1, 'Kiev launched a counteroffensive last month, utilizing Western weapons that bolstered its offensive capabilities.'),
  sentence(
    2,
    'According to Deputy Defense Minister Ganna Malyar, the recent improvement in the operational position and front-line alignment in the Bakhmut direction has resulted in the advancement over approximately seven square kilometers (2.5 square miles) of territory.',
    [MALYAR, BAKHMUT],
  ),
  sentence(3, 'Separately, the army said 12 villages had been shelled overnight.'),
];

const asClaim = (s: FactSentence, articleId: string): Claim => ({
  id: `${articleId}-${s.index}`,
  articleId,
  sentenceIndex: s.index,
  text: s.text,
  quotes: [],
  quantities: [...s.quantities],
  entities: [...s.entities],
  hedges: [],
});

/** The page's sentence against seed 3's headline, as the background compares them. */
function againstHeadline(pageText: string, pageEntities: string[]) {
  const page = asClaim(sentence(0, pageText, pageEntities), 'page');
  return compareReports(page, asClaim(seed3[0]!, 'a_3'));
}

describe('findArticleEvidence', () => {
  it('finds the 7 km² and the name the matched headline lacks in another sentence of the same article', () => {
    const difference = againstHeadline('Malyar said Ukraine advanced over about 7 square kilometres near Bakhmut.', [MALYAR, BAKHMUT]);
    // The headline alone has no number and no Malyar: the sentence comparison says "only this page".
    expect(difference.numbers).toEqual([expect.objectContaining({ a: expect.objectContaining({ value: 7 }), agree: false })]);
    expect(difference.numbers[0]!.b).toBeUndefined();
    expect(difference.entities.onlyA).toEqual([MALYAR]);

    const evidence = findArticleEvidence(difference, 0, seed3);
    expect(evidence).toEqual([
      {
        kind: 'number',
        fact: 'about 7 square kilometres',
        sentenceIndex: 2,
        text: seed3[2]!.text,
        phrase: 'approximately seven square kilometers',
      },
      { kind: 'name', fact: MALYAR, sentenceIndex: 2, text: seed3[2]!.text },
    ]);
  });

  it('gives no evidence when the article never states the fact: "only here" is then true', () => {
    // 9 km² is another value; 12 attacks count other things than the article's 12 villages.
    const difference = againstHeadline('Ukraine advanced over about 9 square kilometres near Bakhmut and repelled 12 attacks.', [
      BAKHMUT,
      'person:someone-else',
    ]);
    expect(difference.numbers.filter((n) => n.a && !n.b)).toHaveLength(2);
    expect(findArticleEvidence(difference, 0, seed3)).toEqual([]);
  });

  it('wants the same amount, not merely a compatible bound', () => {
    // "up to 4 km" does not contradict "some three kilometers", but it does not state it either.
    const difference = againstHeadline('Troops retreated up to 4 km from their lines.', []);
    const article = [...seed3, sentence(5, 'Its troops pushed back Ukrainian troops some three kilometers.')];
    expect(findArticleEvidence(difference, 0, article)).toEqual([]);
    const same = againstHeadline('Troops retreated up to 3 km from their lines.', []);
    expect(findArticleEvidence(same, 0, article).map((e) => e.phrase)).toEqual(['some three kilometers']);
  });

  it('never offers the matched sentence itself, and prefers the nearest other sentence', () => {
    const difference = againstHeadline('Ukraine advanced over about 7 square kilometres.', []);
    const twice: FactSentence[] = [
      ...seed3,
      sentence(7, 'Officials repeated that about seven square kilometres had been retaken.'),
      sentence(9, 'Malyar put the gain at approximately seven square kilometers.'),
    ];
    // Matched at 8: sentence 7 and 9 are both one away; the earlier wins. Matched at 2: sentence 2 itself is skipped.
    expect(findArticleEvidence(difference, 8, twice).map((e) => e.sentenceIndex)).toEqual([7]);
    expect(findArticleEvidence(difference, 2, twice).map((e) => e.sentenceIndex)).toEqual([7]);
  });

  it('looks for the page’s value when the matched sentence gives another one', () => {
    const page = asClaim(sentence(0, 'Ukraine advanced over about 7 square kilometres.'), 'page');
    const other = asClaim(sentence(5, 'Ukraine advanced over about 9 square kilometres.'), 'a_3');
    const difference = compareReports(page, other);
    expect(difference.numbers[0]).toMatchObject({ agree: false, b: { value: 9 } });
    expect(findArticleEvidence(difference, 5, seed3).map((e) => [e.kind, e.sentenceIndex])).toEqual([['number', 2]]);
  });
});
