/**
 * A stored article's text cut into what the article view renders: the text
 * between sentences as written (line breaks kept), and each sentence with its
 * index and whether it holds a claim. Pure, so it is tested without a DOM.
 */
import type { StoredArticle } from '../shared/messages';
import { quoteFromHash, sentenceFromHash } from '../ui/links';

/** A run of the article's text: a sentence (with its index) or the text between two sentences. */
export type ArticleSegment = { kind: 'gap'; text: string } | { kind: 'sentence'; index: number; text: string; claim: boolean };

/**
 * Splits the stored text at its sentences' offsets. Every character of the text is in exactly one
 * segment, in order; sentences that overlap an earlier one (never expected) are left as plain text.
 */
export function articleSegments(article: Pick<StoredArticle, 'text' | 'sentences' | 'claimSentences'>): ArticleSegment[] {
  const claims = new Set(article.claimSentences);
  const segments: ArticleSegment[] = [];
  let at = 0;
  for (const s of [...article.sentences].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end <= s.start || s.end > article.text.length) continue;
    if (s.start > at) segments.push({ kind: 'gap', text: article.text.slice(at, s.start) });
    segments.push({ kind: 'sentence', index: s.index, text: article.text.slice(s.start, s.end), claim: claims.has(s.index) });
    at = s.end;
  }
  if (at < article.text.length) segments.push({ kind: 'gap', text: article.text.slice(at) });
  return segments;
}

/** The article id from the view's query (`?article=<id>`), or null. */
export function articleIdFromQuery(search: string): string | null {
  const id = new URLSearchParams(search).get('article');
  return id && id.length <= 200 ? id : null;
}

/** Text compared loosely: case, runs of spaces and the quote marks' shapes do not matter. */
const loose = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The sentence a link's fragment names: `#s<index>` by index, `#q=<words>` by its words (the
 * sentence that is them, else the first that contains them or is contained in them), or null.
 */
export function resolveTarget(article: Pick<StoredArticle, 'text' | 'sentences'>, hash: string): number | null {
  const index = sentenceFromHash(hash);
  if (index !== null) return article.sentences.some((s) => s.index === index) ? index : null;
  const quote = quoteFromHash(hash);
  if (!quote) return null;
  const wanted = loose(quote);
  const texts = article.sentences.map((s) => ({ index: s.index, text: loose(article.text.slice(s.start, s.end)) }));
  const found =
    texts.find((s) => s.text === wanted) ?? texts.find((s) => s.text.includes(wanted) || (s.text.length > 20 && wanted.includes(s.text)));
  return found?.index ?? null;
}
