import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../../src/core/claimIndex';
import { clusterEvents, timelineFor } from '../../../src/core/events';
import type { ArticleMeta, Claim } from '../../../src/core/types';

let n = 0;
function claim(articleId: string, text: string, extra: Partial<Claim> = {}): Claim {
  return { id: `c_${String(n++).padStart(3, '0')}`, articleId, sentenceIndex: n, text, quotes: [], quantities: [], entities: [], hedges: [], ...extra };
}
const bakhmut = ['place:bakhmut'];

describe('clusterEvents', () => {
  const shelling = [
    claim('a1', 'Russian forces shelled Bakhmut with heavy artillery and rockets overnight, officials said.', { entities: bakhmut }),
    claim('a2', 'Officials said Russian artillery and rockets shelled Bakhmut heavily overnight.', { entities: bakhmut, time: { text: 'overnight', date: '2023-02-15', inferred: true } }),
    claim('a3', 'Russian forces heavily shelled Bakhmut overnight using artillery and rockets.', { entities: bakhmut }),
  ];
  const sameArticle = [
    claim('a1', 'Bakhmut had a population of about 70,000 people before the war began.', { entities: bakhmut }),
    claim('a1', 'Bakhmut residents queued for water and bread at a church in the centre.', { entities: bakhmut }),
  ];
  const other = [claim('a4', 'The museum in Bakhmut reopened its doors to visitors after renovation.', { entities: bakhmut })];
  const articles: ArticleMeta[] = [
    { id: 'a1', origin: 'seed', date: '2023-02-15' },
    { id: 'a2', origin: 'seed' },
    { id: 'a3', origin: 'seed', inferredDate: { value: '2023-02-15', inferred: true, evidence: 'Wednesday' } },
    { id: 'a4', origin: 'seed', date: '2021-05-01' },
  ];
  const all = [...shelling, ...sameArticle, ...other];
  const index = new ClaimIndex();
  index.add(all);
  const events = clusterEvents(all, index, articles);

  it('joins reports of one happening across articles, and nothing else', () => {
    expect(events).toHaveLength(1);
    expect(events[0]!.claimIds).toEqual(shelling.map((c) => c.id).sort());
    expect(events[0]!.articleIds.sort()).toEqual(['a1', 'a2', 'a3']);
    expect(events[0]!.entityIds).toEqual(['place:bakhmut']);
  });

  it('dates the event from the resolved claim time and says when it was inferred', () => {
    expect(events[0]!.date).toBe('2023-02-15');
    expect(events[0]!.dateInferred).toBe(true);
    expect(events[0]!.label.length).toBeLessThanOrEqual(101);
  });

  it('never merges claims of one article just because they share an entity', () => {
    const only = clusterEvents(sameArticle, index, articles, { minArticles: 1 });
    expect(only).toEqual([]);
  });

  it('builds a timeline per entity, oldest first', () => {
    const later = { ...events[0]!, id: 'ev_later', date: '2023-07-10' };
    const undated = { ...events[0]!, id: 'ev_undated', date: undefined };
    const timeline = timelineFor('place:bakhmut', [undated, later, events[0]!]);
    expect(timeline.map((e) => e.id)).toEqual([events[0]!.id, 'ev_later', 'ev_undated']);
    expect(timelineFor('place:kyiv', events)).toEqual([]);
  });
});
