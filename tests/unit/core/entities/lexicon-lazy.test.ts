import { describe, expect, it } from 'vitest';
import { buildLexicon, compileLexicon, extendLexicon, lexiconFromData, lookupName } from '../../../../src/core/entities';
import { loadGazetteer } from '../../../../src/core/library';
import { spotMentions } from '../../../../src/core/entities';

const entities = loadGazetteer();
/** What a content script receives: the compiled data after a trip through messaging. */
const received = () => lexiconFromData(JSON.parse(JSON.stringify(compileLexicon(entities))));
const text =
  'Ukrainian deputy defence minister Hanna Malyar said Russian forces shelled Bakhmut. ' +
  'Зеленський відвідав Бахмута околиці, said Kyiv; Volodymyr Zelenskiy spoke later.';

describe('lexicon rebuilt from compiled data', () => {
  it('fills the trie only for the first words a text asks for', () => {
    const lexicon = received();
    expect(lexicon.root.next!.size).toBe(0);
    spotMentions('Bakhmut was shelled.', lexicon);
    const filled = lexicon.root.next!.size;
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThan(5);
  });

  it("spots after a trip through messaging exactly what the background's lexicon spots, Cyrillic inflections included", () => {
    const eager = buildLexicon(entities); // built from live objects, all of it filled by the first spot
    const eagerMentions = spotMentions(text, eager);
    expect(spotMentions(text, received())).toEqual(eagerMentions);
    expect(eagerMentions.map((m) => m.surface)).toEqual(expect.arrayContaining(['Bakhmut', 'Бахмута', 'Volodymyr Zelenskiy']));
  });

  it('answers name lookups without a spot first', () => {
    expect(lookupName(received(), 'Kiev')).toEqual(['place:kyiv']);
  });
});

describe('a lexicon extended with new names', () => {
  const curated = entities.slice(0, 100);
  const later = entities.slice(100);

  it('spots and looks up exactly as one compiled from all the names at once, compiling only the new ones', () => {
    const whole = buildLexicon(entities);
    const base = buildLexicon(curated);
    const extended = extendLexicon(base, later);
    expect(spotMentions(text, extended)).toEqual(spotMentions(text, whole));
    expect(later.length).toBeGreaterThan(0);
    for (const e of later.slice(0, 20)) expect(lookupName(extended, e.name)).toEqual(lookupName(whole, e.name));
    expect([...extended.entities.keys()]).toEqual([...whole.entities.keys()]);
    // The lexicon extended from is unchanged.
    expect(base.entities.size).toBe(curated.length);
    for (const e of later.slice(0, 20)) expect(lookupName(base, e.name)).toEqual(lookupName(buildLexicon(curated), e.name));
  });

  it('keeps the first entity of an id given twice, as compiling the list would', () => {
    const renamed = { ...entities[0]!, name: 'Some Other Name', aliases: [] };
    const extended = extendLexicon(buildLexicon(entities), [renamed]);
    expect(extended.entities.get(renamed.id)).toEqual(entities[0]);
    expect(lookupName(extended, 'Some Other Name')).toEqual([]);
  });
});
