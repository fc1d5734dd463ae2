import { buildLexicon, type Lexicon } from '../../../../src/core/entities';
import { loadGazetteer } from '../../../../src/core/library';
import { createSpotContext, spotMentions, type SpotContext } from '../../../../src/core/entities';

/** The lexicon built from the bundled gazetteer, shared by the tests. */
export const lexicon: Lexicon = buildLexicon(loadGazetteer());

/** "surface=entityId" pairs for a text, in order. */
export function spot(text: string, context: SpotContext = createSpotContext(), lex: Lexicon = lexicon): string[] {
  return spotMentions(text, lex, context).map((m) => `${m.surface}=${m.entityId}`);
}
