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
import { CASES, compileLexicon, extendLexiconData, KINDS, SEP, type LexiconData } from './compile';

export { compileLexicon, extendLexiconData, type LexiconData } from './compile';
export { cyrillicStem, cyrillicStemsOf } from './cyrillic';

// Local bindings (see spot.ts): avoids a getter per call under CommonJS interop.
const { foldName } = normalize;

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
  const lexicon: Lexicon = {
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
  compiledData.set(lexicon, data);
  return lexicon;
}

/** The compiled data each lexicon was built from, for `extendLexicon`. */
const compiledData = new WeakMap<Lexicon, LexiconData>();

/**
 * `lexicon` plus `entities`, compiling only the new ones (a library that learns
 * names article by article). Spots exactly as `buildLexicon([...lexicon's, ...entities])`.
 */
export function extendLexicon(lexicon: Lexicon, entities: readonly Entity[]): Lexicon {
  const base = compiledData.get(lexicon);
  return base ? lexiconFromData(extendLexiconData(base, entities)) : buildLexicon([...lexicon.entities.values(), ...entities]);
}

/** Compiles entities into a lexicon: `lexiconFromData(compileLexicon(entities))`. */
export function buildLexicon(entities: readonly Entity[]): Lexicon {
  return lexiconFromData(compileLexicon(entities));
}

/** Ids of the entities a name (any spelling, not a role) stands for, e.g. "Kiev" -> ["place:kyiv"]. */
export function lookupName(lexicon: Lexicon, name: string): readonly string[] {
  return lexicon.aliasIndex.get(foldName(name)) ?? [];
}
