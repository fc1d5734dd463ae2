import { describe, expect, it } from 'vitest';
import { articleLabel, byArticleDate, formatDate, summarizeArticle } from '../../../src/background/summary';
import type { ArticleListItem } from '../../../src/store';

const seed: ArticleListItem = {
  id: 'a_1',
  origin: 'seed',
  seedNumber: 2,
  addedAt: 1,
  dateline: { value: 'Kyiv', inferred: true, evidence: 'The text opens "Kyiv: ..."' },
  creditedAgency: { value: 'Reuters', inferred: true, evidence: '"Reuters was unable to independently confirm"' },
  inferredDate: { value: '2023-02-15', inferred: true, evidence: 'NATO meeting, second day' },
};

describe('article summaries', () => {
  it('labels a seed by number, dateline, agency and inferred date, never an outlet', () => {
    expect(articleLabel(seed)).toBe('Seed article 2 · Kyiv dateline · credits Reuters · 15 Feb 2023 (inferred)');
    const summary = summarizeArticle(seed);
    expect(summary).toMatchObject({ date: '2023-02-15', dateInferred: true, dateline: 'Kyiv', creditedAgency: 'Reuters' });
    expect(summary.outlet).toBeUndefined();
  });

  it('prefers a given date over an inferred one and shows it without the mark', () => {
    const saved = {
      ...seed,
      origin: 'saved' as const,
      seedNumber: undefined,
      title: 'Front line',
      outlet: 'Example Daily',
      date: '2023-03-01',
    };
    expect(articleLabel(saved)).toBe('Front line · Example Daily · Kyiv dateline · credits Reuters · 1 Mar 2023');
    expect(summarizeArticle(saved).dateInferred).toBe(false);
  });

  it('orders oldest first with undated articles last', () => {
    const undated = { id: 'a_u', origin: 'import' as const, addedAt: 0 };
    const later = { ...seed, id: 'a_l', inferredDate: { ...seed.inferredDate!, value: '2023-07-17' } };
    expect([undated, later, seed].sort(byArticleDate).map((a) => a.id)).toEqual(['a_1', 'a_l', 'a_u']);
    expect(formatDate('2023-13-01')).toBe('2023-13-01');
  });
});
