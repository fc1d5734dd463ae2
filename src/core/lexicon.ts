/**
 * The compiled name matcher: every spelling of every known entity in one token
 * trie keyed by folded words.
 *
 * Hand-written because it is Parallax's core and runs on every article page:
 * one left-to-right pass over the text's tokens, walking this trie, costs one
 * Map lookup per word whatever the number of names, where one regex per name
 * (or one giant alternation) rescans the text per name and is an order of
 * magnitude slower with a few hundred entities; and folding (diacritics,
 * apostrophes, defence/defense) is done once per word instead of being
 * spelled out in every pattern.
 */
import type { Entity } from './types';
import { foldName, foldWord, gapCode, tokenize } from './normalize';

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
  /** Entity id to its folded context words. */
  readonly cuesByEntity: ReadonlyMap<string, readonly string[]>;
}

/** Words appended to place names as one mention: "Donetsk region" is Donetsk. */
const PLACE_SUFFIXES = ['region', 'province', 'oblast', 'district'];

/** Words of a phrase as folded keys with the gap code before each (first has none). */
function phraseKeys(phrase: string): string[] {
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

/** Adds an entry; two spellings of one key ("NATO", "Nato") keep the looser case rule. */
function addEntry(node: TrieNode, entry: AliasEntry): void {
  const list = (node.entries ??= []);
  const same = list.find((e) => e.entityId === entry.entityId && e.kind === entry.kind);
  if (!same) list.push(entry);
  else {
    if (STRICTNESS[entry.caps] < STRICTNESS[same.caps]) same.caps = entry.caps;
    same.dot ||= entry.dot;
  }
}

/** Case rule of an alias as written: acronyms need capitals, capitalised names an initial capital. */
function caseRule(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters.length <= 5 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'all';
  const first = letters.charAt(0);
  return first !== first.toLowerCase() ? 'initial' : 'none';
}

/**
 * Compiles entities into a lexicon. Names and aliases match as written
 * (capitalised ones need a capital); aliases listed in `ambiguous` need page
 * context; roles match alone only once the person is named, and before a name
 * as one mention ("deputy defence minister Hanna Malyar").
 */
export function buildLexicon(entities: readonly Entity[]): Lexicon {
  const root: TrieNode = {};
  const byId = new Map<string, Entity>();
  const aliasIndex = new Map<string, string[]>();
  const cuesByEntity = new Map<string, string[]>();
  for (const entity of entities) {
    if (byId.has(entity.id)) continue;
    byId.set(entity.id, entity);
    const ambiguous = new Set((entity.ambiguous ?? []).map(foldName));
    const names = [entity.name, ...entity.aliases, ...(entity.ambiguous ?? [])];
    const nameKeys: string[][] = [];
    for (const alias of names) {
      const keys = phraseKeys(alias);
      if (keys.length === 0) continue;
      const folded = keys.join('');
      const kind: AliasKind = ambiguous.has(folded) ? 'ambiguous' : 'name';
      const dot = /\.\s*$/.test(alias);
      const node = insertPath(root, keys);
      addEntry(node, { entityId: entity.id, kind, caps: caseRule(alias), dot });
      nameKeys.push(keys);
      const ids = aliasIndex.get(folded) ?? [];
      if (!ids.includes(entity.id)) aliasIndex.set(folded, [...ids, entity.id]);
      if (entity.kind === 'place') {
        for (const suffix of PLACE_SUFFIXES) {
          addEntry(insertPath(node, [' ' + suffix]), { entityId: entity.id, kind, caps: caseRule(alias), dot: false });
        }
      }
    }
    for (const role of entity.roles ?? []) {
      const roleKeys = phraseKeys(role);
      if (roleKeys.length === 0) continue;
      addEntry(insertPath(root, roleKeys), { entityId: entity.id, kind: 'role', caps: 'none', dot: false });
      // Role directly before any name: one unambiguous mention.
      for (const keys of nameKeys) {
        const joined = [...roleKeys, ' ' + keys[0]!.trimStart(), ...keys.slice(1)];
        addEntry(insertPath(root, joined), { entityId: entity.id, kind: 'name', caps: 'none', dot: false });
      }
    }
    const cues: string[] = [];
    for (const word of entity.context ?? []) {
      const keys = phraseKeys(word);
      if (keys.length === 0) continue;
      const node = insertPath(root, keys);
      if (!(node.cues ??= []).includes(entity.id)) node.cues.push(entity.id);
      cues.push(keys.join(''));
    }
    cuesByEntity.set(entity.id, cues);
  }
  return { entities: byId, root, aliasIndex, cuesByEntity };
}

/** Ids of the entities a name (any spelling, not a role) stands for, e.g. "Kiev" -> ["place:kyiv"]. */
export function lookupName(lexicon: Lexicon, name: string): readonly string[] {
  return lexicon.aliasIndex.get(foldName(name)) ?? [];
}
