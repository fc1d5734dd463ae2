/**
 * `getStoredArticle`: one stored article for the extension's article view, its
 * saved text with the sentence offsets and which sentences hold claims. The
 * text goes out as stored; the view renders it as text, never as HTML.
 */
import type { StoredArticle } from '../shared/messages';
import { claimsOfArticle, getArticle } from '../store';
import { summarizeArticle } from './summary';

/** The article view's data; throws for an id the library does not hold (the view says so). */
export async function storedArticle(articleId: string): Promise<StoredArticle> {
  const [record, claims] = await Promise.all([getArticle(articleId), claimsOfArticle(articleId)]);
  if (!record) throw new Error(`No stored article with id ${articleId}: it may have been deleted.`);
  const { text, sentences: _sentences, ...meta } = record;
  // Offsets are into the stored text; a sentence they do not point at (never expected) is left out rather than misplaced.
  const sentences = record.sentences
    .filter((s) => s.start >= 0 && s.end <= text.length && text.slice(s.start, s.end) === s.text)
    .map(({ index, start, end }) => ({ index, start, end }));
  const claimSentences = [...new Set(claims.map((c) => c.sentenceIndex))].sort((a, b) => a - b);
  return { article: summarizeArticle(meta), text, sentences, claimSentences };
}
