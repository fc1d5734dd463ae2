/**
 * Claim text -> index terms. Two reports of one claim rarely share their words
 * exactly ("randomly retreated" / "retreated at random", "defence" / "defense",
 * "broke through" / "breakthrough"), so every text is folded to a small
 * vocabulary before it reaches the inverted index.
 *
 * Hand-written rather than an npm stemmer: the folding that matters for news
 * paraphrase (spelling variants, irregular verbs, phrasal verbs, number words)
 * is not what general stemmers do, Porter's full algorithm over-conflates
 * (news/new, general/generous), and this keeps the core dependency-free and
 * deterministic across the extension and the CLI.
 */
import type { Quantity } from '../types';
import { stemWord } from './stem';
import { tokenize as wordTokens } from '../text';

/** Words that carry no claim content, including reporting verbs (attribution is matched structurally). */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto about over under than then ' +
    "that this these those there here it its it's they them their he him his she her we our us you your i me my " +
    'is are was were be been being am has have had having do does did will would shall should can could may might must ' +
    'not no so if also even just only very too such some any all each both either which who whom whose what when where why how ' +
    'said says say saying told tells tell claimed claims claim stated states added adds noted notes wrote writes according ' +
    'reported reports report announced announces per via while meanwhile however although though after before since until during ' +
    'more most less least much many other another same own again further up out off down s ' +
    'across among within against around along toward towards upon amid ' +
    // how something was said is attribution, not the claim: "in comments posted on social media"
    'comment comments posted social media statement interview briefing speech reporters press conference messaging app'
  ).split(/\s+/),
);

/** Number words -> digits, so "three kilometers" and "3 km" share a term. */
const NUMBER_WORDS: Record<string, string> = Object.assign(Object.create(null), {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  hundred: '100',
  thousand: '1000',
  dozen: '12',
});

/**
 * Phrases that news paraphrase swaps for one word. Matched on lowercase tokens before
 * stemming; the replacement is itself stemmed. Precision matters more than coverage:
 * "fled" is NOT folded into "retreat" (fleeing a region is a stronger claim).
 */
const PHRASES: Array<[RegExp, string]> = [
  [/\b(?:break|breaks|broke|broken|breaking) through\b/gi, 'breakthrough'],
  [/\bat random\b/gi, 'randomly'],
  [/\b(?:push|pushes|pushed|pushing) (?:back|out)\b/gi, 'retreat'],
  [/\b(?:pull|pulls|pulled|pulling|fall|falls|fell|fallen|falling) back\b/gi, 'retreat'],
  [/\b(?:shoot|shoots|shot|shooting) down\b/gi, 'shootdown'],
  [/\b(?:take|takes|took|taken|taking|seize|seizes|seized|gain|gained) control of\b/gi, 'capture'],
  [/\bfront[- ]line\b/gi, 'frontline'],
  [/\b(?:fire|fires|fired|firing|opened fire) on\b/gi, 'shelled'],
  [/\b(long|short|near|mid)[- ]term\b/gi, '$1term'],
  [/\bround[- ]the[- ]clock\b/gi, 'constant'],
  [/\bsquare (kilomet(?:er|re)s?|km|miles?)\b/gi, 'km2'],
  [/\bsq\.? ?(km|mi)\b/gi, 'km2'],
  [/\bunited states\b/gi, 'usa'],
  [/\bu\.s\.(?=\s)/gi, 'usa'],
];

/** A cheap test that some phrase rule may apply (most sentences need none of the rewrites). */
const PHRASE_HINT = /through|random|back|out\b|down|control|front|clock|square|sq|united|u\.s\.|term|fir/i;

/** Single-word concept classes: the first word's stem stands for all (applied after stemming). */
const CONCEPTS: Record<string, string> = Object.create(null);
for (const group of [
  ['attack', 'assault', 'storm', 'onslaught', 'raid'],
  ['shell', 'bombard', 'pound', 'shelling'],
  ['retreat', 'withdraw'],
  ['force', 'troop', 'soldier', 'army'],
  ['settlement', 'village', 'town', 'hamlet', 'community', 'locality'],
  ['capture', 'seize', 'overrun'],
  ['repel', 'repulse', 'thwart', 'fend'],
  ['km', 'kilometer', 'kms'],
  ['mile', 'mi'],
  ['ukraine', 'ukrainian'],
  ['russia', 'russian'],
  ['relentless', 'constant', 'incessant', 'continuous', 'nonstop'],
  ['difficult', 'tense', 'challenging', 'hard', 'tough'],
  ['region', 'province', 'oblast'],
  ['randomly', 'chaotic', 'disorderly'],
  ['defense', 'defensive'],
]) {
  const head = stemWord(group[0]!);
  for (const member of group) CONCEPTS[stemWord(member)] = head;
}

/** Folds diacritics and typographic apostrophes/dashes, keeping case. */
function foldMarks(text: string): string {
  // Fast path: plain ASCII has no marks, curly quotes or typographic dashes to fold.
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-');
}

/**
 * Words every war or politics report uses ("forces", "city", "region", "officials"):
 * they count toward similarity at half weight but never make two sentences one claim.
 * Bare numbers too: "two villages" and "two cities" share only a number.
 */
const WEAK = new Set(
  [
    'km',
    'mile',
    'km2',
    'percent',
    'force',
    'city',
    'region',
    'area',
    'war',
    'country',
    'people',
    'official',
    'year',
    'day',
    'week',
    'month',
    'time',
    'report',
    'part',
    'side',
    'state',
    'government',
    'military',
    'attack',
    'fighting',
    'situation',
    'new',
  ]
    .map((w) => stemWord(w))
    .map((w) => CONCEPTS[w] ?? w),
);

/**
 * Whether an index term is too generic to make two sentences one claim on its own:
 * generic words, bare numbers, years, and small counts ("two sides", "two days").
 */
export function isWeakTerm(term: string): boolean {
  if (WEAK.has(term) || /^\d/.test(term)) return true;
  const quantity = /^q:(count|year):(-?\d+)$/.exec(term);
  return !!quantity && (quantity[1] === 'year' || Number(quantity[2]) <= SMALL_COUNT_BUCKET);
}

/** `quantityTerm` bucket of 10: counts up to about ten are everywhere. */
const SMALL_COUNT_BUCKET = 10;

/** Lowercase, fold diacritics and typographic apostrophes/dashes. */
export function foldText(text: string): string {
  return foldMarks(text).toLowerCase();
}

/**
 * Word tokens of folded text, from the one tokenizer the spotter uses too; a
 * number written with separators ("1,000", "3.5") is one token, since the
 * matcher compares numbers, not digit groups.
 */
export function tokenize(folded: string): string[] {
  const { starts, ends } = wordTokens(folded);
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    let end = ends[i]!;
    const start = starts[i]!;
    if (isDigit(folded.charCodeAt(start))) {
      // Join "1" "," "000" and "3" "." "5": one separator between digit runs.
      while (
        i + 1 < starts.length &&
        starts[i + 1] === end + 1 &&
        /[.,]/.test(folded[end]!) &&
        /^\d+$/.test(folded.slice(starts[i + 1]!, ends[i + 1]!))
      ) {
        end = ends[++i]!;
      }
    }
    out.push(folded.slice(start, end));
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Normalises one token to its index term, or null for stopwords. */
export function termOf(token: string): string | null {
  const cached = TERM_CACHE.get(token);
  if (cached !== undefined) return cached;
  const term = computeTerm(token);
  // News vocabulary repeats; a bounded memo makes re-stemming the common words free.
  if (TERM_CACHE.size > 100_000) TERM_CACHE.clear();
  TERM_CACHE.set(token, term);
  return term;
}

const TERM_CACHE = new Map<string, string | null>();

function computeTerm(token: string): string | null {
  if (/^\d/.test(token)) return token.replace(/,(?=\d{3}\b)/g, '');
  const bare = token.replace(/'s?$/, '');
  if (STOPWORDS.has(bare)) return null;
  const numeric = NUMBER_WORDS[bare];
  if (numeric) return numeric;
  const stem = stemWord(bare);
  if (stem.length < 2) return null;
  return CONCEPTS[stem] ?? stem;
}

/**
 * Where a compound news sentence splits into clauses ("X happened, while Y said Z"):
 * one outlet's sentence often joins two claims that another reports apart.
 */
const CLAUSE_BREAK =
  /[;:]\s+|,\s+(?=(?:while|but|although|though|whereas|as|after|before|which|including|and)\b)|\s[\u2014\u2013-]{1,2}\s/giu;

const MAX_CHARS = 1200;

/**
 * Index terms of a text (folded, phrase-normalised, stemmed, stopwords removed; order
 * and duplicates kept); which of them were written capitalised mid-sentence (names and
 * days: they say what a claim is about rather than what it claims); and the index in
 * `terms` where each clause starts.
 */
export function analyzeTerms(text: string): { terms: string[]; capitalised: Set<string>; clauses: number[] } {
  const terms: string[] = [];
  const capitalised = new Set<string>();
  const clauses: number[] = [];
  let first = true;
  // A "sentence" of thousands of words is a list or a page without punctuation, not a claim:
  // its first words are enough to index it, and bound the cost of matching it.
  for (const clause of foldMarks(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text).split(CLAUSE_BREAK)) {
    let folded = clause;
    if (PHRASE_HINT.test(folded)) for (const [pattern, replacement] of PHRASES) folded = folded.replace(pattern, replacement);
    clauses.push(terms.length);
    for (const token of tokenize(folded)) {
      const term = termOf(token.toLowerCase());
      if (term !== null) {
        terms.push(term);
        if (!first && /^\p{Lu}/u.test(token)) capitalised.add(term);
      }
      first = false;
    }
  }
  return { terms, capitalised, clauses };
}

/** Index terms of a text (see `analyzeTerms`). */
export function textTerms(text: string): string[] {
  return analyzeTerms(text).terms;
}

/** Plain tokens for the BM25-only baseline: lowercase words, nothing else. */
export function plainTerms(text: string): string[] {
  return tokenize(text.toLowerCase());
}

/** The special term for an entity id, e.g. `e:place:bakhmut`. */
export function entityTerm(entityId: string): string {
  return `e:${entityId}`;
}

/**
 * A quantity's signature term: unit plus the value on a coarse log scale, so
 * 3 km and 1.9 miles (= 3.06 km) share `q:km:5` while 150 km does not.
 */
export function quantityTerm(q: Quantity): string {
  const bucket = q.value > 0 ? Math.round(Math.log(q.value) / Math.log(1.25)) : 0;
  return `q:${q.unit}:${bucket}`;
}
