/**
 * `analyzePage`: the text work for a page, done here so that the page's main
 * thread only collects text and paints. For each batch of text blocks the
 * content script sends, the core spots known names (one spotting context per
 * page, so a bare "Zelensky" resolves after "Volodymyr Zelensky") and splits
 * sentences with the one core splitter; the content script then paints the
 * names and sends the new sentences' keys and texts to `matchSentences`.
 *
 *   blocks ─► spotMentions (SpotContext of tab + URL) ─► mentions + entities
 *          └► splitSentences ─► length filters ─► keyed sentences
 */
import { createSpotContext, spotMentions, type Lexicon, type SpotContext } from '../core/entities';
import { contentHash, splitSentences } from '../core/text';
import type { Runtime } from '../shared/browser';
import type { BackgroundCalls, BlockSentence, PageAnalysis } from '../shared/messages';
import { libraryLexicon } from './library';
import { canonicalPageUrl } from '../core/library';

/** Shortest and longest sentence worth matching (headlines and bylines are shorter; boilerplate runs longer). */
const MIN_CHARS = 30;
const MAX_CHARS = 600;
const MIN_WORDS = 5;

/** Pages whose spotting context is kept between calls; the oldest is dropped first. */
export const MAX_PAGES = 64;

/**
 * Spotting contexts by tab, frame and page URL. A cache only: the worker may
 * stop between two calls, and a later batch then starts from a fresh context
 * (a bare surname in it may go unresolved, nothing worse).
 */
const contexts = new Map<string, SpotContext>();

/** The page's context: a new one for a full scan, else the one kept for this tab and URL (fresh if none). */
export function pageContext(key: string, fresh: boolean): SpotContext {
  let context = fresh ? undefined : contexts.get(key);
  contexts.delete(key); // re-inserted below: Map order is the eviction order
  context ??= createSpotContext();
  contexts.set(key, context);
  while (contexts.size > MAX_PAGES) contexts.delete(contexts.keys().next().value!);
  return context;
}

/** The key of a sender's page: its tab, its frame and the page URL without fragment. */
export function pageKey(sender: Pick<Runtime.MessageSender, 'tab' | 'frameId'> | undefined, pageUrl: string): string {
  return `${sender?.tab?.id ?? -1}:${sender?.frameId ?? 0}:${canonicalPageUrl(pageUrl)}`;
}

/** Normalised form used for keys: collapsed spaces (the content script's `<br>` newlines included). */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The id of a page sentence in `matchSentences` (the same text always gets the same key). */
export function sentenceKey(text: string): string {
  return 's_' + contentHash(normalise(text));
}

/** A block's sentences worth matching, by the core splitter, with offsets into the block. */
export function blockSentences(text: string, block: number): BlockSentence[] {
  const out: BlockSentence[] = [];
  for (const sentence of splitSentences(text)) {
    const clean = normalise(sentence.text);
    if (clean.length < MIN_CHARS || clean.length > MAX_CHARS) continue;
    if (clean.split(' ').length < MIN_WORDS || !/\p{L}/u.test(clean)) continue;
    out.push({ block, start: sentence.start, end: sentence.end, key: sentenceKey(clean) });
  }
  return out;
}

/** Names and sentences of a batch of blocks, in block order, sharing one spotting context. */
export function analyzeBlocks(blocks: readonly string[], lexicon: Lexicon, context: SpotContext): PageAnalysis {
  const analysis: PageAnalysis = { mentions: [], entities: [], sentences: [] };
  const named = new Set<string>();
  blocks.forEach((text, block) => {
    for (const mention of spotMentions(text, lexicon, context)) {
      const entity = lexicon.entities.get(mention.entityId);
      if (!entity || mention.end <= mention.start) continue;
      analysis.mentions.push({ block, start: mention.start, end: mention.end, entityId: entity.id, surface: mention.surface });
      if (!named.has(entity.id)) {
        named.add(entity.id);
        analysis.entities.push({ id: entity.id, name: entity.name, kind: entity.kind });
      }
    }
    analysis.sentences.push(...blockSentences(text, block));
  });
  return analysis;
}

/** The `analyzePage` handler (params already validated). */
export async function analyzePage(
  params: BackgroundCalls['analyzePage']['params'],
  sender?: Pick<Runtime.MessageSender, 'tab' | 'frameId'>,
): Promise<PageAnalysis> {
  const lexicon = await libraryLexicon();
  return analyzeBlocks(params.blocks, lexicon, pageContext(pageKey(sender, params.pageUrl), params.fresh));
}
