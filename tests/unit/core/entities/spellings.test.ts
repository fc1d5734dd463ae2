import { describe, expect, it } from 'vitest';
import { spotMentions } from '../../../../src/core/entities';
import { lexicon, spot } from './spotting';

describe('spotMentions: spellings', () => {
  it.each([
    ['Kyiv', 'place:kyiv'],
    ['Kiev', 'place:kyiv'],
    ['Київ', 'place:kyiv'],
    ['Киев', 'place:kyiv'],
    ['Kharkiv', 'place:kharkiv'],
    ['Kharkov', 'place:kharkiv'],
    ['Харків', 'place:kharkiv'],
    ['Bakhmut', 'place:bakhmut'],
    ['Artemovsk', 'place:bakhmut'],
    ['Artemivsk', 'place:bakhmut'],
    ['Бахмут', 'place:bakhmut'],
    ['Zaporozhye', 'place:zaporizhzhia'],
    ['Lugansk', 'place:luhansk'],
    ['Ugledar', 'place:vuhledar'],
    ['Kupyansk', 'place:kupiansk'],
    ['Zelensky', 'person:volodymyr-zelensky'],
    ['Zelenskiy', 'person:volodymyr-zelensky'],
    ['Zelenskyy', 'person:volodymyr-zelensky'],
    ['Зеленський', 'person:volodymyr-zelensky'],
    ['Hanna Malyar', 'person:hanna-malyar'],
    ['Ganna Malyar', 'person:hanna-malyar'],
    ['Hanna Maliar', 'person:hanna-malyar'],
    ['RIA Novosti', 'org:ria-novosti'],
    ['Nato', 'org:nato'],
  ])('%s is %s', (name, id) => {
    expect(spot(`Reports from ${name} arrived late.`)).toEqual([`${name}=${id}`]);
  });

  it('folds diacritics and apostrophe styles', () => {
    expect(spot("Talks in Kijów and Słowiańsk… and Sloviansk, also Слов’янськ and Слов'янськ.")).toEqual([
      'Kijów=place:kyiv',
      'Sloviansk=place:sloviansk',
      'Слов’янськ=place:sloviansk',
      "Слов'янськ=place:sloviansk",
    ]);
  });

  it('keeps offsets into the original text', () => {
    const text = '«Zelenskyy» said – in Kharkiv’s centre';
    for (const m of spotMentions(text, lexicon)) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(spot(text)).toEqual(['Zelenskyy=person:volodymyr-zelensky', 'Kharkiv=place:kharkiv']);
  });

  it('matches defence and defense spellings of one organisation', () => {
    expect(spot('The Russian Defence Ministry and the Russian Defense Ministry and Russia’s defence ministry.')).toEqual([
      'Russian Defence Ministry=org:russian-defence-ministry',
      'Russian Defense Ministry=org:russian-defence-ministry',
      'Russia’s defence ministry=org:russian-defence-ministry',
    ]);
  });
});
