import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../../../src/core/matching';
import { clusterEvents, timelineFor } from '../../../../src/core/events';
import type { ArticleMeta, Claim } from '../../../../src/core/types';

let n = 0;
function claim(articleId: string, text: string, extra: Partial<Claim> = {}): Claim {
  return {
    id: `c_${String(n++).padStart(3, '0')}`,
    articleId,
    sentenceIndex: n,
    text,
    quotes: [],
    quantities: [],
    entities: [],
    hedges: [],
    ...extra,
  };
}
const bakhmut = ['place:bakhmut'];

describe('clusterEvents', () => {
  const shelling = [
    claim('a1', 'Russian forces shelled Bakhmut with heavy artillery and rockets overnight, officials said.', { entities: bakhmut }),
    claim('a2', 'Officials said Russian artillery and rockets shelled Bakhmut heavily overnight.', {
      entities: bakhmut,
      time: { text: 'overnight', date: '2023-02-15', inferred: true },
    }),
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

describe('clusterEvents on the seeds', () => {
  it('links only the two 15 February reports, dated from their inferred dates', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { analyzeArticle } = await import('../../../../src/core/library/analyze');
    const { buildLexicon } = await import('../../../../src/core/entities/lexicon');
    const { loadGazetteer, loadSeedSidecar, sidecarMeta } = await import('../../../../src/core/library/seeds');
    const dir = join(import.meta.dirname, '../../../../seeds');
    const lexicon = buildLexicon(loadGazetteer());
    const sidecar = loadSeedSidecar();
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const seeds = files.map((f) =>
      analyzeArticle({ text: readFileSync(join(dir, f), 'utf8'), origin: 'seed' }, lexicon, sidecarMeta(sidecar[f])),
    );
    const index = new ClaimIndex();
    for (const s of seeds) index.add(s.claims, s.meta.inferredDate ? { [s.meta.id]: s.meta.inferredDate.value } : {});
    const events = clusterEvents(
      seeds.flatMap((s) => s.claims),
      index,
      seeds.map((s) => s.meta),
    );
    expect(events.length).toBeGreaterThanOrEqual(2);
    const february = [seeds[0]!.meta.id, seeds[1]!.meta.id].sort();
    for (const e of events) {
      expect([...e.articleIds].sort()).toEqual(february);
      expect(e).toMatchObject({ date: '2023-02-15', dateInferred: true });
      expect(e.label).not.toMatch(/^(It|He|She|They)\b/);
    }
    const retreat = seeds.flatMap((s) => s.claims).filter((c) => /randomly retreated|retreated at random/.test(c.text));
    expect(retreat).toHaveLength(2);
    expect(events.some((e) => retreat.every((c) => e.claimIds.includes(c.id)))).toBe(true);
  });
});
