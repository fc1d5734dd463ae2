/** Hand-built analysed articles for store tests (no core analysis involved). */
import type { AnalyzedArticleInput } from '../../../src/store';

/** A small analysed article whose rows are derived from its text, so ids and offsets agree. */
export function makeArticle(n: number, extra: { url?: string } = {}): AnalyzedArticleInput {
  const first = `Troops advanced near Bakhmut on day ${n}.`;
  const second = `The ministry in Kyiv said ${n} villages were taken.`;
  const text = `${first} ${second}`;
  const id = `a_test${n}`;
  const s2 = first.length + 1;
  return {
    meta: { id, origin: 'import', title: `Test ${n}`, ...(extra.url ? { url: extra.url } : {}) },
    text,
    sentences: [
      { index: 0, text: first, start: 0, end: first.length },
      { index: 1, text: second, start: s2, end: text.length },
    ],
    mentions: [
      { entityId: 'place:bakhmut', surface: 'Bakhmut', start: first.indexOf('Bakhmut'), end: first.indexOf('Bakhmut') + 7 },
      { entityId: 'place:kyiv', surface: 'Kyiv', start: s2 + second.indexOf('Kyiv'), end: s2 + second.indexOf('Kyiv') + 4 },
    ],
    claims: [0, 1].map((i) => ({
      id: `c_${id}_${i}`,
      articleId: id,
      sentenceIndex: i,
      text: i === 0 ? first : second,
      quotes: [],
      quantities: [],
      entities: i === 0 ? ['place:bakhmut'] : ['place:kyiv'],
      hedges: [],
    })),
    discovered: [{ id: `person:test-${n}`, name: `Test Person ${n}`, kind: 'person', aliases: [], origin: 'discovered' }],
  };
}
