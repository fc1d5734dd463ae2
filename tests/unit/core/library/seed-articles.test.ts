import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSpotContext, spotMentions } from '../../../../src/core/entities';
import { lexicon } from '../entities/spotting';

/** Written from reading the seeds: the entities each one names (cross-link headlines included). */
const EXPECTED: Record<string, string[]> = {
  '000_826d5e328693e3b0.txt': [
    'place:new-delhi',
    'org:russian-defence-ministry',
    'place:luhansk',
    'org:reuters',
    'org:telegram',
    'person:hanna-malyar',
    'person:leonardo-da-vinci',
    'place:kyiv',
    'place:russia',
    'place:bakhmut',
    'place:donetsk',
    'org:ukraine-general-staff',
    'place:kharkiv',
  ],
  '001_b58e3ea9cd305f57.txt': [
    'place:kyiv',
    'org:nato',
    'place:ukraine',
    'place:russia',
    'org:russian-defence-ministry',
    'place:luhansk',
    'org:reuters',
    'org:telegram',
    'place:kabul',
    'org:taliban',
    'org:islamic-state',
    'org:kremlin',
    'place:donetsk',
    'place:bakhmut',
    'org:ukraine-general-staff',
    'place:vuhledar',
    'person:volodymyr-zelensky',
    'place:brussels',
    'place:kramatorsk',
    'place:sloviansk',
    'person:oleh-zhdanov',
    'org:youtube',
    'place:united-states',
    'person:lloyd-austin',
    'person:boris-pistorius',
    'place:kherson',
    'place:zaporizhzhia',
    'person:joe-biden',
    'place:israel',
    'org:united-nations',
    'org:federation-council',
    'org:ria-novosti',
    'place:crimea',
    'place:washington-dc',
  ],
  '002_63fd9caf96d9613e.txt': [
    'place:ukraine',
    'place:bakhmut',
    'place:united-states',
    'place:kyiv',
    'person:hanna-malyar',
    'place:kupiansk',
    'place:kharkiv',
    'person:vladimir-putin',
    'person:andriy-yermak',
    'place:russia',
    'place:moscow',
  ],
  '003_e80530d7726bb50a.txt': [
    'place:bakhmut',
    'place:united-states',
    'place:russia',
    'person:vladimir-putin',
    'person:antony-blinken',
    'place:central-asia',
    'org:g20',
    'place:india',
    'place:donetsk',
    'person:volodymyr-zelensky',
    'place:ukraine',
    'org:associated-press',
    'person:oleh-zhdanov',
    'place:berkhivka',
    'place:yahidne',
    'org:reuters',
    'org:ria-novosti',
    'org:wagner-group',
  ],
};

describe('spotting the seed articles', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`finds exactly the named entities of ${file}`, () => {
      const text = readFileSync(`seeds/${file}`, 'utf8');
      const mentions = spotMentions(text, lexicon, createSpotContext());
      for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
      expect(new Set(mentions.map((m) => m.entityId))).toEqual(new Set(expected));
    });
  }

  it('resolves bare surnames and roles in the seeds to the person named earlier', () => {
    const text = readFileSync('seeds/002_63fd9caf96d9613e.txt', 'utf8');
    const surfaces = spotMentions(text, lexicon).map((m) => `${m.surface}=${m.entityId}`);
    expect(surfaces).toContain('Malyar=person:hanna-malyar');
    expect(surfaces).toContain('head of the presidential office=person:andriy-yermak');
    expect(surfaces).toContain('Kharkov region=place:kharkiv');
  });
});
