import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../../../src/core/matching';
import { analyzeSentence } from '../../../../src/core/library';
import { buildLexicon } from '../../../../src/core/entities';
import type { Claim } from '../../../../src/core/types';

const lexicon = buildLexicon([]);
const CAVEAT = 'The agency could not independently verify the battlefield reports from either side.';

function stored(articleId: string, index: number, text: string, date: string): Claim {
  return { ...analyzeSentence(text, lexicon, { articleId, index, date }), articleId };
}

/** Three articles on three days: a daily figure each, and the same caveat in each. */
function library(): ClaimIndex {
  const index = new ClaimIndex();
  const days = ['2023-03-01', '2023-03-06', '2023-03-09'];
  days.forEach((date, i) => {
    const id = `a${i}`;
    index.add(
      [
        stored(
          id,
          0,
          `The general staff said its forces had repelled ${85 + i * 10} attacks along the eastern front in the past day.`,
          date,
        ),
        stored(id, 1, CAVEAT, date),
      ],
      { [id]: date },
    );
  });
  return index;
}

describe('ClaimIndex.query with relations', () => {
  it('links the same day as the same claim and other days as related, same first', () => {
    const page = analyzeSentence(
      'The general staff said its forces had repelled 95 attacks along the eastern front in the past day.',
      lexicon,
      {
        date: '2023-03-06',
      },
    );
    const links = library().query(page, { relations: true, pageDate: '2023-03-06' });
    expect(links.map((l) => [l.articleId, l.relation])).toEqual([['a1', 'same'], ...links.slice(1).map((l) => [l.articleId, 'related'])]);
    expect(links.slice(1).every((l) => l.reasons?.includes('other-day'))).toBe(true);
    // Without relations, the old gate drops nothing here (no stated time), so the page date is what tells them apart.
    expect(library().query(page, { pageDate: '2023-03-06' }).length).toBeGreaterThan(0);
  });

  it('never links a caveat the library has seen about other days', () => {
    const index = library();
    const page = analyzeSentence(CAVEAT, lexicon, { date: '2023-03-10' });
    expect(index.isBoilerplate(page)).toBe(true);
    expect(index.query(page, { relations: true, pageDate: '2023-03-10' })).toEqual([]);
    // Ranking mode still ranks it, labelled as a candidate.
    expect(index.query(page, { relations: true, minScore: 0 }).every((l) => l.relation === 'candidate')).toBe(true);
  });

  it('still knows the caveat after a restore from its snapshot (a worker restart, a pack)', () => {
    const restored = ClaimIndex.fromJSON(library().toJSON());
    const page = analyzeSentence(CAVEAT, lexicon, { date: '2023-03-10' });
    expect(restored.isBoilerplate(page)).toBe(true);
    expect(restored.query(page, { relations: true, pageDate: '2023-03-10' })).toEqual([]);
  });

  it('forgets the caveat once the articles repeating it are removed', () => {
    const index = library();
    const page = analyzeSentence(CAVEAT, lexicon, { date: '2023-03-10' });
    const repeating = index
      .claims()
      .filter((c) => index.isBoilerplate(c))
      .map((c) => c.articleId);
    expect(repeating.length).toBeGreaterThanOrEqual(3);
    for (const articleId of new Set(repeating)) index.remove(articleId);
    expect(index.isBoilerplate(page)).toBe(false);
  });
});
