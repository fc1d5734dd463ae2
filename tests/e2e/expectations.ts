/**
 * What the fixture pages should show, derived from the fixtures themselves
 * where possible (seed text, claim labels, gazetteer) rather than typed in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './support/server';

/** Names the demo article (seed 001) must get highlighted, by highlight. */
export const seedArticleNames: Record<string, string[]> = {
  'parallax-place': ['Bakhmut', 'Luhansk', 'Donetsk', 'Kramatorsk', 'Vuhledar'],
  'parallax-person': ['Zelensky', 'Lloyd Austin', 'Boris Pistorius'],
  'parallax-org': ['NATO', 'Reuters'],
};

/** Words in the demo article that name no known entity: never highlighted as a name. */
export const seedArticleNonNames = ['Wednesday', 'February', 'Also read', 'offensive', 'fighter jets'];

/** Known names that the demo page shows only in its "Also read" asides (links to other stories): never highlighted. */
export const seedArticleBoxNames = ['Kabul', 'Taliban', 'Israel', 'Biden'];

/** The older spellings of article-spellings.html. */
export const spellingNames: Record<string, string[]> = {
  'parallax-place': ['Kiev', 'Kharkov', 'Bakhmut'],
  'parallax-person': ['Zelenskiy'],
};

/** Text of the seed with file prefix `prefix` (e.g. "001"). */
export function seedText(prefix: string): string {
  const file = readdirSync(path.join(repoRoot, 'seeds')).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(repoRoot, 'seeds', file), 'utf8');
}

/**
 * Substrings of seed 001's sentences that the claim labels put in a "same"
 * group with another seed: on the demo page these sentences have stored
 * reports from other articles, so they should carry `parallax-claim`.
 */
export function labelledSameClaimsOf(prefix: string): string[] {
  const labels = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'corpus', 'labels.json'), 'utf8')) as {
    same: Array<{ sentences: Array<{ seed: string; text: string }> }>;
  };
  return labels.same.flatMap((group) => {
    const seeds = new Set(group.sentences.map((s) => s.seed));
    if (!seeds.has(prefix) || seeds.size < 2) return [];
    return group.sentences.filter((s) => s.seed === prefix).map((s) => s.text);
  });
}

/** Every spelling (name, alias, role) in the curated gazetteer, by highlight name. */
export function gazetteerSpellings(): Record<string, Set<string>> {
  const entities = JSON.parse(readFileSync(path.join(repoRoot, 'seeds', 'gazetteer.json'), 'utf8')) as Array<{
    name: string;
    kind: string;
    aliases?: string[];
    roles?: string[];
  }>;
  const out: Record<string, Set<string>> = {};
  for (const e of entities) {
    const set = (out[`parallax-${e.kind}`] ??= new Set());
    for (const s of [e.name, ...(e.aliases ?? []), ...(e.roles ?? [])]) set.add(s.toLowerCase());
  }
  return out;
}
