/**
 * Finds mentions of known entities in text: one pass over the tokens, walking
 * the lexicon's trie from each word (see `lexicon.ts` for why this is
 * hand-written rather than regex-based).
 *
 *   text ─► tokens ─► trie walk per token ─► longest candidate ─┬─ name: accept now
 *                                  │                            └─ ambiguous/role: defer
 *                                  └─ context words seen ─► SpotContext ─► resolve deferred at block end
 */
import type { Mention } from '../types';
import * as lexiconModule from './lexicon';
import * as wordScanModule from './wordScan';
import type { AliasEntry, Lexicon, TrieNode } from './lexicon';
import * as normalize from '../text';
import { urlish } from './urlish';

// Local bindings: some module loaders (tsx's CommonJS interop) turn every call to an imported
// function into a property getter, which dominated the hot loops here.
const { foldWord, gapCode, isApostrophe } = normalize;
const { cyrillicStemsOf } = lexiconModule;
const { scanWords, mayStartName } = wordScanModule;

/** Capitalised words that may stand next to an ambiguous alias without making it part of another name. */
const NEIGHBOURS_OK = new Set(
  (
    'in at on from to the and but as for of by with when while after before since if then so or ' +
    'mr mrs ms dr president minister secretary general gen governor mayor senator chancellor spokesman colonel deputy ' +
    'defense foreign prime monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december said says told'
  ).split(' '),
);

/** Words that join the place name before them into one mention: "Donetsk region". */
const PLACE_SUFFIXES = new Set(['region', 'province', 'oblast', 'district']);

/**
 * Page-level disambiguation state carried across successive calls (the
 * content script spots a page block by block, in time slices).
 */
export interface SpotContext {
  /** Entities already named on the page by an unambiguous spelling. */
  seen: Set<string>;
  /** Folded context words seen on the page so far. */
  words: Set<string>;
  /** Entities whose context words have been seen. */
  cued: Set<string>;
}

/** A fresh context for one page (or one article). */
export function createSpotContext(): SpotContext {
  return { seen: new Set(), words: new Set(), cued: new Set() };
}

interface Candidate {
  start: number;
  end: number;
  /** Index of the candidate's last token. */
  last: number;
  entries: AliasEntry[];
}

function isUpper(text: string, at: number): boolean {
  const ch = text.charAt(at);
  return ch !== ch.toLowerCase();
}

/** Entries whose case rule the surface satisfies. */
function caseFits(entries: AliasEntry[], text: string, start: number, end: number): AliasEntry[] {
  return entries.filter((e) => {
    if (e.caps === 'none') return true;
    if (!isUpper(text, start)) return false;
    if (e.caps === 'initial') return true;
    const s = text.slice(start, end);
    return s === s.toUpperCase();
  });
}

/** Score of an entry given what the page has shown: 0 means not acceptable. */
function score(entry: AliasEntry, ctx: SpotContext, final: boolean): number {
  if (entry.kind === 'name') return 2;
  if (ctx.seen.has(entry.entityId)) return 3;
  if (entry.kind === 'ambiguous' && final && ctx.cued.has(entry.entityId)) return 1;
  return 0;
}

function best(entries: AliasEntry[], ctx: SpotContext, final: boolean): AliasEntry | undefined {
  let top: AliasEntry | undefined;
  let topScore = 0;
  for (const e of entries) {
    const s = score(e, ctx, final);
    if (s > topScore) {
      top = e;
      topScore = s;
    }
  }
  return top;
}

function noteCues(node: TrieNode, key: string, ctx: SpotContext): void {
  if (!node.cues) return;
  ctx.words.add(key);
  for (const id of node.cues) ctx.cued.add(id);
}

/** One call's view of the text: tokens, lazily folded keys, the lexicon and page context. */
interface Scan {
  text: string;
  n: number;
  starts: Int32Array;
  ends: Int32Array;
  keyAt(t: number): string;
  lexicon: Lexicon;
  context: SpotContext;
}

/**
 * Finds known entities in `text`. Longest match wins; an ambiguous alias or a
 * bare role counts only when `context` (the page so far, or this block) has
 * named the entity or shown one of its context words. Offsets are into `text`.
 */
export function spotMentions(text: string, lexicon: Lexicon, context: SpotContext = createSpotContext()): Mention[] {
  const { count: n, starts, ends, hashes, heads } = scanWords(text);
  const keys: string[] = new Array(n);
  const keyAt = (t: number) => (keys[t] ??= foldWord(text.slice(starts[t], ends[t])));
  const scan: Scan = { text, n, starts, ends, keyAt, lexicon, context };
  const filter = lexicon.rootFilter;
  const mentions: Mention[] = [];
  const deferred: Candidate[] = [];
  let freeFrom = 0; // first token not inside an accepted or deferred match
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    // A plain word that starts no name or context word (nor does its possessive stem).
    if (h >= 0 && ((filter[h >>> 5]! >>> (h & 31)) & 1) === 0 && !(heads[i]! >= 0 && mayStartName(filter, heads[i]!))) continue;
    const candidates = walk(scan, i);
    if (candidates.length === 0 || i < freeFrom) continue;
    joinRoleToName(scan, candidates);
    dropHemmedAmbiguous(scan, i, candidates);
    const pick = choose(candidates, text, context);
    if (!pick) continue;
    let { end } = pick.candidate;
    if (pick.entries.some((e) => e.dot) && text.charCodeAt(end) === 46) end++;
    const found = { start: starts[i]!, end, last: pick.candidate.last, entries: pick.entries };
    if (pick.accepted) accept(found, pick.accepted, text, mentions, context);
    else deferred.push(found);
    while (freeFrom < n && starts[freeFrom]! < end) freeFrom++;
  }
  for (const cand of deferred) {
    const entry = best(cand.entries, context, true);
    if (entry) accept(cand, entry, text, mentions, context);
  }
  return deferred.length ? mentions.sort((a, b) => a.start - b.start) : mentions;
}

/** Every trie match starting at token i, shortest first; notes context words on the way. */
function walk(scan: Scan, i: number): Candidate[] {
  const { text, n, starts, ends, keyAt, context } = scan;
  const start = starts[i]!;
  const candidates: Candidate[] = [];
  let parent: TrieNode = scan.lexicon.root;
  let prefix = ''; // gap code before token j ('' at the root)
  let path = '';
  for (let j = i; j < n; j++) {
    const key = keyAt(j);
    const end = ends[j]!;
    // Possessive: "Bakhmut's" also tries "Bakhmut", the mention excluding "'s".
    const c = text.charCodeAt(end - 1);
    if ((c === 115 || c === 83) && end - starts[j]! > 2 && isApostrophe(text.charCodeAt(end - 2))) {
      const stem = parent.next?.get(prefix + key.slice(0, -1));
      if (stem) noteCues(stem, path + prefix + key.slice(0, -1), context);
      if (stem?.entries) candidates.push({ start, end: end - 2, last: j, entries: stem.entries });
    }
    const node = parent.next?.get(prefix + key);
    if (!node) {
      if (j === i && key.length > 4 && key.charCodeAt(0) >= 0x400 && key.charCodeAt(0) < 0x500) {
        const stemmed = inflected(scan.lexicon, key);
        if (stemmed) candidates.push({ start, end, last: j, entries: stemmed });
      }
      break;
    }
    path += prefix + key;
    noteCues(node, path, context);
    if (node.entries) {
      candidates.push({ start, end, last: j, entries: node.entries });
      // "Donetsk region": the region word joins a place's mention.
      if (j + 1 < n && PLACE_SUFFIXES.has(keyAt(j + 1)) && gapCode(text, end, starts[j + 1]!) === ' ') {
        const places = node.entries.filter((e) => e.place);
        if (places.length) candidates.push({ start, end: ends[j + 1]!, last: j + 1, entries: places });
      }
    }
    if (!node.next || j + 1 >= n) break;
    prefix = gapCode(text, end, starts[j + 1]!);
    if (!prefix) break;
    parent = node;
  }
  return candidates.sort((a, b) => a.end - b.end);
}

/** Entries of a one-word Cyrillic name that `key` inflects ("бахмута" -> Bakhmut), if any. */
function inflected(lexicon: Lexicon, key: string): AliasEntry[] | undefined {
  for (const stem of cyrillicStemsOf(key)) {
    const entries = stem.length >= 4 ? lexicon.cyrillicStems.get(stem) : undefined;
    if (entries) return entries;
  }
  return undefined;
}

/**
 * A role right before a name of the same person ("deputy defence minister
 * Hanna Malyar", "… Malyar") becomes one unambiguous candidate spanning both,
 * unless the role opens with another entity's name ("US Defense Secretary
 * Lloyd Austin"): then both are kept as separate mentions.
 */
function joinRoleToName(scan: Scan, candidates: Candidate[]): void {
  const { text, n, starts } = scan;
  const roleIds = new Set(candidates.flatMap((c) => c.entries.filter((e) => e.kind === 'role').map((e) => e.entityId)));
  if (roleIds.size === 0) return;
  if (candidates.some((c) => c.entries.some((e) => e.kind === 'name' && !roleIds.has(e.entityId)))) return;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const role = candidates[k]!;
    const roles = role.entries.filter((e) => e.kind === 'role');
    if (roles.length === 0) continue;
    const next = role.last + 1;
    if (next >= n || gapCode(text, role.end, starts[next]!) !== ' ') continue;
    for (const name of walk(scan, next).reverse()) {
      const entry = name.entries.find((e) => e.kind !== 'role' && roles.some((r) => r.entityId === e.entityId));
      if (!entry) continue;
      candidates.push({ start: role.start, end: name.end, last: name.last, entries: [{ ...entry, kind: 'name', caps: 'none' }] });
      return;
    }
  }
}

/**
 * An ambiguous alias flanked by another capitalised word ("Anthony Wallace",
 * "George Washington", "Austin Butler") is part of someone else's name: its
 * ambiguous entries are dropped, whatever the page context says.
 */
function dropHemmedAmbiguous(scan: Scan, i: number, candidates: Candidate[]): void {
  const { text, n, starts, ends, keyAt } = scan;
  const nameLike = (t: number, gapFrom: number, gapTo: number) => {
    if (t < 0 || t >= n || gapCode(text, gapFrom, gapTo) !== ' ' || text.slice(gapFrom, gapTo).includes('\n')) return false;
    const ch = text.charAt(starts[t]!);
    if (ch === ch.toLowerCase() || NEIGHBOURS_OK.has(keyAt(t))) return false;
    const end = ends[t]!;
    return !(text.charCodeAt(end - 1) === 115 && isApostrophe(text.charCodeAt(end - 2))); // "Russia's Wagner"
  };
  const before = i > 0 && nameLike(i - 1, ends[i - 1]!, starts[i]!);
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k]!;
    if (!c.entries.some((e) => e.kind === 'ambiguous')) continue;
    const after = c.last + 1 < n && c.end === ends[c.last] && nameLike(c.last + 1, c.end, starts[c.last + 1]!);
    if (!before && !after) continue;
    const kept = c.entries.filter((e) => e.kind !== 'ambiguous');
    if (kept.length) candidates[k] = { ...c, entries: kept };
    else candidates.splice(k, 1);
  }
}

/** Longest candidate that is a name or resolvable now; else the longest one, deferred. */
function choose(
  candidates: Candidate[],
  text: string,
  ctx: SpotContext,
): { candidate: Candidate; entries: AliasEntry[]; accepted?: AliasEntry } | undefined {
  let fallback: { candidate: Candidate; entries: AliasEntry[] } | undefined;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const candidate = candidates[k]!;
    if (urlish(text, candidate.start, candidate.end)) continue;
    const entries = caseFits(candidate.entries, text, candidate.start, candidate.end);
    if (entries.length === 0) continue;
    const accepted = best(entries, ctx, false);
    if (accepted) return { candidate, entries, accepted };
    fallback ??= { candidate, entries };
  }
  return fallback;
}

function accept(c: Candidate, entry: AliasEntry, text: string, out: Mention[], ctx: SpotContext): void {
  out.push({ entityId: entry.entityId, surface: text.slice(c.start, c.end), start: c.start, end: c.end });
  ctx.seen.add(entry.entityId);
}
