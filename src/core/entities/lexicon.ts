/**
 * The compiled name matcher: every spelling of every known entity in one token
 * trie keyed by folded words.
 *
 * Hand-written because it is Parallax's core and runs on every article page:
 * one left-to-right pass over the text's tokens costs a hashed-filter probe per
 * word (and a trie walk only for the few that can start a name) whatever the
 * number of names, where one regex per name rescans the text per name: with
 * ~200 entities that is about ten times slower on a 100 KB page
 * (bench/spot.ts), and folding (diacritics,
 * apostrophes, defence/defense) happens once per word instead of being spelled
 * out in every pattern.
 */
import type { Entity } from '../types';
import * as normalize from '../text';

// Local bindings (see spot.ts): avoids a getter per call under CommonJS interop.
const { foldName, foldWord, gapCode, isApostrophe, isWordCode, spellingVariants, tokenize } = normalize;

/** How a trie path stands for an entity. */
export type AliasKind = 'name' | 'ambiguous' | 'role';

/** Letter case a text match must have: none, an initial capital, or all capitals (acronyms). */
export type CaseRule = 'none' | 'initial' | 'all';

/** One entity reachable at a trie node. */
export interface AliasEntry {
  entityId: string;
  kind: AliasKind;
  caps: CaseRule;
  /** The alias ends with a full stop ("U.S."): include the text's stop in the mention. */
  dot: boolean;
  /** A place: "region", "province", "oblast" or "district" right after it joins the mention. */
  place: boolean;
}

/** A trie node; child keys are a gap code (' ' or '.', none at the root) plus a folded word. */
export interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: AliasEntry[];
  /** Entity ids for which the path is a context word. */
  cues?: string[];
}

/** A compiled lexicon: build once per entity list, share across pages. */
export interface Lexicon {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly root: TrieNode;
  /** Folded alias (see `foldName`) to the ids of entities it names, roles excluded. */
  readonly aliasIndex: ReadonlyMap<string, readonly string[]>;
  /** Bit set at `asciiWordHash(w)` for every ASCII word that starts a trie path: a cheap first filter (see `mayStartName`). */
  readonly rootFilter: Uint32Array;
  /** One-word Cyrillic names by stem (final vowel dropped), for inflected forms: "Бахмута", "Зеленського". */
  readonly cyrillicStems: ReadonlyMap<string, AliasEntry[]>;
}

/** Case endings of Ukrainian and Russian nouns and adjectives that start with a consonant. */
const CYRILLIC_ENDINGS = ['ого', 'ому', 'ова', 'ові', 'ом', 'ах', 'ів', 'ам', 'им', 'ім', 'ми'];
const CYRILLIC_WORD = /^[\u0400-\u04ff]{4,}$/;

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

function insertPath(root: TrieNode, keys: readonly string[]): TrieNode {
  let node = root;
  for (const key of keys) {
    node.next ??= new Map();
    let child = node.next.get(key);
    if (!child) node.next.set(key, (child = {}));
    node = child;
  }
  return node;
}

const STRICTNESS: Record<CaseRule, number> = { none: 0, initial: 1, all: 2 };

/** Adds an entry, returning the one kept; two spellings of one key ("NATO", "Nato") keep the looser case rule. */
function addEntry(node: TrieNode, entry: AliasEntry): AliasEntry {
  const list = (node.entries ??= []);
  const same = list.find((e) => e.entityId === entry.entityId && e.kind === entry.kind);
  if (!same) {
    list.push(entry);
    return entry;
  }
  if (STRICTNESS[entry.caps] < STRICTNESS[same.caps]) same.caps = entry.caps;
  same.dot ||= entry.dot;
  return same;
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

const KINDS: readonly AliasKind[] = ['name', 'ambiguous', 'role'];
const CASES: readonly CaseRule[] = ['none', 'initial', 'all'];
const SEP = '\u0001';

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
  const data: LexiconData = { format: 1, entities: [], paths: [], cues: [], stems: [], filter: [] };
  const seen = new Set<string>();
  const firstKeys = new Set<string>();
  for (const entity of entities) {
    if (seen.has(entity.id)) continue;
    seen.add(entity.id);
    const index = data.entities.push(entity) - 1;
    const ambiguous = entity.ambiguous?.length ? new Set(entity.ambiguous.map(foldName)) : undefined;
    const place = entity.kind === 'place' ? 32 : 0;
    for (const alias of [entity.name, ...entity.aliases, ...(entity.ambiguous ?? [])]) {
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

/**
 * The trie's root children, built one first word at a time on first lookup.
 * A page meets a few dozen of the lexicon's hundreds of first words, and a
 * content script starts cold on every page load: building only what the page
 * asks for keeps the lexicon off the page's main thread (issue #2's budget).
 */
class LazyRootMap extends Map<string, TrieNode> {
  constructor(private readonly fill: (firstKey: string) => void) {
    super();
  }

  override get(key: string): TrieNode | undefined {
    this.fill(key);
    return super.get(key);
  }
}

/** The first trie key of a compiled path. */
function firstKeyOf(path: string): string {
  const cut = path.indexOf(SEP);
  return cut < 0 ? path : path.slice(0, cut);
}

/** Rebuilds the matcher from compiled data (see `LexiconData`); no text work, and the trie fills lazily. */
export function lexiconFromData(data: LexiconData): Lexicon {
  const root: TrieNode = {};
  const byId = new Map<string, Entity>();
  for (const entity of data.entities) byId.set(entity.id, entity);
  // Path and cue indices grouped by their first key, waiting to be inserted.
  const pending = new Map<string, { paths: number[]; cues: number[] }>();
  const groupOf = (path: string) => {
    const first = firstKeyOf(path);
    let group = pending.get(first);
    if (!group) pending.set(first, (group = { paths: [], cues: [] }));
    return group;
  };
  for (let i = 0; i < data.paths.length; i++) groupOf(data.paths[i]![0]).paths.push(i);
  for (let i = 0; i < data.cues.length; i++) groupOf(data.cues[i]![0]).cues.push(i);
  const entries: AliasEntry[] = [];
  const fill = (first: string) => {
    const group = pending.get(first);
    if (!group) return;
    pending.delete(first); // before inserting: insertPath looks the key up again
    for (const i of group.paths) {
      const [path, index, flags] = data.paths[i]!;
      const entry: AliasEntry = {
        entityId: data.entities[index]!.id,
        kind: KINDS[flags & 3]!,
        caps: CASES[(flags >> 2) & 3]!,
        dot: (flags & 16) !== 0,
        place: (flags & 32) !== 0,
      };
      entries[i] = addEntry(insertPath(root, path.split(SEP)), entry);
    }
    for (const i of group.cues) {
      const [path, index] = data.cues[i]!;
      const entityId = data.entities[index]!.id;
      const node = insertPath(root, path.split(SEP));
      if (!(node.cues ??= []).includes(entityId)) node.cues.push(entityId);
    }
  };
  root.next = new LazyRootMap(fill);
  const rootFilter = new Uint32Array(1 << 15); // 2^20 bits: sparse even with tens of thousands of names
  for (const h of data.filter) rootFilter[h >>> 5]! |= 1 << (h & 31);
  let aliasIndex: Map<string, string[]> | undefined;
  let cyrillicStems: Map<string, AliasEntry[]> | undefined;
  return {
    entities: byId,
    root,
    rootFilter,
    // Inflected Cyrillic names are looked up by stem, not through the root: their words fill on first use.
    get cyrillicStems() {
      if (!cyrillicStems) {
        cyrillicStems = new Map();
        for (const [stem, pathIndex] of data.stems) {
          fill(firstKeyOf(data.paths[pathIndex]![0]));
          const entry = entries[pathIndex]!;
          const list = cyrillicStems.get(stem);
          if (!list) cyrillicStems.set(stem, [entry]);
          else if (!list.includes(entry)) list.push(entry);
        }
      }
      return cyrillicStems;
    },
    // Only the background's name lookups read these: built on first use.
    get aliasIndex() {
      if (!aliasIndex) {
        aliasIndex = new Map();
        for (const [path, index, flags] of data.paths) {
          if (KINDS[flags & 3] === 'role') continue;
          const folded = path.split(SEP).join('');
          const entityId = data.entities[index]!.id;
          const ids = aliasIndex.get(folded);
          if (!ids) aliasIndex.set(folded, [entityId]);
          else if (!ids.includes(entityId)) ids.push(entityId);
        }
      }
      return aliasIndex;
    },
  };
}

/** Compiles entities into a lexicon: `lexiconFromData(compileLexicon(entities))`. */
export function buildLexicon(entities: readonly Entity[]): Lexicon {
  return lexiconFromData(compileLexicon(entities));
}

/** Word offsets of a text and each plain ASCII word's `asciiWordHash`, apostrophes skipped (-1 for other words). */
export interface WordScan {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  /** Hash of the part before an apostrophe ("russia" in "Russia's"), else -1. */
  heads: Int32Array;
}

/**
 * 20-bit FNV-1a hash of an ASCII letters-and-digits word, lower-cased; -1 for
 * anything else. The spotter computes the same hash while scanning, so most
 * words are rejected without allocating a string.
 */
export function asciiWordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h ^ (h >>> 20)) & 0xfffff;
}

/** Scan buffers reused across calls (the spotter is called block by block; JS is single-threaded). */
let bufStarts = new Int32Array(4096);
let bufEnds = new Int32Array(4096);
let bufHashes = new Int32Array(4096);
let bufHeads = new Int32Array(4096);

/**
 * Word tokens as in `tokenize`, plus `asciiWordHash` of each plain ASCII word
 * (-1 for others), computed in the same pass: one loop, no per-word strings.
 * The arrays are shared buffers, valid until the next call: read, don't keep.
 */
export function scanWords(text: string): WordScan {
  const n = text.length;
  if (bufStarts.length < (n >> 1) + 2) {
    const size = (n >> 1) + 2;
    bufStarts = new Int32Array(size);
    bufEnds = new Int32Array(size);
    bufHashes = new Int32Array(size);
    bufHeads = new Int32Array(size);
  }
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128 ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) : !isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let head = -1;
    let plain = true;
    for (;;) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 122 || c < 48 || (c > 57 && c < 97)) plain = false;
      h = Math.imul(h ^ c, 0x01000193);
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : isWordCode(c)) continue;
      if (isApostrophe(c) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) {
        // Folding drops the mark, so the hash skips it; the part before it is the possessive's stem.
        if (head < 0 && c !== 0xad && (c < 0x200c || c > 0x200d) && c !== 0x2060) head = (h ^ (h >>> 20)) & 0xfffff;
        c = text.charCodeAt(++i);
        continue;
      }
      break;
    }
    bufStarts[count] = start;
    bufEnds[count] = i;
    bufHeads[count] = plain ? head : -1;
    bufHashes[count++] = plain ? (h ^ (h >>> 20)) & 0xfffff : -1;
  }
  return { count, starts: bufStarts, ends: bufEnds, hashes: bufHashes, heads: bufHeads };
}

/** True unless the filter proves that a word with this `asciiWordHash` starts no name (-1: unknown). */
export function mayStartName(filter: Uint32Array, hash: number): boolean {
  return hash < 0 || ((filter[hash >>> 5]! >>> (hash & 31)) & 1) === 1;
}

/** Ids of the entities a name (any spelling, not a role) stands for, e.g. "Kiev" -> ["place:kyiv"]. */
export function lookupName(lexicon: Lexicon, name: string): readonly string[] {
  return lexicon.aliasIndex.get(foldName(name)) ?? [];
}
