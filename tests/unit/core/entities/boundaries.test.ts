import { describe, expect, it } from 'vitest';
import { spot } from './spotting';

describe('spotMentions: boundaries, case, possessives, longest match', () => {
  it('needs whole words', () => {
    expect(spot('Kyivstar customers and the Austinville fair; Bakhmutka river; NATOs.')).toEqual([]);
  });

  it('needs a capital for names, exact capitals for acronyms', () => {
    expect(spot('the kiev route, a un-related nato-ish idea')).toEqual([]);
    expect(spot('The UN and the U.S. disagreed; Un nouveau.')).toEqual(['UN=org:united-nations', 'U.S.=place:united-states']);
  });

  it('ignores names inside URLs, addresses and handles', () => {
    expect(spot('See https://news.example/Kiev/live, www.Kyiv.ua, @Kyiv or mail press@Kyiv.example')).toEqual([]);
    expect(spot('See news.example/Kiev/live, /Kiev/ and #Kyiv_news')).toEqual([]);
    expect(spot('Sources in Kyiv. Another in Kyiv, and Kyiv!')).toEqual(['Kyiv=place:kyiv', 'Kyiv=place:kyiv', 'Kyiv=place:kyiv']);
    expect(spot('The Kyiv/Kiev spelling and Kharkiv/Kharkov.')).toEqual([
      'Kyiv=place:kyiv',
      'Kiev=place:kyiv',
      'Kharkiv=place:kharkiv',
      'Kharkov=place:kharkiv',
    ]);
  });

  it('excludes the possessive from the surface', () => {
    expect(spot("Bakhmut's defenders and Kharkiv’s mayor, Zelenskyy's speech")).toEqual([
      'Bakhmut=place:bakhmut',
      'Kharkiv=place:kharkiv',
      'Zelenskyy=person:volodymyr-zelensky',
    ]);
  });

  it('prefers the longest match', () => {
    expect(spot('The Russian Defence Ministry said it hit the Donetsk region and Luhansk province.')).toEqual([
      'Russian Defence Ministry=org:russian-defence-ministry',
      'Donetsk region=place:donetsk',
      'Luhansk province=place:luhansk',
    ]);
    expect(spot('the General Staff of the Ukrainian Armed Forces said')).toEqual([
      'General Staff of the Ukrainian Armed Forces=org:ukraine-general-staff',
    ]);
    expect(spot('Russian President Vladimir Putin spoke.')).toEqual(['Russian President Vladimir Putin=person:vladimir-putin']);
  });

  it('does not join names across a paragraph break or punctuation', () => {
    expect(spot('Donetsk\n\nregion')).toEqual(['Donetsk=place:donetsk']);
    expect(spot('Hanna, Malyar')).toEqual([]);
  });

  it('finds Cyrillic names in Cyrillic text, inflected forms included', () => {
    expect(spot('Володимир Зеленський прибув до Харкова та Києва. Президент Путин, Бахмут.')).toEqual([
      'Володимир Зеленський=person:volodymyr-zelensky',
      'Харкова=place:kharkiv',
      'Києва=place:kyiv',
      'Путин=person:vladimir-putin',
      'Бахмут=place:bakhmut',
    ]);
    expect(spot('Підтримка Зеленського у Бахмуті; слова Путіна; бої біля Бахмута, у Москві та в Україні.')).toEqual([
      'Зеленського=person:volodymyr-zelensky',
      'Бахмуті=place:bakhmut',
      'Путіна=person:vladimir-putin',
      'Бахмута=place:bakhmut',
      'Москві=place:moscow',
      'Україні=place:ukraine',
    ]);
  });

  it('does not stem short or lower-case Cyrillic words into names', () => {
    expect(spot('Роса на траві; бахмута немає; Путівка.')).toEqual([]);
  });
});

describe('spotMentions: invisible characters inside words', () => {
  it('reads through soft hyphens and keeps them in the surface', () => {
    expect(spot('Russian President Vladi\u00admir V. Putin spoke; Bakh\u00admut held.')).toEqual([
      'Russian President Vladi\u00admir V. Putin=person:vladimir-putin',
      'Bakh\u00admut=place:bakhmut',
    ]);
  });
});
