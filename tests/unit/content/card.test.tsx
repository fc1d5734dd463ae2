// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, placeCard, type CardContent } from '../../../src/content/card/Card';
import type { Claim, Quantity } from '../../../src/core/types';
import type { LinkedReport } from '../../../src/shared/messages';

const anchor = { left: 100, top: 200, bottom: 220, right: 160 };
const q = (text: string, value: number, bound: Quantity['bound'], unit: Quantity['unit'] = 'km', noun?: string): Quantity => ({
  text,
  value,
  bound,
  unit,
  noun,
});
const claim = (text: string, extra: Partial<Claim> = {}): Claim => ({
  id: 'c_' + text.length,
  articleId: 'a_x',
  sentenceIndex: 0,
  text,
  quotes: [],
  quantities: [],
  entities: [],
  hedges: [],
  ...extra,
});

const report: LinkedReport = {
  claim: claim('Ukrainian forces retreated randomly up to 3 km (1.9 miles), the ministry said.', {
    attribution: { speaker: 'the ministry', verb: 'said' },
  }),
  article: {
    id: 'a_2',
    label: 'Seed article 2 (dateline Kyiv)',
    origin: 'seed',
    date: '2023-02-15',
    dateInferred: true,
    creditedAgency: 'Reuters',
  },
  score: 0.8,
  relation: 'same',
  reasons: [],
  difference: {
    numbers: [
      { a: q('3 km', 3, 'exact'), b: q('up to 3 km (1.9 miles)', 3, 'up-to'), agree: true },
      {
        a: q('more than 15', 15, 'more-than', 'count', 'settlements'),
        b: q('more than 20', 20, 'more-than', 'count', 'settlements'),
        agree: false,
      },
    ],
    attribution: { a: { speaker: 'Russia', verb: 'claimed' }, b: { speaker: 'the ministry', verb: 'said' }, same: false },
    hedges: { onlyA: [], onlyB: ['unable to independently confirm'] },
    entities: { onlyA: [], onlyB: [] },
    wording: [
      { op: 'same', text: 'Ukrainian forces ' },
      { op: 'removed', text: 'retreated at random' },
      { op: 'added', text: 'retreated randomly' },
      { op: 'same', text: ' up to 3 km' },
    ],
  },
};

let container: HTMLElement;
function show(content: CardContent, onClose = () => {}) {
  container = document.createElement('div');
  document.body.appendChild(container);
  render(<Card content={content} anchor={anchor} focus={false} onClose={onClose} />, container);
  return container.querySelector('[role="dialog"]') as HTMLElement;
}
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Card', () => {
  it('shows an entity: name, kind, other spellings, stored articles oldest first with inferred dates', () => {
    const dialog = show({
      type: 'entity',
      entityId: 'place:kyiv',
      name: 'Kyiv',
      kind: 'place',
      card: {
        entity: { id: 'place:kyiv', name: 'Kyiv', kind: 'place', aliases: ['Kiev', 'Kyiv', 'Київ'], origin: 'gazetteer' },
        articles: [
          {
            article: { id: 'a_1', label: 'Seed article 1', origin: 'seed', date: '2023-02-14', dateInferred: true },
            sentences: ['Kyiv: As NATO defense ministers prepared to meet.'],
          },
          {
            article: { id: 'a_3', label: 'Saved article', origin: 'saved', date: '2023-03-01', outlet: 'Example Times' },
            sentences: ['Officials in Kiev said.'],
          },
        ],
      },
    });
    expect(dialog.getAttribute('aria-label')).toBe('Parallax: Kyiv, place');
    expect(dialog.textContent).toContain('Also written: Kiev, Київ');
    const items = [...dialog.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[0]).toContain('2023-02-14 (inferred)');
    expect(items[0]).toContain('Kyiv: As NATO defense ministers prepared to meet.');
    expect(items[1]).toContain('Example Times · 2023-03-01');
    expect(items[1]).not.toContain('inferred');
  });

  it('shows a loading state until library data arrives, and errors plainly', () => {
    expect(show({ type: 'entity', entityId: 'x', name: 'Bakhmut', kind: 'place' }).textContent).toContain('Looking up the library');
    render(null, container);
    container.remove();
    expect(show({ type: 'entity', entityId: 'x', name: 'Bakhmut', kind: 'place', error: 'store closed' }).textContent).toContain(
      'store closed',
    );
  });

  it('shows a claim: source, speaker, the differences in words with disagreements flagged, and the word diff behind a toggle', async () => {
    const dialog = show({ type: 'claim', sentence: 'Ukrainian forces retreated at random 3 km.', reports: [report] });
    expect(dialog.getAttribute('aria-label')).toBe('Parallax: other reports of this sentence');
    const text = dialog.textContent ?? '';
    expect(text).toContain('Seed article 2 (dateline Kyiv) · credits Reuters · 2023-02-15 (inferred)');
    expect(text).toContain('Who says it there: the ministry (said)');
    expect(text).toContain('this page: Russia (claimed)');
    expect(text).toContain('this page: 3 km; Seed article 2 (dateline Kyiv): up to 3 km (1.9 miles)');
    expect(text).toContain('this page: more than 15; Seed article 2 (dateline Kyiv): more than 20');
    expect(text).toContain('“unable to independently confirm”');
    const flagged = [...dialog.querySelectorAll('.px-disagree')].map((e) => e.textContent);
    expect(flagged.some((t) => t?.includes('more than 20'))).toBe(true);
    // Both sentences whole, only the differing spans marked; the word diff waits behind its toggle.
    expect([...dialog.querySelectorAll('mark')].map((m) => m.firstChild?.textContent)).toContain('the ministry');
    expect(dialog.querySelector('del')).toBeNull();
    const toggle = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.includes('word-by-word'))!;
    toggle.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog.querySelector('del')?.textContent).toBe('retreated at random');
    expect(dialog.querySelector('ins')?.textContent).toBe('retreated randomly');
  });

  it('says when another report has exactly the same words', async () => {
    const same = { ...report, difference: { ...report.difference, wording: [{ op: 'same' as const, text: 'Identical sentence.' }] } };
    const dialog = show({ type: 'claim', sentence: 'Identical sentence.', reports: [same] });
    [...dialog.querySelectorAll('button')].find((b) => b.textContent?.includes('word-by-word'))!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog.textContent).toContain('Word for word the same: Identical sentence.');
    expect(dialog.querySelector('ins, del')).toBeNull();
  });

  it('has a focusable close button that calls onClose', () => {
    const onClose = vi.fn();
    const dialog = show({ type: 'claim', sentence: 's', reports: [] }, onClose);
    const button = dialog.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Close');
    button.click();
    expect(onClose).toHaveBeenCalledOnce();
    expect(dialog.textContent).toContain('No other report');
  });
});

describe('placeCard', () => {
  const viewport = { width: 800, height: 600 };
  it('goes below the word when there is room, above when not, always inside the viewport', () => {
    expect(placeCard(anchor, 300, 200, viewport)).toMatchObject({ left: 100, top: 228 });
    const above = placeCard({ left: 700, top: 500, bottom: 520, right: 760 }, 300, 200, viewport);
    expect(above).toMatchObject({ left: 492, top: 292 });
    expect(above.top + 200).toBeLessThanOrEqual(500);
  });

  it('never covers the word: a tall card takes the roomier side with a capped height', () => {
    const word = { left: 100, top: 250, bottom: 270, right: 160 };
    const place = placeCard(word, 300, 900, viewport);
    // Below has 314 px, above 234: below, capped.
    expect(place.top).toBe(278);
    expect(place.maxHeight).toBe(314);
    const high = placeCard({ left: -50, top: 400, bottom: 420, right: 0 }, 300, 900, viewport);
    expect(high.left).toBe(8);
    expect(high.top + high.maxHeight).toBeLessThanOrEqual(392);
    expect(high.top).toBeGreaterThanOrEqual(8);
  });
});

describe('CardHost live region', () => {
  it('announces each opened card in a polite live region inside the shadow root, which outlives the card', async () => {
    const { CardHost } = await import('../../../src/content/card/host');
    const host = new CardHost(document);
    host.open({ type: 'entity', entityId: 'place:bakhmut', name: 'Bakhmut', kind: 'place' }, anchor, false);
    const root = host.element!.shadowRoot!;
    const region = root.querySelector('[aria-live="polite"]')!;
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('Bakhmut, place: Parallax card open. Escape closes it.');
    expect(root.querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Parallax: Bakhmut, place');
    host.close();
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(root.querySelector('[aria-live="polite"]')).toBe(region);
    host.open({ type: 'claim', sentence: 'Ukrainian forces retreated.', reports: [report] }, anchor, false);
    expect(region.textContent).toBe('Parallax card open: 1 other report of this sentence. Escape closes it.');
    host.destroy();
  });
});

describe('the entity card body', () => {
  const base = {
    entity: { id: 'place:bakhmut', name: 'Bakhmut', kind: 'place' as const, aliases: ['Artemivsk'], origin: 'gazetteer' as const },
    articles: [{ article: { id: 'a_1', label: 'Seed article 1', origin: 'seed' as const }, sentences: ['Fighting near Bakhmut.'] }],
    timeline: [
      {
        eventId: 'e_1',
        label: 'Ukraine says advanced near Bakhmut',
        date: '2023-07-17',
        dateInferred: true,
        articles: [
          { id: 'a_3', label: 'Seed article 3', origin: 'seed' as const },
          { id: 'a_4', label: 'Saved article', outlet: 'Example Times', origin: 'saved' as const },
        ],
        onPage: true,
      },
    ],
    locator: {
      width: 240,
      height: 170,
      land: 'M0,0L10,10Z',
      borders: 'M0,0L5,5',
      point: { x: 200, y: 100 },
      caption: 'Bakhmut (48.59° N, 38.00° E, GeoNames)',
    },
  };

  it('leads with the page story, then one line per event (date, outlets as stored), the map, and the article count', () => {
    const dialog = show({
      type: 'entity',
      entityId: 'place:bakhmut',
      name: 'Bakhmut',
      kind: 'place',
      card: {
        ...base,
        inPageEvent: [{ text: 'Troops advanced near Bakhmut.', article: { id: 'a_3', label: 'Seed article 3', origin: 'seed' } }],
      },
    });
    const text = dialog.textContent ?? '';
    expect(text.indexOf("In this page's story")).toBeLessThan(text.indexOf('Timeline'));
    expect(text).toContain('Troops advanced near Bakhmut.');
    const line = dialog.querySelector('.px-timeline li')!.textContent!;
    expect(line).toBe('17 Jul 2023 (inferred) Ukraine says advanced near Bakhmut (Seed article 3; Example Times) · this page’s story');
    expect(dialog.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toContain('GeoNames');
    expect(text).toContain('Mentioned in 1 stored article');
    expect(text).not.toContain('None is this page');
  });

  it('says when nothing in the library matches the page, instead of implying the events are its story', () => {
    const dialog = show({ type: 'entity', entityId: 'place:bakhmut', name: 'Bakhmut', kind: 'place', card: base });
    expect(dialog.textContent).toContain("None is this page's story: nothing in the library matches this page.");
    expect(dialog.textContent).not.toContain("In this page's story");
  });
});
