import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../../../src/core/matching';
import type { Claim, Quantity } from '../../../../src/core/types';

let n = 0;
function claim(articleId: string, text: string, extra: Partial<Claim> = {}): Claim {
  return { id: `c_${n++}`, articleId, sentenceIndex: 0, text, quotes: [], quantities: [], entities: [], hedges: [], ...extra };
}
const km = (value: number, text: string): Quantity => ({ value, unit: 'km', bound: 'up-to', text });

/** A small library: the claim under test among unrelated reports that share its topic words. */
function library(): { index: ClaimIndex; target: Claim } {
  const target = claim(
    'a1',
    'The ministry said Ukrainian troops retreated at random to a distance of up to 3 km (1.9 miles) from the previously occupied lines.',
    {
      entities: ['org:russian-defence-ministry'],
      quantities: [km(3, '3 km')],
    },
  );
  const index = new ClaimIndex();
  index.add([
    target,
    claim('a1', 'Ukraine urged its allies to speed up deliveries of long-range missiles and fighter jets.'),
    claim('a2', 'The town of Bakhmut had a population of about 70,000 before the war.', { entities: ['place:bakhmut'] }),
    claim('a3', 'Ukrainian troops celebrated the anniversary with a parade far from the front lines.'),
    claim('a4', 'Officials said prices of bread rose sharply in the capital last month.'),
  ]);
  return { index, target };
}

describe('ClaimIndex.query', () => {
  it('finds a paraphrase in other words and spellings', () => {
    const { index, target } = library();
    const q = claim(
      'page',
      '"The Ukrainian troops randomly retreated to a distance of up to 3 km from the previously occupied lines," the ministry said.',
      {
        entities: ['org:russian-defence-ministry'],
        quantities: [km(3, '3 km')],
      },
    );
    const links = index.query(q);
    expect(links[0]?.claimId).toBe(target.id);
    expect(links).toHaveLength(1);
  });

  it('returns nothing for an unrelated sentence that shares a few words', () => {
    const { index } = library();
    expect(index.query(claim('page', 'Ukrainian troops held a concert for children in Lviv.'))).toEqual([]);
    expect(index.query(claim('page', 'The recipe needs three eggs and a cup of flour.'))).toEqual([]);
  });

  it('rejects the same claim about another resolved date', () => {
    const index = new ClaimIndex();
    const stored = claim('a1', 'Russian forces shelled the city of Bakhmut with artillery and rockets overnight.', {
      entities: ['place:bakhmut'],
      time: { text: 'on Wednesday', date: '2023-02-15' },
    });
    index.add([stored]);
    const sameDay = claim('page', 'Russian artillery and rockets shelled Bakhmut overnight.', {
      entities: ['place:bakhmut'],
      time: { text: 'Wednesday', date: '2023-02-15' },
    });
    const otherDay = { ...sameDay, time: { text: 'on Monday', date: '2023-07-10' } };
    expect(index.query(sameDay).map((l) => l.claimId)).toEqual([stored.id]);
    expect(index.query(otherDay)).toEqual([]);
  });

  it('dates claims without a time of their own by their article', () => {
    const index = new ClaimIndex();
    const stored = claim('a1', 'Russian forces shelled the city of Bakhmut with artillery and rockets overnight.', {
      entities: ['place:bakhmut'],
    });
    index.add([stored], { a1: '2023-02-15' });
    const q = claim('page', 'Russian artillery and rockets shelled Bakhmut overnight.', { entities: ['place:bakhmut'] });
    const undated = index.query(q, { minScore: 0 })[0]!.score;
    expect(index.query(q, { minScore: 0, pageDate: '2023-02-16' })[0]!.score).toBe(undated);
    // only the articles' dates differ: lowered, not rejected
    expect(index.query(q, { minScore: 0, pageDate: '2023-03-01' })[0]!.score).toBeLessThan(undated);
    // the page sentence states its own, other day: rejected
    expect(index.query({ ...q, time: { text: 'on Wednesday', date: '2023-03-01' } }, { minScore: 0 })).toEqual([]);
    const copy = ClaimIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(copy.query({ ...q, time: { text: 'on Wednesday', date: '2023-03-01' } }, { minScore: 0 })).toEqual([]);
  });

  it('excludes the page article and honours remove()', () => {
    const { index, target } = library();
    const q = claim('a1', target.text, { entities: target.entities, quantities: target.quantities });
    expect(index.query(q, { excludeArticleId: 'a1' })).toEqual([]);
    expect(index.query(q)).toHaveLength(1);
    index.remove('a1');
    expect(index.query(q)).toEqual([]);
    expect(index.size).toBe(3);
    expect(index.getClaim(target.id)).toBeUndefined();
  });

  it('posts copies of one sentence once: every copy is still a link of its own', () => {
    const wire = 'Rescuers pulled eleven survivors from the collapsed apartment block in Dnipro after the missile strike.';
    const index = new ClaimIndex();
    index.add(Array.from({ length: 60 }, (_, i) => claim(`wire${i}`, wire)));
    const own = claim('local', 'Eleven survivors were pulled by rescuers from the collapsed block in Dnipro after the strike.');
    index.add([own, claim('other', 'Prices of bread rose sharply in the capital last month.')]);
    const links = index.query(claim('page', wire), { top: 80 });
    expect(links.map((l) => l.claimId)).toContain(own.id);
    expect(new Set(links.filter((l) => l.articleId.startsWith('wire')).map((l) => l.articleId)).size).toBeGreaterThan(10);
    // the page's own copy is left out, the other copies are not
    expect(index.query(claim('wire0', wire), { excludeArticleId: 'wire0', top: 40 }).map((l) => l.articleId)).not.toContain('wire0');
    expect(index.query(claim('wire0', wire), { excludeArticleId: 'wire0' })).not.toEqual([]);
  });

  it('keeps finding the copies left when articles are removed, and a copy added after the last went', () => {
    const text = 'Rescuers pulled eleven survivors from the collapsed apartment block in Dnipro after the missile strike.';
    const index = new ClaimIndex();
    index.add([claim('a', text), claim('b', text), claim('c', 'Prices of bread rose sharply in the capital last month.')]);
    const q = claim('page', text);
    index.remove('a');
    expect(index.query(q).map((l) => l.articleId)).toEqual(['b']);
    index.remove('b');
    expect(index.query(q)).toEqual([]);
    expect(index.size).toBe(1);
    index.add([claim('d', text)]);
    expect(index.query(q).map((l) => l.articleId)).toEqual(['d']);
  });

  it('skips terms whose postings exceed the cap instead of scanning them', () => {
    const index = new ClaimIndex({ maxPostings: 10 });
    index.add(Array.from({ length: 50 }, (_, i) => claim(`b${i}`, `Officials reported weather update number ${i} for the region today.`)));
    const q = claim('page', 'Officials reported weather update for the region today.');
    // every term is in all 50 claims: too common to search, so nothing is found
    expect(index.query(q)).toEqual([]);
  });

  it('survives toJSON/fromJSON with identical results', () => {
    const { index, target } = library();
    const copy = ClaimIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    const q = claim('page', 'Ukrainian troops randomly retreated up to 3 km from the previously occupied lines.', {
      quantities: [km(3, '3 km')],
    });
    expect(copy.query(q)).toEqual(index.query(q));
    expect(copy.query(q)[0]?.claimId).toBe(target.id);
    expect(copy.size).toBe(index.size);
  });
});

describe('ClaimIndex ranking mode (minScore 0, as the corpus CLI)', () => {
  it('ranks every candidate, best first, even below the match threshold', () => {
    const { index, target } = library();
    const q = claim('page', 'Ukrainian troops retreated from the lines.');
    const ranked = index.query(q, { minScore: 0, top: 3 });
    expect(ranked[0]?.claimId).toBe(target.id);
    expect(ranked.length).toBeGreaterThan(index.query(q).length);
    expect(ranked.map((l) => l.score)).toEqual([...ranked.map((l) => l.score)].sort((a, b) => b - a));
  });
});

describe('ClaimIndex plain baseline', () => {
  it('matches only shared surface words', () => {
    const { target } = library();
    const plain = new ClaimIndex({ plain: true });
    plain.add([target, claim('a9', 'A recipe for bread with flour and eggs.')]);
    const q = claim('page', 'The Ukrainian troops retreated at random up to 3 km from the previously occupied lines.');
    expect(plain.query(q)[0]?.claimId).toBe(target.id);
  });
});
