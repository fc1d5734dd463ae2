import { describe, expect, it } from 'vitest';
import { analyzeIntoLibrary, analyzeWithOwnNames, LearningLexicon, loadGazetteer } from '../../../../src/core/library';

// A name the gazetteer does not know, introduced with a title (discovery's cue), then used bare.
const text =
  'Kyiv: President Zorian Velychko of the Tavrian Union said on Monday that talks would resume. ' +
  'Velychko spoke after meeting the Ukrainian defence minister in Kyiv.';

describe('one analysis for every way into the library', () => {
  it('spots the names an article introduces in the article itself', () => {
    const names = new LearningLexicon(loadGazetteer());
    const once = analyzeWithOwnNames({ text, origin: 'import' }, names.lexicon);
    const learnt = once.discovered.map((e) => e.id);
    expect(learnt.length).toBeGreaterThan(0);
    expect(once.mentions.some((m) => learnt.includes(m.entityId))).toBe(true);
  });

  it('gives the same analysis again once the library knows those names (idempotent re-imports)', () => {
    const names = new LearningLexicon(loadGazetteer());
    const first = analyzeIntoLibrary({ text, origin: 'import' }, names);
    const again = analyzeIntoLibrary({ text, origin: 'import' }, names);
    expect(again.mentions).toEqual(first.mentions);
    expect(again.claims).toEqual(first.claims);
  });

  it('teaches the next article what the last one introduced, keeping curated entries', () => {
    const gazetteer = loadGazetteer();
    const names = new LearningLexicon(gazetteer);
    const before = names.lexicon;
    const { discovered } = analyzeIntoLibrary({ text, origin: 'import' }, names);
    expect(names.lexicon).not.toBe(before);
    expect(names.entities.length).toBe(gazetteer.length + discovered.length);
    expect(names.learn(gazetteer)).toEqual([]);
  });
});
