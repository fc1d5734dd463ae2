/**
 * Compiling entities into the lexicon's JSON-safe form: every alias, role and
 * context word tokenised, folded and case-analysed once, in the background;
 * `lexiconFromData` (lexicon.ts) then only fills maps.
 */
import type { Entity } from '../types';
import * as normalize from '../text';
import type { AliasKind, CaseRule } from './lexicon';
import { cyrillicStem, CYRILLIC_WORD } from './cyrillic';
import { asciiWordHash } from './wordScan';

/**
 * The aliases plus the English, German and French romanisations of each
 * Cyrillic one ("Бахмут" also as "Bachmut", "Bakhmout"), each once; a
 * romanisation of an ambiguous alias is ambiguous too (added to `ambiguous`).
 */
function withRomanisations(aliases: readonly string[], ambiguous: Set<string>): string[] {
  const out = new Set(aliases);
  for (const alias of aliases) {
    for (const latin of romanise(alias)) {
      if (out.has(latin)) continue;
      out.add(latin);
      if (ambiguous.has(foldName(alias))) ambiguous.add(foldName(latin));
    }
  }
  return [...out];
}

// Local bindings (see spot.ts): avoids a getter per call under CommonJS interop.
const { foldName, foldWord, gapCode, isWordCode, romanise, spellingVariants, tokenize } = normalize;

export const KINDS: readonly AliasKind[] = ['name', 'ambiguous', 'role'];
export const CASES: readonly CaseRule[] = ['none', 'initial', 'all'];
export const SEP = '\u0001';

/** Words of a phrase as folded keys with the gap code before each (first has none). */
function phraseKeys(phrase: string): string[] {
  let single = phrase.length > 0;
  for (let i = 0; i < phrase.length && single; i++) single = isWordCode(phrase.charCodeAt(i));
  if (single) return [foldWord(phrase)]; // most aliases are one plain word
  const { starts, ends } = tokenize(phrase);
  const keys: string[] = [];
  for (let t = 0; t < starts.length; t++) {
    const gap = t === 0 ? '' : gapCode(phrase, ends[t - 1]!, starts[t]!) || ' ';
    keys.push(gap + foldWord(phrase.slice(starts[t], ends[t])));
  }
  return keys;
}

/** Case rule of an alias as written: acronyms need capitals, capitalised names an initial capital. */
function caseRule(alias: string): CaseRule {
  let letters = 0;
  let upper = 0;
  let firstUpper = -1;
  for (let i = 0; i < alias.length; i++) {
    const c = alias.charCodeAt(i);
    let isUpper: boolean;
    if (c >= 65 && c <= 90) isUpper = true;
    else if (c >= 97 && c <= 122) isUpper = false;
    else if (c < 128) continue;
    else if (c >= 0x400 && c < 0x460)
      isUpper = c < 0x430; // Cyrillic: Ѐ-Я upper, а-џ lower
    else {
      const ch = alias.charAt(i);
      const lower = ch.toLowerCase();
      if (lower === ch && ch.toUpperCase() === ch) continue; // not a cased letter
      isUpper = lower !== ch;
    }
    letters++;
    if (isUpper) upper++;
    if (firstUpper < 0) firstUpper = isUpper ? 1 : 0;
  }
  if (letters >= 2 && letters <= 5 && upper === letters) return 'all';
  return firstUpper === 1 ? 'initial' : 'none';
}

/**
 * A lexicon compiled to JSON-safe data, with all tokenising, folding and case
 * analysis done. The background compiles once and sends this to content
 * scripts: `lexiconFromData` then only fills maps, which matters on a cold
 * page where every function still runs in the interpreter.
 */
export interface LexiconData {
  format: 1;
  entities: Entity[];
  /** [trie path (keys joined by U+0001), entity index, flags: kind | caps << 2 | dot << 4 | place << 5]. */
  paths: Array<[string, number, number]>;
  /** [trie path, entity index] of context words. */
  cues: Array<[string, number]>;
  /** [stem, index into `paths`] for one-word Cyrillic names. */
  stems: Array<[string, number]>;
  /** `asciiWordHash` of every word that can start a path. */
  filter: number[];
}

/**
 * Compiles entities: names and aliases match as written (capitalised ones
 * need a capital); aliases listed in `ambiguous` need page context; roles
 * match alone only once the person is named, and before a name as one
 * mention ("deputy defence minister Hanna Malyar", joined by the spotter).
 */
export function compileLexicon(entities: readonly Entity[]): LexiconData {
  return extendLexiconData({ format: 1, entities: [], paths: [], cues: [], stems: [], filter: [] }, entities);
}

/**
 * `data` plus `entities` (ids already in `data` skipped), as new arrays: a
 * growing library compiles each name once instead of the whole lexicon after
 * every article that brings a new one. A lexicon from `extendLexiconData(compileLexicon(a), b)`
 * spots exactly as one from `compileLexicon([...a, ...b])`; a lexicon built from `base` is unaffected.
 */
export function extendLexiconData(base: LexiconData, entities: readonly Entity[]): LexiconData {
  const data: LexiconData = {
    format: 1,
    entities: [...base.entities],
    paths: [...base.paths],
    cues: [...base.cues],
    stems: [...base.stems],
    filter: [...base.filter],
  };
  const seen = new Set<string>(base.entities.map((e) => e.id));
  const firstKeys = new Set<string>();
  for (const entity of entities) {
    if (seen.has(entity.id)) continue;
    seen.add(entity.id);
    const index = data.entities.push(entity) - 1;
    const ambiguous = new Set((entity.ambiguous ?? []).map(foldName));
    const place = entity.kind === 'place' ? 32 : 0;
    for (const alias of withRomanisations([entity.name, ...entity.aliases, ...(entity.ambiguous ?? [])], ambiguous)) {
      const keys = phraseKeys(alias);
      // "The Washington Post" is indexed as "Washington Post": "the" is the commonest word, and
      // a root entry for it would send every "the" on a page down the trie.
      if (keys.length > 1 && keys[0] === 'the') keys.splice(0, 2, keys[1]!.slice(1));
      if (keys.length === 0) continue;
      const folded = keys.join('');
      const kind = ambiguous?.has(folded) ? 1 : 0;
      const dot = alias.charCodeAt(alias.length - 1) === 46 ? 16 : 0;
      data.paths.push([keys.join(SEP), index, kind | (CASES.indexOf(caseRule(alias)) << 2) | dot | place]);
      firstKeys.add(keys[0]!);
      if (keys.length === 1 && CYRILLIC_WORD.test(folded)) {
        const stem = cyrillicStem(folded);
        if (stem.length >= 4) data.stems.push([stem, data.paths.length - 1]);
      }
    }
    for (const role of entity.roles ?? []) {
      const keys = phraseKeys(role);
      if (keys.length) data.paths.push([keys.join(SEP), index, 2 | place]);
      if (keys.length) firstKeys.add(keys[0]!);
    }
    for (const word of entity.context ?? []) {
      const keys = phraseKeys(word);
      if (keys.length) data.cues.push([keys.join(SEP), index]);
      if (keys.length) firstKeys.add(keys[0]!);
    }
  }
  for (const key of firstKeys) {
    for (const word of [key, ...spellingVariants(key)]) {
      const h = asciiWordHash(word);
      if (h >= 0) data.filter.push(h);
    }
  }
  return data;
}
