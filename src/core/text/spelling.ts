/**
 * The one British/American spelling table. Names, roles and claim terms all
 * fold through `americanise`, so "defence minister" on a page meets "defense
 * minister" in the gazetteer, and "organisation" in one report meets
 * "organization" in another. `spellingVariants` runs the table backwards
 * (the spotter's first-word filter hashes raw page words before folding).
 */
/** British -> American spellings, as rewrite rules on whole words (prefix-anchored where a suffix may follow). */
const SPELLING: Array<[RegExp, string]> = [
  [/^(def|off|lic|pret)ence(s?)$/, '$1ense$2'],
  [/^(cent|met|lit|theat|fib|calib|somb|spect|kilomet|centimet|millimet|lust)re(s|d)?$/, '$1er$2'],
  [/^(colo|favo|hono|labo|neighbo|harbo|behavio|rumo|armo|vigo|endeavo|flavo|humo|savo|valo|splendo|glamo)ur/, '$1r'],
  [/^(anal|paral|catal)ys(e|es|ed|ing)$/, '$1yz$2'],
  [/^(catal|dial|anal|prol|epil|monol)ogue(s?)$/, '$1og$2'],
  [/^programme(s?)$/, 'program$1'],
  [/^grey$/, 'gray'],
  [/^manoeuvre/, 'maneuver'],
];
/** -ise words that are not -ize spellings. */
// Parenthesised: `.split` must apply to the whole concatenation, not its last piece.
const ISE_KEEP = new Set(
  (
    'advise exercise promise otherwise precise concise surprise compromise enterprise franchise premise expertise ' +
    'televise supervise revise devise disguise excise improvise chastise demise despise reprise paradise treatise ' +
    'noise raise praise cruise bruise poise rise arise wise guise'
  ).split(' '),
);

/** One British word's American spelling ("defence" -> "defense", "organisation" -> "organization"); others unchanged. */
export function americanise(word: string): string {
  const cached = CACHE.get(word);
  if (cached !== undefined) return cached;
  const out = rewrite(word);
  // Page vocabularies repeat; a bounded memo keeps the rules off the hot path.
  if (CACHE.size > 50_000) CACHE.clear();
  CACHE.set(word, out);
  return out;
}

const CACHE = new Map<string, string>();

function rewrite(word: string): string {
  for (const [pattern, replacement] of SPELLING) if (pattern.test(word)) return word.replace(pattern, replacement);
  const ise = /^(\w{3,})is(e|es|ed|ing|ation|ations)$/.exec(word);
  if (ise && !ISE_KEEP.has(ise[1] + 'ise')) return `${ise[1]}iz${ise[2]}`;
  return word;
}

/** Backward rewrites that may produce a British spelling of an American key; each is checked forward. */
const BACKWARD: Array<[RegExp, string]> = [
  [/ense(s?)$/, 'ence$1'],
  [/er(s|d)?$/, 're$1'],
  [/or/, 'our'],
  [/yz(e|es|ed|ing)$/, 'ys$1'],
  [/og(s?)$/, 'ogue$1'],
  [/^program(s?)$/, 'programme$1'],
  [/^gray$/, 'grey'],
  [/^maneuver/, 'manoeuvre'],
  [/iz(e|es|ed|ing|ation|ations)$/, 'is$1'],
];

/** The British spellings that fold to `key` ("defense" -> ["defence"]). */
export function spellingVariants(key: string): string[] {
  const out = new Set<string>();
  for (const [pattern, replacement] of BACKWARD) {
    if (!pattern.test(key)) continue;
    const variant = key.replace(pattern, replacement);
    if (variant !== key && americanise(variant) === key) out.add(variant);
  }
  return [...out];
}
