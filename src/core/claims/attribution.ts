/**
 * Who makes a claim and how: the speaker and reporting verb of a sentence
 * ("the ministry told Reuters", "according to Deputy Defense Minister Ganna
 * Malyar", "\"…,\" Zelenskiy said"), pronoun and short-form resolution against
 * earlier speakers, and hedges ("unable to independently confirm", "possibly").
 * Quotation marks are tracked in `sentences.ts`.
 *
 * Verb scheme: every form of a reporting verb is normalised to its simple past
 * ("says"/"say" -> "said", "claims" -> "claimed", "tells" -> "told"), the tense
 * wire copy uses; "according to" and "as per" become "according-to".
 *
 * Hand-written patterns, not a parser: reporting clauses in news follow a few
 * fixed shapes, and an unparsed speaker is better than an invented one.
 */
import type { Attribution } from '../types';
import { maskQuotes } from '../text';

/** Reporting verb forms -> lemma (simple past). Participles ("saying") are left out: their subject is elsewhere. */
const VERB_FORMS: Record<string, string> = {};
for (const group of [
  'said says say',
  'told tells',
  'wrote writes',
  'claimed claims',
  'added adds',
  'noted notes',
  'stated states',
  'announced announces',
  'posted posts',
  'reported reports',
  'conceded concedes',
  'acknowledged acknowledges',
  'predicted predicts',
  'warned warns',
  'confirmed confirms',
  'denied denies',
  'insisted insists',
  'declared declares',
  'admitted admits',
  'argued argues',
  'asserted asserts',
  'alleged alleges',
  'tweeted tweets',
  'promised promises',
  'estimated estimates',
  'explained explains',
  'stressed stresses',
  'emphasised emphasized',
  'revealed reveals',
  'disclosed',
]) {
  const forms = group.split(' ');
  for (const f of forms) VERB_FORMS[f] = forms[0]!;
}
const VERB_RE = new RegExp(`\\b(${Object.keys(VERB_FORMS).join('|')})\\b`, 'g');

/** An attribution with where its parts are in the sentence. */
export interface SpeakerMatch extends Attribution {
  speakerStart: number;
  speakerEnd: number;
  verbStart: number;
}

const PRONOUN = /^(?:he|she|it|they|we|i)$/i;
/** Trailing words that modify the verb, not the speaker: "on Wednesday", "also", "has lately". */
const TRAILING =
  /\s+(?:(?:late|early)\s+)?(?:on|last|this)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|evening))?$|\s+(?:also|lately|later|earlier|previously|again|recently|now|then|has|have|had|would|will|had\s+earlier|yesterday|today)$/i;
/** A trailing lowercase adverb ("lately", "positively"); lowercase only, so "Italy" stays. */
const ADVERB = /\s+[a-z]+ly$/;
/** Intro words and clause openers before a speaker. */
const LEADING = /^(?:meanwhile|however|additionally|also|but|and|so|yet|still|then|now|separately|earlier|later|instead)\s+/i;
/** Heads that make a lowercase phrase a speaker: "local officials said", "witnesses told". */
const SPEAKER_NOUN =
  /^(?:officials?|sources|residents|witnesses|police|analysts?|experts?|authorities|diplomats?|spokes(?:man|woman|person)|commanders?|lawmakers?|investigators|prosecutors|observers|monitors|medics|doctors|rescuers|activists|critics|officers)$/i;
/** Words that show a chunk is a clause, not a noun phrase. */
const CLAUSE_WORD = /\b(?:is|are|was|were|be|been|being|do|does|did|not|that|which|who|whom|if|to)\b/i;

/** The noun phrase that ends a chunk of text before a reporting verb, or undefined. */
function subjectOf(chunk: string): { speaker: string; offset: number } | undefined {
  let s = chunk.replace(/\s+$/, '');
  // "X, an analyst, said": an appositive set off by commas is dropped.
  if (s.endsWith(',')) {
    const open = s.lastIndexOf(',', s.length - 2);
    if (open < 0) return undefined;
    s = s.slice(0, open);
  }
  let offset = 0;
  // Clause boundaries, then commas: the speaker starts after the last of them.
  const boundary = /^[\s\S]*(?:[:;,"“”]|[,.!?]’|\b(?:while|whereas|although|though|but|because|as|when|after|before|since)\b)/i.exec(s);
  if (boundary) {
    offset += boundary[0].length;
    s = s.slice(boundary[0].length);
  }
  const lead = /^[\s’'"”]*/.exec(s)![0].length;
  offset += lead;
  s = s.slice(lead);
  const intro = LEADING.exec(s);
  if (intro) {
    offset += intro[0].length;
    s = s.slice(intro[0].length);
  }
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(TRAILING, '').replace(ADVERB, '');
  }
  s = s.replace(/\s+(?:backed|released|published|issued|seen|obtained)\b.*$/i, '');
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 16 || CLAUSE_WORD.test(s) || /['’]s?$/.test(s) || s.includes('_')) return undefined;
  // "a video clip it said": the pronoun is the speaker, standing for the sentence's subject.
  const last = words[words.length - 1]!;
  if (words.length > 1 && PRONOUN.test(last)) return { speaker: last, offset: offset + s.lastIndexOf(last) };
  const determined = /^(?:the|a|an|one|some|two|several|many|its|his|her|their)\s+\S/i;
  if (!/^\p{Lu}/u.test(s) && !determined.test(s) && !PRONOUN.test(s) && !SPEAKER_NOUN.test(last)) return undefined;
  return { speaker: s, offset };
}

/**
 * The speaker and reporting verb of one sentence, if it has them. The first
 * reporting verb outside quotation marks with a plausible speaker wins.
 */
export function findAttribution(text: string, startsOpen = false): SpeakerMatch | undefined {
  const masked = maskQuotes(text, startsOpen);
  const candidates: SpeakerMatch[] = [];
  const per = /\b(?:according to|as per)\s+((?:the\s+)?[^,;_"“”]+?)(?=\s*(?:[,;.]|$|\s+(?:which|who|that|backed|released|published)\b))/gi;
  for (let m = per.exec(masked); m; m = per.exec(masked)) {
    const speaker = m[1]!.trim();
    if (speaker.split(/\s+/).length <= 16) {
      const speakerStart = m.index + m[0].indexOf(m[1]!);
      candidates.push({ speaker, verb: 'according-to', speakerStart, speakerEnd: speakerStart + speaker.length, verbStart: m.index });
      break;
    }
  }
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(masked); m; m = VERB_RE.exec(masked)) {
    const verb = VERB_FORMS[m[1]!.toLowerCase()]!;
    const before = masked.slice(0, m.index);
    const after = masked.slice(m.index + m[0].length);
    // '"…," says a man in the clip' / ', reported Reuters.': the speaker follows the verb.
    const inverted = /(?:["”]|,|[,.!?]’)\s*$/.test(before) ? /^\s+((?:the|a|an)\s+[^,;.]+|\p{Lu}[^,;.]*)/u.exec(after) : null;
    const quoted = /(?:["”]|[,.!?]’)\s*$/.test(before);
    const speaker = inverted?.[1]!.trim() ?? '';
    const plain = !CLAUSE_WORD.test(speaker) && !/[_"“”]/.test(speaker) && speaker.split(/\s+/).length <= 6;
    if (inverted && (quoted || (plain && /^[^,;]*[.!?]?$/.test(after.slice(inverted[0].length))))) {
      const speakerStart = m.index + m[0].length + inverted[0].indexOf(inverted[1]!);
      if (speaker.split(/\s+/).length <= 16) {
        candidates.push({ speaker, verb, speakerStart, speakerEnd: speakerStart + speaker.length, verbStart: m.index });
        break;
      }
    }
    const subject = subjectOf(before);
    if (subject) {
      const speakerStart = subject.offset;
      candidates.push({
        speaker: text.slice(speakerStart, speakerStart + subject.speaker.length),
        verb,
        speakerStart,
        speakerEnd: speakerStart + subject.speaker.length,
        verbStart: m.index,
      });
      break;
    }
  }
  return candidates.sort((a, b) => a.verbStart - b.verbStart)[0];
}

/** Organisation-like heads: "it" and "the ministry" refer back to speakers like these. */
const ORGISH =
  /\b(?:ministry|military|army|forces|staff|office|agency|administration|government|kremlin|command|service|council|embassy|committee|company|group|report|police|authorities|department|navy|court|parliament)\b/i;
const SHORT_FORM =
  /^the\s+(ministry|military|army|office|agency|administration|government|staff|embassy|command|committee|company|group|report|police|department|court|parliament)$/i;

/**
 * Resolves a pronoun ("he", "it") or short form ("the ministry") speaker to the
 * nearest earlier speaker it can obviously stand for; otherwise returns the
 * attribution unchanged. `earlier` is most recent last (keep it short: the
 * last few sentences of the same paragraph run).
 */
export function resolveSpeaker(att: Attribution, earlier: readonly Attribution[]): Attribution {
  const s = att.speaker.trim().toLowerCase();
  const personish = (a: Attribution) =>
    a.entityId ? a.entityId.startsWith('person:') : !ORGISH.test(a.speaker) && /\p{Lu}\p{Ll}+\s+\p{Lu}|^\p{Lu}\p{Ll}+$/u.test(a.speaker);
  const orgish = (a: Attribution) =>
    a.entityId ? !a.entityId.startsWith('person:') : ORGISH.test(a.speaker) || /^\p{Lu}\p{Ll}+$/u.test(a.speaker);
  const head = SHORT_FORM.exec(s)?.[1];
  let test: ((a: Attribution) => boolean) | undefined;
  if (s === 'he' || s === 'she') test = personish;
  else if (s === 'it') test = orgish;
  else if (head) test = (a) => new RegExp(`\\b${head}\\b`, 'i').test(a.speaker) && a.speaker.toLowerCase() !== s;
  if (!test) return att;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const prev = earlier[i]!;
    if (PRONOUN.test(prev.speaker.trim()) || !test(prev)) continue;
    const out: Attribution = { ...att, speaker: prev.speaker };
    if (prev.entityId) out.entityId = prev.entityId;
    return out;
  }
  return att;
}

/** Hedging phrases; matched case-insensitively and reported in lower case. */
const HEDGES = new RegExp(
  [
    String.raw`(?:was|were|is|are|been)?\s*(?:unable|not able) to (?:independently )?(?:confirm|verify)`,
    String.raw`could not (?:be )?(?:immediately |independently )*(?:confirm|verif)\w*`,
    String.raw`(?:was|is) not (?:immediately )?clear`,
    String.raw`did not (?:specify|say|give details|elaborate)`,
    String.raw`without (?:specifying|giving details|elaborating)`,
    String.raw`gave no (?:further )?details`,
    String.raw`(?:made|gave) no mention`,
    String.raw`declined to comment`,
    'possibly',
    'may have',
    'may be',
    'might have',
    'might',
    String.raw`could(?! not)`,
    'likely',
    'unlikely',
    'probably',
    'reportedly',
    'allegedly',
    'apparently',
    'appeared to',
    'is believed to',
    'unconfirmed',
    'predicted',
    'it is unclear',
    'it was not clear',
  ]
    .map((p) => `\\b${p}\\b`)
    .join('|'),
  'gi',
);

/** Cheap pre-test: most sentences hold no hedge, and the full pattern is slow to run everywhere. */
const MAY_HEDGE =
  /able|could|did not|without|gave no|no mention|declined|possibl|may|might|likely|probabl|reported|alleged|apparent|appeared|believed|unconfirmed|predicted|unclear|not clear/i;

/**
 * Hedges in a sentence: distancing phrases, modal uncertainty, and "claimed"
 * when it is the reporting verb (a writer's choice of "claimed" over "said"
 * distances the outlet from the claim).
 */
export function findHedges(text: string, attribution?: Attribution): string[] {
  const out = new Set<string>();
  if (!MAY_HEDGE.test(text) && attribution?.verb !== 'claimed') return [];
  for (const m of text.matchAll(HEDGES)) out.add(m[0].trim().toLowerCase().replace(/\s+/g, ' '));
  if (attribution?.verb === 'claimed') out.add('claimed');
  return [...out];
}
