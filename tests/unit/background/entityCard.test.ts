import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../store/freshDatabase';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('./fakeBrowser')).fakeBrowser }));

const { seedLibrary } = await import('../../../src/background/seeding');
const { invalidateLibraryCaches } = await import('../../../src/background/library');
const { entityCard } = await import('../../../src/background/entityCard');
const { libraryEvents } = await import('../../../src/background/events');
const { locatorFor } = await import('../../../src/ui/locator/locator');

beforeAll(async () => {
  await freshDatabase();
  invalidateLibraryCaches();
  await seedLibrary();
});

describe('the entity card on the seed library', () => {
  it('leads with the page story: stored sentences of the page events that name the entity', async () => {
    const events = await libraryEvents();
    const event = events.find((e) => e.entityIds.includes('place:bakhmut'))!;
    expect(event).toBeDefined();
    const card = await entityCard('place:bakhmut', [event.claimIds[0]!]);
    expect(card.inPageEvent!.length).toBeGreaterThan(0);
    expect(card.inPageEvent!.every((s) => /Bakhmut|Artemivsk|Artemovsk/i.test(s.text))).toBe(true);
    const line = card.timeline!.find((l) => l.eventId === event.id)!;
    expect(line.onPage).toBe(true);
    expect(line.articles.length).toBeGreaterThan(1);
    // Seeds carry no outlet: none is shown, only the stored labels.
    expect(line.articles.every((a) => a.outlet === undefined && a.label.startsWith('Seed article'))).toBe(true);
    expect(
      card.timeline!.filter((l) => l.onPage).every((l) => events.find((e) => e.id === l.eventId)!.claimIds.includes(event.claimIds[0]!)),
    ).toBe(true);
  });

  it('without page claims: no page story, the timeline of events naming it, oldest first, and the article count', async () => {
    const card = await entityCard('place:bakhmut');
    expect(card.inPageEvent).toBeUndefined();
    const dates = card.timeline!.flatMap((l) => (l.date ? [l.date] : []));
    expect(dates).toEqual([...dates].sort());
    expect(card.timeline!.every((l) => !l.onPage)).toBe(true);
    expect(card.articles.length).toBeGreaterThanOrEqual(2);
  });

  it('a place with a known position gets a locator map; a person gets none', async () => {
    const bakhmut = await entityCard('place:bakhmut');
    expect(bakhmut.locator!.point).toBeDefined();
    expect(bakhmut.locator!.caption).toContain('48.59° N, 38.00° E');
    expect(bakhmut.locator!.caption).toContain('GeoNames');
    const zelensky = await entityCard('person:volodymyr-zelensky');
    expect(zelensky.locator).toBeUndefined();
  });
});

describe('locatorFor', () => {
  it('marks a town by its point inside the map, a country by its outline, and nothing for a region without one position', () => {
    const kyiv = locatorFor('place:kyiv', 'Kyiv')!;
    expect(kyiv.point!.x).toBeGreaterThan(0);
    expect(kyiv.point!.x).toBeLessThan(kyiv.width);
    expect(kyiv.point!.y).toBeGreaterThan(0);
    expect(kyiv.point!.y).toBeLessThan(kyiv.height);
    // Kharkiv lies east of Kyiv, and Lviv west; Odesa south (screen y grows downwards).
    expect(locatorFor('place:kharkiv', 'Kharkiv')!.point!.x).toBeGreaterThan(kyiv.point!.x);
    expect(locatorFor('place:lviv', 'Lviv')!.point!.x).toBeLessThan(kyiv.point!.x);
    expect(locatorFor('place:odesa', 'Odesa')!.point!.y).toBeGreaterThan(kyiv.point!.y);
    const ukraine = locatorFor('place:ukraine', 'Ukraine')!;
    expect(ukraine.outline).toMatch(/^M/);
    expect(ukraine.caption).toContain('Natural Earth');
    expect(locatorFor('place:donbas', 'Donbas')).toBeUndefined();
    expect(locatorFor('place:black-sea', 'Black Sea')).toBeUndefined();
  });
});

describe('the page story of a claim no event holds', () => {
  it('is still what the library says about the page: the matched stored claim naming the entity', async () => {
    const events = await libraryEvents();
    const inEvents = new Set(events.flatMap((e) => e.claimIds));
    const store = await import('../../../src/store');
    const lone = (await store.allClaims()).find((c) => !inEvents.has(c.id) && c.entities.includes('place:bakhmut'))!;
    expect(lone).toBeDefined();
    const card = await entityCard('place:bakhmut', [lone.id]);
    expect(card.inPageEvent!.map((s) => s.text)).toContain(lone.text);
    expect(card.timeline!.every((l) => !l.onPage)).toBe(true);
  });
});

describe("the page's own stored copy", () => {
  it('is left out of what the library says about the page story', async () => {
    const { matchSentences } = await import('../../../src/background/match');
    const { seedTexts } = await import('../../../src/background/seedCorpus');
    const pageUrl = 'https://news.example/seed-one-copy';
    // The page carries seed 1's text: matching recognises it as that stored article.
    const sentences = seedTexts()[0]!
      .text.split(/(?<=\.)\s+/)
      .slice(0, 40)
      .map((text, i) => ({ key: `s${i}`, text }));
    const matches = await matchSentences({ pageUrl, sentences });
    const pageClaimIds = [...new Set(matches.flatMap((m) => m.reports.map((r) => r.claim.id)))];
    expect(pageClaimIds.length).toBeGreaterThan(0);
    const store = await import('../../../src/store');
    const seedOne = (await store.listArticles()).find((a) => a.seedNumber === 1)!;
    const withCopy = await entityCard('place:bakhmut', pageClaimIds);
    const withoutCopy = await entityCard('place:bakhmut', pageClaimIds, pageUrl);
    expect(withCopy.inPageEvent!.some((s) => s.article.id === seedOne.id)).toBe(true);
    expect(withoutCopy.inPageEvent!.some((s) => s.article.id === seedOne.id)).toBe(false);
    expect(withoutCopy.inPageEvent!.length).toBeGreaterThan(0);
  });
});
