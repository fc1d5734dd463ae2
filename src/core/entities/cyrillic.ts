/**
 * Inflected Cyrillic names: Ukrainian and Russian decline nouns ("Бахмут",
 * "Бахмута", "Бахмуті"), so one-word Cyrillic names also match by stem.
 */
/** Case endings of Ukrainian and Russian nouns and adjectives that start with a consonant. */
const CYRILLIC_ENDINGS = ['ого', 'ому', 'ова', 'ові', 'ом', 'ах', 'ів', 'ам', 'им', 'ім', 'ми'];
export const CYRILLIC_WORD = /^[\u0400-\u04ff]{4,}$/;

/** A Cyrillic word without its final vowels (up to two): "зеленськии" -> "зеленськ". */
export function cyrillicStem(key: string): string {
  return key.replace(/[аеиоуыяюіїєйь]{1,2}$/, '');
}

/** Stems a folded Cyrillic word may inflect: "зеленського" -> "зеленськ", "росії" -> "рос". */
export function cyrillicStemsOf(key: string): string[] {
  const out = [cyrillicStem(key)];
  for (const ending of CYRILLIC_ENDINGS) if (key.endsWith(ending)) out.push(cyrillicStem(key.slice(0, -ending.length)));
  return out;
}
