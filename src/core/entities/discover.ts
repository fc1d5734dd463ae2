/**
 * Discovers new names in an added article so the library grows beyond the
 * gazetteer. Hand-written and deliberately conservative (precision over
 * recall): a wrong entity is highlighted on every page that repeats the
 * words, while a missed one only waits for the next article or a curator.
 *
 * A run of capitalised words becomes an entity only with evidence of its kind:
 *  - org: a head noun ("... Ministry|Agency|Group|Staff|Council|Office|Army",
 *    "Institute for ...") and at least one non-generic word;
 *  - person: two to four name words after a title or role ("President X Y",
 *    "analyst X Y") or before an appositive ("X Y, a military analyst");
 *  - place: "city/town/village of X", "near X", "X region/oblast/province";
 *  - person, uncued: a multi-word run that recurs, not only at sentence
 *    starts, whose last word is also used alone before a reporting verb.
 * Title-case lines (headlines, menus) are skipped altogether.
 */
import type { Entity, EntityKind, Mention, Sentence } from '../types';
import { lookupName, type Lexicon } from './lexicon';
import { spotMentions } from './spot';
import { slugify } from '../text';
import { NameRuns, type Run } from './nameRuns';

const words = (s: string) => new Set(s.split(' '));
const PERSON_TITLES = words(
  'president minister chancellor secretary spokesman spokeswoman spokesperson analyst general gen colonel col lieutenant commander governor mayor senator sen rep congressman congresswoman lawmaker ambassador envoy chief director dr mr mrs ms prof professor judge king queen pope adviser advisor aide correspondent researcher economist expert blogger sergeant captain admiral marshal head leader founder chairman chairwoman',
);
const TITLE_MODIFIERS = words(
  'defence defense foreign interior finance economy justice health state military political senior former acting first chief deputy vice prime general ministry office elect regional special',
);
const DEMONYMS = words(
  'russian ukrainian american german french british polish chinese western european belarusian israeli indian turkish iranian japanese italian spanish dutch swedish finnish estonian latvian lithuanian czech slovak hungarian romanian moldovan georgian canadian',
);
const ORG_HEADS = words(
  'ministry agency group staff council office army command service committee commission party brigade battalion regiment corps institute university company bank fund organization organisation union court parliament assembly guard navy forces directorate bureau department foundation observatory unit alliance association society federation coalition movement',
);
const GENERIC = new Set([
  ...ORG_HEADS,
  ...words(
    'armed national general security defence defense state federal central supreme joint special main foreign affairs of the for and operations military terms privacy policy media box publishing political high school',
  ),
]);
/** Words that start place or thing names, never a person's first name. */
const NOT_FORENAME = words(
  'new north south east west northern southern eastern great old saint st fort port mount lake san santa los las el la le public air book',
);
/** "<word> of X" introduces a place X ("village of Klishchiivka"); so does "near X". */
const PLACE_OF = words('city town village villages settlement outskirts suburb port');
const PLACE_AFTER = words('region oblast province district');

interface Candidate {
  kind: EntityKind;
  name: string;
  start: number;
  cue: string;
}

/**
 * New places, people and organisations named in `text` and not already in
 * `lexicon` (compared by folded spelling). `sentences` mark sentence starts;
 * pass `[]` to treat line starts and text after `.`/`!`/`?` as sentence starts.
 * `mentions`, when the caller already spotted `text` with `lexicon`, saves a second pass.
 */
export function discoverEntities(text: string, sentences: readonly Sentence[], lexicon: Lexicon, mentions?: readonly Mention[]): Entity[] {
  const view = new NameRuns(text, sentences);
  const known = [...(mentions ?? spotMentions(text, lexicon))].sort((x, y) => x.start - y.start);
  const overlapsKnown = (a: number, b: number) => {
    // Mentions do not overlap, so their ends are sorted too: find the first ending after a.
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid]!.end <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo < known.length && known[lo]!.start < b;
  };
  const found: Candidate[] = [];
  const recurring = new Map<string, { count: number; midSentence: boolean; start: number }>();
  for (const run of view.runs()) {
    const org = asOrg(view, run);
    if (org) {
      if (!known.some((m) => m.start === org.start && m.end === org.start + org.name.length)) found.push(org);
      continue;
    }
    const person = asPerson(view, run);
    if (person && !overlapsKnown(person.start, person.start + person.name.length)) {
      found.push(person);
      continue;
    }
    const places = asPlaces(view, run);
    if (places.length) {
      found.push(...places.filter((p) => !overlapsKnown(p.start, p.start + p.name.length)));
      continue;
    }
    // Remember plausible uncued names (titles stripped) for the recurrence test.
    const p = stripTitles(view, run.a, run.e).p;
    if (run.e - p >= 1 && run.e - p <= 3 && plausiblePerson(view, p, run.e)) {
      const start = view.starts[p]!;
      const name = text.slice(start, view.endOf(run.e));
      if (overlapsKnown(start, start + name.length)) continue;
      const o = recurring.get(name) ?? { count: 0, midSentence: false, start };
      o.count++;
      o.midSentence ||= !(p === run.t && run.sentenceInitial);
      recurring.set(name, o);
    }
  }
  for (const [name, o] of recurring) {
    if (o.count >= 2 && o.midSentence && view.speakers.has(view.fold(name.split(/\s+/).pop() ?? ''))) {
      found.push({ kind: 'person', name, start: o.start, cue: 'recurring speaker' });
    }
  }
  return toEntities(found, lexicon);
}

function asOrg(view: NameRuns, { a, e, afterCaps }: Run): Candidate | undefined {
  if (afterCaps) return undefined;
  const headFirst = ORG_HEADS.has(view.key(a)) && view.key(a + 1) !== '' && ['of', 'for'].includes(view.key(a + 1)) && e > a + 1;
  if (!(ORG_HEADS.has(view.key(e)) || headFirst) || e === a) return undefined;
  // "Eastern Group of Forces" names something; "Armed Forces" does not; "Russian Foreign Ministry" does.
  const specific = some(a, e, (i) => !GENERIC.has(view.key(i)) && !DEMONYMS.has(view.key(i)));
  const national = DEMONYMS.has(view.key(a)) && e - a >= 2 && !some(a + 1, e, (i) => DEMONYMS.has(view.key(i)));
  if (!specific && !national) return undefined;
  const start = view.starts[a]!;
  return { kind: 'org', name: view.text.slice(start, view.endOf(e)), start, cue: headFirst ? view.key(a) : view.key(e) };
}

/** Skips leading demonyms and titles; `titled` when one was skipped or stands just before the run. */
function stripTitles(view: NameRuns, a: number, e: number): { p: number; titled: boolean } {
  const k = (i: number) => view.key(i);
  let titled =
    view.joined(a - 1) &&
    (PERSON_TITLES.has(k(a - 1)) || (view.joined(a - 2) && PERSON_TITLES.has(k(a - 2)) && TITLE_MODIFIERS.has(k(a - 1))));
  let p = a;
  while (p < e && (DEMONYMS.has(k(p)) || TITLE_MODIFIERS.has(k(p)) || PERSON_TITLES.has(k(p)))) {
    if (PERSON_TITLES.has(k(p))) titled = true;
    p++;
  }
  return { p, titled };
}

function plausiblePerson(view: NameRuns, p: number, e: number): boolean {
  if (NOT_FORENAME.has(view.key(p))) return false;
  return !some(p, e, (i) => GENERIC.has(view.key(i)) || DEMONYMS.has(view.key(i)) || PERSON_TITLES.has(view.key(i)));
}

function asPerson(view: NameRuns, { a, e }: Run): Candidate | undefined {
  const { p, titled } = stripTitles(view, a, e);
  const count = e - p + 1;
  if (count < 2 || count > 4 || !plausiblePerson(view, p, e)) return undefined;
  const after = view.text.slice(view.ends[e], view.starts[e + 1] ?? view.text.length).trim();
  const appositive =
    after === ',' && some(e + 1, Math.min(view.count - 1, e + 5), (i) => PERSON_TITLES.has(view.key(i)) && !view.isName(i));
  if (!titled && !appositive) return undefined;
  const start = view.starts[p]!;
  return { kind: 'person', name: view.text.slice(start, view.endOf(e)), start, cue: titled ? 'title' : 'appositive' };
}

function asPlaces(view: NameRuns, { a, e }: Run): Candidate[] {
  const cueBefore = !view.joined(a - 1)
    ? undefined
    : view.key(a - 1) === 'near'
      ? 'near'
      : view.key(a - 1) === 'of' && view.joined(a - 2) && PLACE_OF.has(view.key(a - 2))
        ? `${view.key(a - 2)} of`
        : undefined;
  const regionAfter = view.joined(e) && PLACE_AFTER.has(view.key(e + 1));
  if (!(cueBefore || regionAfter) || (e === a && DEMONYMS.has(view.key(a)))) return [];
  // "villages of Berkhivka and Yahidne": each conjunct is a place.
  return splitOn(a, e, (i) => view.key(i) === 'and')
    .filter(([x, y]) => y - x < 3 && !some(x, y, (i) => GENERIC.has(view.key(i))))
    .map(([x, y]) => ({
      kind: 'place' as const,
      name: view.text.slice(view.starts[x], view.endOf(y)),
      start: view.starts[x]!,
      cue: cueBefore ?? 'region',
    }));
}

/** Sub-ranges of [a, b] between tokens matching `sep`. */
function splitOn(a: number, b: number, sep: (i: number) => boolean): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = a;
  for (let i = a; i <= b + 1; i++) {
    if (i === b + 1 || sep(i)) {
      if (i > from) parts.push([from, i - 1]);
      from = i + 1;
    }
  }
  return parts;
}

/** True when `test` holds for some index in [a, b]. */
function some(a: number, b: number, test: (i: number) => boolean): boolean {
  for (let i = a; i <= b; i++) if (test(i)) return true;
  return false;
}

/** Deduplicated entities, first occurrence first, skipping any spelling the lexicon knows. */
function toEntities(found: Candidate[], lexicon: Lexicon): Entity[] {
  const out = new Map<string, Entity>();
  for (const c of found.sort((x, y) => x.start - y.start)) {
    const name = c.name.replace(/\s+/g, ' ').trim();
    const id = `${c.kind}:${slugify(name)}`;
    if (out.has(id) || lexicon.entities.has(id) || lookupName(lexicon, name).length) continue;
    const surname = name.split(' ').pop()!;
    // A known person's surname in a new full name is more likely a spelling variant than a new person.
    if (c.kind === 'person' && lookupName(lexicon, surname).some((k) => k.startsWith('person:'))) continue;
    const entity: Entity = {
      id,
      name,
      kind: c.kind,
      aliases: [],
      origin: 'discovered',
      description: `Discovered in an added article (cue: ${c.cue}).`,
    };
    if (c.kind === 'person') entity.ambiguous = [surname];
    out.set(id, entity);
  }
  return [...out.values()];
}
