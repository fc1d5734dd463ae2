/**
 * The names pass of a corpus build: which new names the archive introduces,
 * found before any article is analysed, so that no article's analysis depends
 * on which articles came before it.
 *
 * The extension's library learns names article by article (`LearningLexicon`):
 * fine for one reader, but it makes article 900's analysis depend on articles
 * 1-899, so a build split over machines would differ from one build. A corpus
 * build instead runs two passes:
 *
 *   1. names: every article's new names, each found against the curated
 *      gazetteer alone (cheap: cleaning, splitting, spotting and discovery,
 *      no claims), collected in input order, the earliest article winning an id;
 *   2. analysis: every article against gazetteer + all those names, a fixed
 *      lexicon, so each article's analysis is a pure function of its text.
 *
 * Every article still spots the names it introduces itself (as
 * `analyzeWithOwnNames` guarantees in the extension), and also those of any
 * other article in the archive, earlier or later.
 */
import { buildLexicon, createSpotContext, discoverEntities, spotMentions, type Lexicon } from '../entities';
import { cleanArticle, splitSentences } from '../text';
import type { Entity } from '../types';
import { LearningLexicon } from './libraryArticle';

/** The names one article introduces against `lexicon`: the discovery step of `analyzeArticle`, without claims. */
export function namesIntroduced(text: string, lexicon: Lexicon): Entity[] {
  const cleaned = cleanArticle(text).text;
  const sentences = splitSentences(cleaned);
  const mentions = spotMentions(cleaned, lexicon, createSpotContext()).sort((a, b) => a.start - b.start);
  return discoverEntities(cleaned, sentences, lexicon, mentions);
}

/**
 * Collects the names pass over an archive, fed in input order. Curated
 * entries win id clashes, then the earliest article (as `LearningLexicon`).
 */
export class CorpusNames {
  private readonly gazetteer: Lexicon;
  private readonly learnt: LearningLexicon;
  private readonly found: Entity[] = [];

  constructor(gazetteer: readonly Entity[]) {
    this.gazetteer = buildLexicon(gazetteer);
    this.learnt = new LearningLexicon(gazetteer);
  }

  /** Adds one article's text (the next in input order). */
  add(text: string): void {
    this.found.push(...this.learnt.learn(namesIntroduced(text, this.gazetteer)));
  }

  /** The names the archive introduces, in the order first seen: a pack's `discovered`. */
  get discovered(): Entity[] {
    return [...this.found];
  }

  /** Gazetteer plus every name found: the one lexicon every article of the build is analysed with. */
  get lexicon(): Lexicon {
    return this.learnt.lexicon;
  }
}
