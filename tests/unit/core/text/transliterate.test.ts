import { describe, expect, it } from 'vitest';
import { buildLexicon, spotMentions } from '../../../../src/core/entities';
import { romanise } from '../../../../src/core/text';

import { loadGazetteer } from '../../../../src/core/library';

/**
 * Cyrillic names and the Latin spellings newsrooms print for them (English
 * national/BGN, German Duden, French press usage).
 */
const PAIRS: Array<[string, string[]]> = [
  ['Бахмут', ['Bakhmut', 'Bachmut', 'Bakhmout']],
  ['Ягідне', ['Yahidne', 'Jahidne']],
  ['Ягодное', ['Yagodnoye', 'Jagodnoje']],
  ['Берхівка', ['Berkhivka', 'Berchiwka']],
  ['Берховка', ['Berkhovka', 'Berchowka']],
  ['Харків', ['Kharkiv', 'Charkiw']],
  ['Запоріжжя', ['Zaporizhzhia', 'Saporischschja']],
  ['Зеленський', ['Zelenskyi', 'Selenskyj']],
  ['Київ', ['Kyiv']],
  ["Слов'янськ", ['Sloviansk', 'Slowjansk']],
  ['Соледар', ['Soledar']],
  ['Вугледар', ['Vuhledar', 'Wuhledar']],
  ['Авдіївка', ['Avdiivka', 'Awdijiwka']],
  ['Донецк', ['Donetsk', 'Donezk']],
];

describe('romanise', () => {
  it.each(PAIRS)('%s reads as %j', (cyrillic, expected) => {
    const spellings = romanise(cyrillic);
    for (const latin of expected) expect(spellings).toContain(latin);
  });

  it('leaves Latin names alone and keeps spaces and capitals', () => {
    expect(romanise('Bakhmut')).toEqual([]);
    expect(romanise('Часів Яр', ['en'])).toContain('Chasiv Yar');
  });
});

describe('spotting names in German, French and romanised Russian', () => {
  const lexicon = buildLexicon(loadGazetteer());
  const ids = (text: string) => spotMentions(text, lexicon).map((m) => `${m.surface}=${m.entityId}`);

  it('finds the places and people the gazetteer knows in Cyrillic', () => {
    expect(ids('Die russischen Truppen rücken auf Bachmut vor, auch Berchiwka und Jahidne sind umkämpft.')).toEqual([
      'Bachmut=place:bakhmut',
      'Berchiwka=place:berkhivka',
      'Jahidne=place:yahidne',
    ]);
    expect(ids('Les forces russes ont pris Yagodnoye, au nord de Bakhmout.')).toEqual([
      'Yagodnoye=place:yahidne',
      'Bakhmout=place:bakhmut',
    ]);
    expect(ids('Selenskyj besuchte Charkiw.')).toEqual(expect.arrayContaining(['Charkiw=place:kharkiv']));
  });
});
