/**
 * The core pipeline from article text to stored structure:
 *
 *   raw text ─► cleanArticle ─► splitSentences ─► spotMentions (whole text, one context)
 *                  │                                  │
 *                  └─ dateline, sign-off agency       └─► extractClaims (per sentence) ─► discoverEntities
 *
 * Used by the background (seeding, saving), the corpus CLI and the bench; and,
 * for the page sentences the content script sends, `analyzePageSentences` runs
 * the same `extractClaims` over them in page order, so "It claimed ..." on a
 * page names the speaker the sentence before it named, as it does in a stored
 * article.
 */
import type { ArticleMeta, Claim, Entity, Inferred, Mention, Sentence } from '../types';
import type { ArticleInput } from '../types';
import type { Lexicon } from '../entities';
import { createSpotContext, spotMentions, type SpotContext } from '../entities';
import { discoverEntities } from '../entities';
import { cleanArticle, parseDateline, signOffAgency } from '../text';
import { splitSentences } from '../text';
import { extractClaims } from '../claims';
import { contentHash } from '../text';
import { articleDate } from '../text';

/** Everything the core derives from one article. */
export interface AnalyzedArticle {
  meta: ArticleMeta;
  /** Cleaned text; sentence and mention offsets point into it. */
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  claims: Claim[];
  discovered: Entity[];
}

/** Mentions inside one sentence, with offsets shifted to the sentence. `mentions` sorted by start. */
function mentionsIn(mentions: readonly Mention[], s: Sentence): Mention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length && mentions[i]!.start < s.end; i++) {
    const m = mentions[i]!;
    if (m.end <= s.end) out.push({ ...m, start: m.start - s.start, end: m.end - s.start });
  }
  return out;
}

function inferredDateline(text: string): Inferred<string> | undefined {
  const city = parseDateline(text);
  if (!city) return undefined;
  const paragraph = text.split('\n').find((p) => p.toLowerCase().startsWith(city.toLowerCase())) ?? text;
  const opening = paragraph.slice(0, 60).replace(/\s+/g, ' ');
  return {
    value: city,
    inferred: true,
    evidence: `The article opens "${opening}…": a place name before a colon or dash at the start of the text is a dateline.`,
  };
}

/**
 * Analyses one article: cleans it, splits sentences, spots entities, extracts
 * claims and discovers new names. `extra` carries metadata the text itself does
 * not (a seed sidecar's inferred date, a saved page's outlet); the input's own
 * title/outlet/date/url win over it. Id: `a_` + hash of the cleaned text.
 */
export function analyzeArticle(
  input: ArticleInput & { origin: ArticleMeta['origin'] },
  lexicon: Lexicon,
  extra: Partial<ArticleMeta> = {},
): AnalyzedArticle {
  const cleaned = cleanArticle(input.text);
  const text = cleaned.text;
  const id = 'a_' + contentHash(text);
  const meta: ArticleMeta = { ...extra, id, origin: input.origin };
  for (const key of ['title', 'outlet', 'date', 'url'] as const) if (input[key]) meta[key] = input[key];
  const dateline = extra.dateline ?? inferredDateline(text);
  if (dateline) meta.dateline = dateline;
  const agency = signOffAgency(cleaned.removed);
  if (!meta.creditedAgency && agency) {
    meta.creditedAgency = {
      value: agency,
      inferred: true,
      evidence: `The text ends with the sign-off line "${agency}", which credits the reporting.`,
    };
  }
  const sentences = splitSentences(text);
  const mentions = spotMentions(text, lexicon, createSpotContext()).sort((a, b) => a.start - b.start);
  const dated = articleDate(meta);
  const claims = extractClaims({
    articleId: id,
    text,
    sentences,
    ...(dated ? { date: dated.date, dateInferred: dated.inferred } : {}),
    spot: (_text, sentence) => (sentence ? mentionsIn(mentions, sentence) : []),
  });
  const discovered = discoverEntities(text, sentences, lexicon, mentions);
  return { meta, text, sentences, mentions, claims, discovered };
}

/** Options for analysing one page sentence. */
export interface SentenceOptions {
  /** The page's date when known (YYYY-MM-DD), to resolve "on Wednesday". */
  date?: string;
  dateInferred?: boolean;
  /** Page-level spotting state, so a bare surname resolves after the full name. */
  context?: SpotContext;
  articleId?: string;
  index?: number;
}

/**
 * One page sentence as a Claim-shaped object (article id `page` unless given),
 * for matching against the library. Always returns a claim, even for a
 * sentence that carries no structure: the matcher decides.
 */
export function analyzeSentence(text: string, lexicon: Lexicon, opts: SentenceOptions = {}): Claim {
  return analyzeRun([{ text }], lexicon, opts.context ?? createSpotContext(), opts)[0]!;
}

/** A page sentence to analyse; `block` is the page paragraph it came from (absent: a paragraph of its own). */
export interface PageSentenceInput {
  text: string;
  block?: number;
}

/**
 * A page's sentences, in page order, as Claim-shaped objects (one per sentence,
 * article id `page`), analysed as an article is: the sentences that carry a
 * block run together, one paragraph per block, so a pronoun or short-form
 * speaker ("It claimed", "the ministry said") and a quotation running over
 * several sentences resolve as they did when the same text was stored. A
 * sentence without a block (a CLI query line) is analysed alone.
 */
export function analyzePageSentences(sentences: readonly PageSentenceInput[], lexicon: Lexicon, opts: SentenceOptions = {}): Claim[] {
  const context = opts.context ?? createSpotContext();
  const out: Claim[] = [];
  for (let from = 0; from < sentences.length;) {
    let to = from + 1;
    if (sentences[from]!.block !== undefined) while (to < sentences.length && sentences[to]!.block !== undefined) to++;
    out.push(...analyzeRun(sentences.slice(from, to), lexicon, context, opts));
    from = to;
  }
  return out;
}

/** One run of page sentences through `extractClaims`, a new line between blocks (`paragraphOf`). */
function analyzeRun(run: readonly PageSentenceInput[], lexicon: Lexicon, context: SpotContext, opts: SentenceOptions): Claim[] {
  const units = run.map((s) => s.text.replace(/\s+/g, ' ').trim());
  let text = '';
  const sentences: Sentence[] = units.map((unit, i) => {
    if (i > 0) text += run[i]!.block === run[i - 1]!.block ? ' ' : '\n';
    const start = text.length;
    text += unit;
    return { index: (opts.index ?? 0) + i, text: unit, start, end: text.length };
  });
  const claims = extractClaims({
    articleId: opts.articleId ?? 'page',
    text,
    sentences,
    ...(opts.date ? { date: opts.date, dateInferred: !!opts.dateInferred } : {}),
    spot: (t) => spotMentions(t, lexicon, context),
    keepAll: true,
  });
  // One claim per distinct text (`extractClaims` keeps the first): a repeated sentence shares it.
  const byText = new Map(claims.map((c) => [c.text, c]));
  return units.map((unit) => byText.get(unit)!);
}
