/**
 * Article-level evidence for a claim card: a page sentence is compared with one
 * sentence of another article, but that article may give the page's number or
 * name in another sentence (a headline's "advanced near Bakhmut" matched, the
 * "7 km²" two paragraphs further down). Before a card says "only this page
 * gives 7 km²", it looks through the rest of the other article for the same
 * fact: the same amount (within rounding, whatever its bound) of the same thing
 * counted, or the same entity. Merely compatible bounds are not the same fact:
 * "up to 4 km" does not contradict "some three kilometers", but it does not say it.
 */
import type { ClaimDifference, Quantity } from '../types';
import { sameQuantity } from '../claims';
import { quantitiesComparable } from './compare';

/** One sentence of a stored article with what it states (its claim's quantities and the names it mentions). */
export interface FactSentence {
  index: number;
  text: string;
  quantities: readonly Quantity[];
  entities: readonly string[];
}

/** Another sentence of the other article that states a fact the matched sentence lacks or gives otherwise. */
export interface ArticleEvidence {
  /** A number (keyed by the page's words for it) or a name (keyed by its entity id). */
  kind: 'number' | 'name';
  /** The page's words for the number, or the entity id of the name. */
  fact: string;
  /** Where the other article states it. */
  sentenceIndex: number;
  /** That sentence, verbatim. */
  text: string;
  /** For a number, the words of that sentence that give it. */
  phrase?: string;
}

/** The sentence nearest to `from` (earlier first on a tie) that `has` accepts, skipping `from` itself. */
function nearest<T>(sentences: readonly FactSentence[], from: number, has: (s: FactSentence) => T | undefined) {
  let best: { sentence: FactSentence; found: T } | undefined;
  for (const sentence of sentences) {
    if (sentence.index === from) continue;
    const found = has(sentence);
    if (found === undefined) continue;
    const distance = Math.abs(sentence.index - from);
    const bestDistance = best ? Math.abs(best.sentence.index - from) : Infinity;
    if (distance < bestDistance || (distance === bestDistance && sentence.index < best!.sentence.index)) best = { sentence, found };
  }
  return best;
}

/**
 * For each number the page's sentence gives and the matched sentence (`matchedIndex`) does not
 * give alike (missing there, or another value), and each name only the page's sentence has
 * (`difference.entities.onlyA`): the other article's nearest sentence that states it. Facts the
 * article does not state anywhere get no evidence: for those "only this page" is true.
 */
export function findArticleEvidence(
  difference: Pick<ClaimDifference, 'numbers' | 'entities'>,
  matchedIndex: number,
  sentences: readonly FactSentence[],
): ArticleEvidence[] {
  const out: ArticleEvidence[] = [];
  for (const { a, b, agree } of difference.numbers) {
    if (!a || (b && agree)) continue;
    const hit = nearest(sentences, matchedIndex, (s) => s.quantities.find((q) => quantitiesComparable(a, q) && sameQuantity(a, q)));
    if (hit) out.push({ kind: 'number', fact: a.text, sentenceIndex: hit.sentence.index, text: hit.sentence.text, phrase: hit.found.text });
  }
  for (const entityId of difference.entities.onlyA) {
    const hit = nearest(sentences, matchedIndex, (s) => (s.entities.includes(entityId) ? true : undefined));
    if (hit) out.push({ kind: 'name', fact: entityId, sentenceIndex: hit.sentence.index, text: hit.sentence.text });
  }
  return out;
}
