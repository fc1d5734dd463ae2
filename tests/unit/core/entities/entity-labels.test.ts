import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spotMentions } from '../../../../src/core/entities';
import type { Mention } from '../../../../src/core/types';
import { lexicon } from './spotting';

/** The shared labelled fixture: surface names in the seeds that are one entity. */
interface Labels {
  seeds: Record<string, string>;
  entities: Array<{ name: string; surfaces: Array<{ seed: string; text: string }> }>;
}
const labels = JSON.parse(readFileSync('tests/corpus/labels.json', 'utf8')) as Labels;
const mentionsBySeed = new Map<string, { text: string; mentions: Mention[] }>();
for (const [seed, path] of Object.entries(labels.seeds)) {
  const text = readFileSync(path, 'utf8');
  mentionsBySeed.set(seed, { text, mentions: spotMentions(text, lexicon) });
}

/** Entity ids of the mentions covering the first word of each occurrence of `surface`. */
function idsAt(seed: string, surface: string): string[] {
  const { text, mentions } = mentionsBySeed.get(seed)!;
  const ids: string[] = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    const m = mentions.find((x) => x.start <= at && x.end > at);
    ids.push(m?.entityId ?? `(nothing at "${surface}")`);
  }
  return ids;
}

describe('labelled entity spellings in the seeds', () => {
  const resolved = labels.entities.map((group) => ({
    name: group.name,
    ids: new Set(group.surfaces.flatMap((s) => idsAt(s.seed, s.text))),
  }));

  it.each(resolved)('every labelled spelling of $name is one entity', ({ ids }) => {
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^(place|person|org):/);
  });

  it('different labelled names are different entities', () => {
    const ids = resolved.map((r) => [...r.ids][0]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
