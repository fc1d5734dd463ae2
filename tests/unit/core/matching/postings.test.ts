import { describe, expect, it } from 'vitest';
import { Postings } from '../../../../src/core/matching/postings';
import { sentenceKey } from '../../../../src/core/matching/sentenceGroups';

/** A postings list over words as terms: each doc's words, its article, its sentence key. */
function postingsOf(docs: ReadonlyArray<{ article: string; words: string }>): {
  postings: Postings;
  query: (words: string) => Map<number, number>;
} {
  const postings = new Postings();
  docs.forEach(({ article, words }, docId) => {
    const terms = words.split(' ').map((w) => postings.intern(w));
    postings.addDoc(docId, terms, article, sentenceKey(terms, undefined, undefined));
  });
  const query = (words: string) => {
    const counts = new Map<number, number>();
    for (const w of words.split(' ')) {
      const id = postings.idOf(w);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  return { postings, query };
}

describe('Postings', () => {
  const wire = 'rescuers pulled eleven survivors collapsed block dnipro';
  const copies = Array.from({ length: 60 }, (_, i) => ({ article: `wire${i}`, words: wire }));

  it('walks copies of one sentence as one candidate, so copies cannot crowd out another report', () => {
    const { postings, query } = postingsOf([...copies, { article: 'local', words: 'eleven survivors pulled from block dnipro' }]);
    const best = postings.candidates(query(wire), 2, undefined, 2);
    expect(best).toHaveLength(2);
    expect(postings.membersOf(best[0]![0])).toHaveLength(60);
    expect(postings.membersOf(best[1]![0])).toEqual([60]);
    expect(best[0]![1]).toBeGreaterThan(best[1]![1]);
  });

  it('counts every copy in document frequencies: the IDF is what it would be without groups', () => {
    const { postings } = postingsOf([...copies, { article: 'x', words: 'bread prices rose' }]);
    expect(postings.idf(postings.idOf('dnipro')!)).toBeCloseTo(Math.log(1 + (61 - 60 + 0.5) / (60 + 0.5)));
    expect(postings.live).toBe(61);
  });

  it('leaves out a group only when all its members are the excluded article', () => {
    const { postings, query } = postingsOf([
      { article: 'a', words: wire },
      { article: 'a', words: wire },
      { article: 'b', words: 'bread prices rose sharply' },
    ]);
    expect(postings.candidates(query(wire), 5, 'a', 2)).toEqual([]);
    const { postings: shared, query: q2 } = postingsOf([
      { article: 'a', words: wire },
      { article: 'b', words: wire },
    ]);
    const [group] = shared.candidates(q2(wire), 5, 'a', 2);
    expect(shared.membersOf(group![0])).toEqual([0, 1]);
  });

  it('drops a group from the walk with its last member, and starts a new one for a later copy', () => {
    const { postings, query } = postingsOf([
      { article: 'a', words: wire },
      { article: 'b', words: wire },
    ]);
    const terms = wire.split(' ').map((w) => postings.idOf(w)!);
    postings.removeDoc(0, terms);
    expect(postings.membersOf(postings.candidates(query(wire), 5, undefined, 2)[0]![0])).toEqual([1]);
    postings.removeDoc(1, terms);
    expect(postings.candidates(query(wire), 5, undefined, 2)).toEqual([]);
    postings.addDoc(2, terms, 'c', sentenceKey(terms, undefined, undefined));
    expect(postings.membersOf(postings.candidates(query(wire), 5, undefined, 2)[0]![0])).toEqual([2]);
  });
  it('asks more shared terms of a candidate only when the walk met every query term (the count is then exact)', () => {
    const { postings, query } = postingsOf([
      { article: 'a', words: 'survivors dnipro bread' },
      { article: 'b', words: 'survivors dnipro rescuers said' },
      ...Array.from({ length: 5 }, (_, i) => ({ article: `f${i}`, words: `officials said prices ${i}` })),
    ]);
    const q = query('survivors dnipro rescuers said');
    const groupsOf = (best: Array<[number, number]>) => best.map(([group]) => postings.membersOf(group)[0]);
    expect(groupsOf(postings.candidates(q, 5, undefined, 2, 100, 3))).toEqual([1]);
    // a budget too small for every term: two shared terms may be more, so the two-term doc stays
    expect(groupsOf(postings.candidates(q, 5, undefined, 2, 6, 3)).sort()).toEqual([0, 1]);
  });
});
