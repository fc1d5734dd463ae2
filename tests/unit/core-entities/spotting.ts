import { buildLexicon, type Lexicon } from '../../../src/core/entities/lexicon';
import { loadGazetteer } from '../../../src/core/library/seeds';
import { createSpotContext, spotMentions, type SpotContext } from '../../../src/core/entities/spot';

/** The lexicon built from the bundled gazetteer, shared by the tests. */
export const lexicon: Lexicon = buildLexicon(loadGazetteer());

/** "surface=entityId" pairs for a text, in order. */
export function spot(text: string, context: SpotContext = createSpotContext(), lex: Lexicon = lexicon): string[] {
  return spotMentions(text, lex, context).map((m) => `${m.surface}=${m.entityId}`);
}
