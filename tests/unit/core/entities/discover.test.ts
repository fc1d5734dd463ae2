import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { discoverEntities } from '../../../../src/core/entities';
import { buildLexicon } from '../../../../src/core/entities';
import { lexicon, spot } from './spotting';

/** A made-up article: invented names, each introduced the way reporters do. */
const ARTICLE = `Kyiv: Russian forces shelled the village of Zorianivka on Tuesday, the Ukrainian military said.
Defence Ministry spokesman Igor Pavlenkov told reporters that troops had advanced near Sosnivka and Kalynove.
The Dnipro Rivers Research Council said it had documented the attacks. Regional governor Ostap Kovalchuk said two civilians were killed.
Taras Melnychenko, a military analyst, said fighting continued. Melnychenko said the enemy had regrouped.
Fighting also hit the Verkhnia Rudka district, and the Institute for the Study of Steppe Wars said losses were heavy.
Monday was quiet. However, Western officials say the fighting may slow. Russian troops fell back near Bakhmut.
Eastern Front Weekly Digest Of Latest Important Headlines
Green Hill said the harvest was good. Early morning shelling resumed.`;

describe('discoverEntities', () => {
  const found = discoverEntities(ARTICLE, [], lexicon);
  const byName = new Map(found.map((e) => [e.name, e]));

  it('finds cued people, places and organisations with kind:slug ids', () => {
    expect(byName.get('Zorianivka')?.id).toBe('place:zorianivka');
    expect(byName.get('Sosnivka')?.id).toBe('place:sosnivka');
    expect(byName.get('Kalynove')?.id).toBe('place:kalynove');
    expect(byName.get('Verkhnia Rudka')?.id).toBe('place:verkhnia-rudka');
    expect(byName.get('Igor Pavlenkov')?.id).toBe('person:igor-pavlenkov');
    expect(byName.get('Ostap Kovalchuk')?.id).toBe('person:ostap-kovalchuk');
    expect(byName.get('Taras Melnychenko')?.id).toBe('person:taras-melnychenko');
    expect(byName.get('Dnipro Rivers Research Council')?.kind).toBe('org');
    expect(byName.get('Institute for the Study of Steppe Wars')?.kind).toBe('org');
    for (const e of found) expect(e.origin).toBe('discovered');
  });

  it('gives new people their surname as an ambiguous alias', () => {
    expect(byName.get('Taras Melnychenko')?.ambiguous).toEqual(['Melnychenko']);
  });

  it('stays quiet on titles, demonyms, weekdays, headlines and uncued names', () => {
    const names = found.map((e) => e.name);
    for (const bad of [
      'Monday',
      'Western',
      'Russian',
      'Defence Ministry',
      'Regional',
      'Green Hill',
      'Early',
      'Eastern Front Weekly Digest',
    ]) {
      expect(names.some((n) => n.includes(bad))).toBe(false);
    }
    expect(found.length).toBe(9);
  });

  it('finds a person after an acronym-led title, but no org in an acronym-led name', () => {
    const found = discoverEntities(
      'On Monday UN Special Envoy Maria Ostrova said the ANZAC Day Commemoration Committee had met.',
      [],
      lexicon,
    );
    expect(found.map((e) => e.id)).toEqual(['person:maria-ostrova']);
  });

  it('takes a nationally qualified ministry but not a bare generic one', () => {
    const found = discoverEntities(
      'On Monday the Russian Foreign Ministry said that talks with the other side had stalled, and that the Foreign Ministry and the Armed Forces agreed on this.',
      [],
      lexicon,
    );
    expect(found.map((e) => e.id)).toEqual(['org:russian-foreign-ministry']);
  });

  it('never rediscovers a known entity, whatever the spelling', () => {
    const known = discoverEntities(
      'Fighting near Artemovsk and the village of Berkhivka; President Volodymyr Zelenskyy said so. The Wagner Group is there.',
      [],
      lexicon,
    );
    expect(known).toEqual([]);
  });

  it('discovers nothing new in the seed articles', () => {
    for (const file of readdirSync('seeds').filter((f) => f.endsWith('.txt'))) {
      expect(discoverEntities(readFileSync(`seeds/${file}`, 'utf8'), [], lexicon).map((e) => e.id)).toEqual([]);
    }
  });

  it('feeds the lexicon: discovered names are then spotted', () => {
    const grown = buildLexicon([...lexicon.entities.values(), ...found]);
    expect(spot('Igor Pavlenkov visited Zorianivka.', undefined, grown)).toEqual([
      'Igor Pavlenkov=person:igor-pavlenkov',
      'Zorianivka=place:zorianivka',
    ]);
  });

  it('uses sentence boundaries when given', () => {
    const text = 'Olena Marchuk said no. Officials said Olena Marchuk would travel. Marchuk said yes.';
    const sentences = [
      { index: 0, text: 'Olena Marchuk said no.', start: 0, end: 22 },
      { index: 1, text: 'Officials said Olena Marchuk would travel.', start: 23, end: 65 },
      { index: 2, text: 'Marchuk said yes.', start: 66, end: 83 },
    ];
    expect(discoverEntities(text, sentences, lexicon).map((e) => e.id)).toEqual(['person:olena-marchuk']);
    expect(discoverEntities('Olena Marchuk said no. Olena Marchuk said yes.', [], lexicon)).toEqual([]);
  });
});
