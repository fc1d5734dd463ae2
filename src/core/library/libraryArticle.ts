/**
 * The one analysis of an article that joins a library, for every way in:
 * seeding, saving a page, a JSON Lines import and the corpus CLI's build.
 *
 *   input ─► analyzeArticle (known names) ─► new names? ─► analyzeArticle again (known + its own names)
 *                                                               │
 *   LearningLexicon.learn(discovered) ◄─────────────────────────┘  (the next article knows them too)
 */
import { buildLexicon, extendLexicon, type Lexicon } from '../entities';
import type { ArticleInput, ArticleMeta, Entity } from '../types';
import { analyzeArticle, type AnalyzedArticle } from './analyze';

/**
 * Analyses an article so that the names it introduces are also spotted in it.
 * Without the second pass, storing the same text again (once the library knows
 * those names) would find more mentions than the first time: re-imports and
 * re-seeds would not be idempotent, and a pack would differ from the library.
 */
export function analyzeWithOwnNames(
  input: ArticleInput & { origin: ArticleMeta['origin'] },
  lexicon: Lexicon,
  extra?: Partial<ArticleMeta>,
): AnalyzedArticle {
  const first = analyzeArticle(input, lexicon, extra);
  const fresh = first.discovered.filter((e) => !lexicon.entities.has(e.id));
  if (!fresh.length) return first;
  const second = analyzeArticle(input, extendLexicon(lexicon, fresh), extra);
  const discovered = new Map([...fresh, ...second.discovered].map((e) => [e.id, e]));
  return { ...second, discovered: [...discovered.values()] };
}

/**
 * A lexicon that grows with the articles analysed against it, as the library's
 * does: the names one article introduces are known to the next. Earlier
 * entities win on id clashes (a curated entry is never replaced by a
 * discovered one).
 */
export class LearningLexicon {
  private readonly known: Map<string, Entity>;
  private current: Lexicon;

  constructor(entities: readonly Entity[]) {
    this.known = new Map(entities.map((e) => [e.id, e]));
    this.current = buildLexicon([...this.known.values()]);
  }

  /** The lexicon of every entity known so far. */
  get lexicon(): Lexicon {
    return this.current;
  }

  /** Learns entities; returns the ones that were new (only they are compiled). */
  learn(entities: readonly Entity[]): Entity[] {
    const fresh = entities.filter((e) => !this.known.has(e.id));
    for (const e of fresh) this.known.set(e.id, e);
    if (fresh.length) this.current = extendLexicon(this.current, fresh);
    return fresh;
  }

  /** Every entity learnt beyond the ones it started with is in here too. */
  get entities(): Entity[] {
    return [...this.known.values()];
  }
}

/** Analyses one article against a growing lexicon and teaches the lexicon its new names. */
export function analyzeIntoLibrary(
  input: ArticleInput & { origin: ArticleMeta['origin'] },
  names: LearningLexicon,
  extra?: Partial<ArticleMeta>,
): AnalyzedArticle {
  const analysed = analyzeWithOwnNames(input, names.lexicon, extra);
  names.learn(analysed.discovered);
  return analysed;
}
