/**
 * Romanisations of Ukrainian and Russian names, so a page written in English,
 * German or French finds a place or person the gazetteer knows in Cyrillic:
 * Бахмут is Bakhmut, Bachmut and Bakhmout; Ягідне is Yahidne and Jahidne;
 * Ягодное (the Russian name) is Yagodnoye; Зеленський is Zelenskyi and
 * Selenskyj. The rules follow the systems newsrooms use: Ukraine's national
 * system (2010) and BGN/PCGN for English, Duden for German, the usual French
 * press spelling. Which language a name is in decides г (h in Ukrainian, g in
 * Russian) and и (y / i); when the letters do not tell, both are produced.
 *
 * Hand-written: no maintained npm package covers the German and French press
 * conventions for both languages, and the tables are small.
 */

/** A romanisation system. */
export type Romanisation = 'en' | 'de' | 'fr';
type Language = 'uk' | 'ru';

/** Letters common to both languages, per system. Lowercase; capitals are restored afterwards. */
const COMMON: Record<Romanisation, Record<string, string>> = {
  en: {
    а: 'a',
    б: 'b',
    в: 'v',
    д: 'd',
    з: 'z',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ж: 'zh',
    ь: '',
    ъ: '',
    "'": '',
    '’': '',
    ʼ: '',
  },
  de: {
    а: 'a',
    б: 'b',
    в: 'w',
    д: 'd',
    з: 's',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ж: 'sch',
    ь: '',
    ъ: '',
    "'": '',
    '’': '',
    ʼ: '',
  },
  fr: {
    а: 'a',
    б: 'b',
    в: 'v',
    д: 'd',
    з: 'z',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'ou',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ж: 'j',
    ь: '',
    ъ: '',
    "'": '',
    '’': '',
    ʼ: '',
  },
};

/** Letters that differ by language, per system. */
const BY_LANGUAGE: Record<Language, Record<Romanisation, Record<string, string>>> = {
  uk: {
    en: { г: 'h', ґ: 'g', е: 'e', є: 'ie', и: 'y', і: 'i', ї: 'i', й: 'i', ю: 'iu', я: 'ia' },
    de: { г: 'h', ґ: 'g', е: 'e', є: 'je', и: 'y', і: 'i', ї: 'ji', й: 'j', ю: 'ju', я: 'ja' },
    fr: { г: 'h', ґ: 'g', е: 'e', є: 'ie', и: 'y', і: 'i', ї: 'ï', й: 'i', ю: 'iou', я: 'ia' },
  },
  ru: {
    en: { г: 'g', е: 'e', ё: 'yo', и: 'i', й: 'y', ы: 'y', э: 'e', ю: 'yu', я: 'ya' },
    de: { г: 'g', е: 'e', ё: 'jo', и: 'i', й: 'j', ы: 'y', э: 'e', ю: 'ju', я: 'ja' },
    fr: { г: 'g', е: 'e', ё: 'io', и: 'i', й: 'ï', ы: 'y', э: 'e', ю: 'iou', я: 'ia' },
  },
};

/**
 * Iotated forms: at a word's start in Ukrainian's national system ("Yahidne" but
 * "Sloviansk"), at the start or after a vowel in Russian ("Yagodnoye", "Jagodnoje").
 */
const IOTATED_START: Record<Language, Record<Romanisation, Record<string, string>>> = {
  uk: { en: { й: 'y', ю: 'yu', я: 'ya', є: 'ye', ї: 'yi' }, de: {}, fr: {} },
  ru: { en: { е: 'ye' }, de: { е: 'je' }, fr: {} },
};

const VOWELS = new Set('аеєиіїоуыэюяё');
const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Ukrainian letters in Latin as the national system writes them inside a word
 * (no iotated forms), Cyrillic keys only: the base of `slugify`'s table.
 */
export const UKRAINIAN_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({ ...COMMON.en, ...BY_LANGUAGE.uk.en }).filter(([letter]) => CYRILLIC.test(letter)),
);

/** The languages a Cyrillic word may be in, from the letters only one of them has. */
function languagesOf(word: string): Language[] {
  const lower = word.toLowerCase();
  if (/[ієїґ]/.test(lower)) return ['uk'];
  if (/[ыэёъ]/.test(lower)) return ['ru'];
  return ['uk', 'ru'];
}

function romaniseAs(word: string, language: Language, system: Romanisation): string {
  const common = COMMON[system];
  const own = BY_LANGUAGE[language][system];
  const iotated = IOTATED_START[language][system];
  let out = '';
  let previous = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const atStart = !previous || !CYRILLIC.test(previous);
    const afterVowel = VOWELS.has(previous);
    const iotates = atStart || (language === 'ru' && afterVowel);
    let latin = iotates && iotated[lower] !== undefined ? iotated[lower] : (own[lower] ?? common[lower]);
    // German writes a single s between vowels as ss ("Saporischschja" keeps its sch; "Odessa").
    if (system === 'de' && lower === 'с' && afterVowel) latin = 'ss';
    if (latin === undefined) latin = ch;
    else if (lower !== ch && latin) latin = latin[0]!.toUpperCase() + latin.slice(1);
    out += latin;
    previous = lower;
  }
  return out;
}

/**
 * Latin spellings of a Cyrillic name in the given systems (every language the
 * letters allow), each once; an empty list for a name with no Cyrillic.
 */
export function romanise(name: string, systems: readonly Romanisation[] = ['en', 'de', 'fr']): string[] {
  if (!CYRILLIC.test(name)) return [];
  const out = new Set<string>();
  for (const language of languagesOf(name)) {
    for (const system of systems) {
      const latin = name.replace(/[\u0400-\u04ff'’ʼ]+/g, (word) => romaniseAs(word, language, system));
      if (!CYRILLIC.test(latin)) out.add(latin);
    }
  }
  return [...out];
}
