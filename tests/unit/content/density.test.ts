// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DensityFilter } from '../../../src/content/density';
import type { HighlightEntry, NameEntry } from '../../../src/content/rangeIndex';

/** A name entry in its own block element (only what the filter reads). */
function name(entityId: string, surface: string, element: Element): NameEntry {
  return { kind: 'place', entityId, surface, block: { element }, start: 0, end: surface.length } as unknown as NameEntry;
}

describe('DensityFilter', () => {
  const p1 = document.createElement('p');
  const p2 = document.createElement('p');

  it('paints the first mention of each spelling and counts the rest', () => {
    const filter = new DensityFilter();
    const fresh = [
      name('place:kyiv', 'Kyiv', p1),
      name('place:kyiv', 'Kyiv', p1),
      name('place:kyiv', 'Kiev', p2),
      name('place:kyiv', 'kyiv', p2),
    ];
    expect(filter.keep(fresh).map((e) => (e as NameEntry).surface)).toEqual(['Kyiv', 'Kiev']);
    expect(filter.quietCounts().get('place:kyiv')).toBe(2);
  });

  it('keeps claims and, at density "all", every name', () => {
    const claim = { kind: 'claim', key: 'k', block: { element: p1 } } as unknown as HighlightEntry;
    const filter = new DensityFilter();
    expect(filter.keep([claim, claim])).toHaveLength(2);
    expect(new DensityFilter('all').keep([name('place:kyiv', 'Kyiv', p1), name('place:kyiv', 'Kyiv', p1)])).toHaveLength(2);
  });

  it('at density "off" paints no name, counts every mention, and still paints claims', () => {
    const claim = { kind: 'claim', key: 'k', block: { element: p1 } } as unknown as HighlightEntry;
    const filter = new DensityFilter('off');
    expect(filter.keep([name('place:kyiv', 'Kyiv', p1), claim, name('place:kyiv', 'Kiev', p2)])).toEqual([claim]);
    expect(filter.quietCounts().get('place:kyiv')).toBe(2);
  });

  it('paints a spelling again once its painted mention is gone, and drops quiet counts of rescanned blocks', () => {
    const filter = new DensityFilter();
    const first = name('place:kyiv', 'Kyiv', p1);
    filter.keep([first, name('place:kyiv', 'Kyiv', p2)]);
    filter.forget([first], [p2], false);
    expect(filter.quietCounts().get('place:kyiv')).toBeUndefined();
    expect(filter.keep([name('place:kyiv', 'Kyiv', p2)])).toHaveLength(1);
    filter.forget([], [], true);
    expect(filter.keep([name('place:kyiv', 'Kyiv', p1)])).toHaveLength(1);
  });
});
