/**
 * Turns sentence units into claims: who said it and how, the quoted words,
 * numbers, time, entities and hedges. One claim per sentence unit that carries
 * one (a reporting verb, a quotation, a number, or a named entity with a verb).
 *
 * Hand-written assembly because the cross-sentence rules are news conventions:
 * a quotation spanning several sentences belongs to the speaker named where it
 * closes ("… losses," Malyar wrote), and "it added" / "he said" / "the
 * ministry" refer to the previous speaker.
 */
import type { Attribution, Claim, Mention, Sentence } from '../types';
import { contentHash } from '../text';
import { extractQuotes, paragraphOf, splitSentences } from '../text';
import { extractQuantities } from './quantities';
import { resolveClaimTime } from './time';
import { findAttribution, findHedges, resolveSpeaker, type SpeakerMatch } from './attribution';

/** What `extractClaims` needs. `spot` finds entity mentions in one sentence (offsets into that sentence). */
export interface ClaimInput {
  articleId: string;
  text: string;
  sentences?: Sentence[];
  /** The article's date (YYYY-MM-DD), given or inferred; relative days resolve against it. */
  date?: string;
  dateInferred?: boolean;
  spot: (text: string, sentence?: Sentence) => Mention[];
  /** Keep every sentence as a claim, even one that carries nothing (a page sentence being matched). */
  keepAll?: boolean;
}

/** A verb of some kind: the difference between "Russia would then advance" and a bare "Kramatorsk and Sloviansk". */
const HAS_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|did|does|do|says|controls|continues|remains|needs|takes|sends|wants|plans|faces|seeks|holds|kills?|hits?|fled|broke|broken|shot|struck|fought|met|led|won|lost|took|began|fell|rose|left|made|gave|sent|held|sought|told|wrote|said|seized|built|saw|came|went|got)\b|\b[a-z]{2,}ed\b/;

const KIND_RANK: Record<string, number> = { person: 0, org: 1, place: 2 };

/**
 * The entity a speaker span names: a person before an organisation; a place
 * only when it is the whole speaker ("Russia claimed"), since "one US
 * official" or "the embassy in Washington" are not the place speaking.
 */
function speakerEntity(att: SpeakerMatch, text: string, mentions: readonly Mention[]): string | undefined {
  const inside = mentions.filter((m) => m.start >= att.speakerStart && m.end <= att.speakerEnd);
  const bare = text.slice(att.speakerStart, att.speakerEnd).replace(/^(?:the|a|an)\s+/i, '');
  const usable = inside.filter((m) => !m.entityId.startsWith('place:') || m.surface.length >= bare.length);
  usable.sort((a, b) => (KIND_RANK[a.entityId.split(':')[0]!] ?? 3) - (KIND_RANK[b.entityId.split(':')[0]!] ?? 3));
  return usable[0]?.entityId;
}

/** "It claimed …" after a sentence naming exactly one organisation: that organisation, as written there. */
function soleOrganisation(previous: readonly Mention[]): Attribution | undefined {
  const orgs = [...new Map(previous.filter((m) => m.entityId.startsWith('org:')).map((m) => [m.entityId, m])).values()];
  return orgs.length === 1 ? { speaker: orgs[0]!.surface, verb: '', entityId: orgs[0]!.entityId } : undefined;
}

/** A claim's id: article id and sentence text, hashed (see `hash.ts`). */
export function claimId(articleId: string, sentenceText: string): string {
  return 'c_' + contentHash(articleId + '\n' + sentenceText);
}

interface Draft {
  claim: Claim;
  carries: boolean;
  inQuote: boolean;
}

/** Claims of one article (or page), in sentence order, one id per distinct sentence text. */
export function extractClaims(input: ClaimInput): Claim[] {
  const sentences = input.sentences ?? splitSentences(input.text);
  const paragraphs = paragraphOf(input.text, sentences);
  const drafts: Draft[] = [];
  const speakers: Array<{ index: number; att: Attribution }> = [];
  let open = false;
  let quoting: Attribution | undefined; // the paragraph's last speaker of a quotation
  let previousMentions: Mention[] = [];
  let pending: Draft[] = []; // sentences inside a quotation whose speaker is named later
  const flush = (att: Attribution | undefined) => {
    for (const d of pending) {
      if (!att || d.claim.attribution) continue;
      d.claim.attribution = { ...att };
      if (att.entityId && !d.claim.entities.includes(att.entityId)) d.claim.entities.push(att.entityId);
    }
    pending = [];
  };
  sentences.forEach((sentence, i) => {
    const text = sentence.text;
    const paragraph = paragraphs[i] ?? 0;
    if (i > 0 && paragraph !== paragraphs[i - 1]) {
      // An unclosed quotation ends with its paragraph; it belongs to the paragraph's last named quoting speaker.
      flush(quoting);
      quoting = undefined;
      open = false;
    }
    const startsOpen = open;
    const match = findAttribution(text, startsOpen);
    let { quotes, endsOpen } = extractQuotes(text, startsOpen);
    if (startsOpen && match && match.speakerStart > 0 && !/["“”]/.test(text)) {
      // '… territory, Zelensky said': the continued quotation ends at the comma before the speaker.
      const cut = text.lastIndexOf(',', match.speakerStart);
      quotes = cut > 0 ? [text.slice(0, cut).trim()] : [];
      endsOpen = false;
    }
    const mentions = input.spot(text, sentence).sort((a, b) => a.start - b.start);
    let attribution: Attribution | undefined;
    if (match) {
      const entityId = speakerEntity(match, text, mentions);
      const written: Attribution = { speaker: match.speaker, verb: match.verb, ...(entityId ? { entityId } : {}) };
      while (speakers.length && speakers[0]!.index < i - 3) speakers.shift();
      const recent = speakers.map((s) => s.att);
      attribution = resolveSpeaker(written, recent);
      const sole = attribution.speaker.toLowerCase() === 'it' ? soleOrganisation(previousMentions) : undefined;
      if (sole) attribution = { ...attribution, speaker: sole.speaker, entityId: sole.entityId! };
      speakers.push({ index: i, att: attribution });
    }
    previousMentions = mentions;
    const entities = [...new Set(mentions.map((m) => m.entityId))];
    if (attribution?.entityId && !entities.includes(attribution.entityId)) entities.push(attribution.entityId);
    const quantities = extractQuantities(text);
    const time = resolveClaimTime(text, input.date, input.dateInferred);
    const claim: Claim = {
      id: claimId(input.articleId, text),
      articleId: input.articleId,
      sentenceIndex: sentence.index,
      text,
      ...(attribution ? { attribution } : {}),
      quotes,
      quantities,
      ...(time ? { time } : {}),
      entities,
      hedges: findHedges(text, attribution),
    };
    // A capitalised word past the first ("the Russian military") stands for a name the lexicon does not know yet.
    const named = entities.length > 0 || /\s\p{Lu}\p{Ll}/u.test(text.slice(1));
    const carries = !!attribution || quotes.length > 0 || quantities.length > 0 || (named && HAS_VERB.test(text));
    const draft: Draft = { claim, carries, inQuote: startsOpen || endsOpen };
    drafts.push(draft);
    if (attribution && quotes.length) quoting = attribution;
    // Quoted words without a named speaker wait for the one named where the quotation closes, else the paragraph's.
    if (!attribution && quotes.length) pending.push(draft);
    if (startsOpen && !endsOpen && attribution) flush(attribution);
    open = endsOpen;
  });
  flush(quoting);
  const seen = new Set<string>();
  const claims: Claim[] = [];
  for (const d of drafts) {
    // Sentences inside a quotation are the speaker's claims even without numbers or names ("Yes, it is difficult for us.").
    if (!(input.keepAll || d.carries || (d.inQuote && d.claim.attribution)) || seen.has(d.claim.id)) continue;
    seen.add(d.claim.id);
    claims.push(d.claim);
  }
  return claims;
}
