/**
 * The data model shared by every part of Parallax: core analysis, the store,
 * the corpus CLI and the extension shells. Pure types, no runtime code.
 *
 * Offsets (`start`/`end`) are UTF-16 code-unit offsets into the text they
 * were computed on, end exclusive, like `String.prototype.slice`.
 */

/** What a named thing is. Highlights are registered one per kind. */
export type EntityKind = 'place' | 'person' | 'org';

/** A value the seed texts do not state outright, with the words that support it. */
export interface Inferred<T> {
  value: T;
  inferred: true;
  evidence: string;
}

/** A place, person or organisation and every spelling a reader will meet. */
export interface Entity {
  /** Stable id, e.g. `place:bakhmut`, `person:hanna-malyar`. */
  id: string;
  /** Canonical display name. */
  name: string;
  kind: EntityKind;
  /** Every other spelling: transliterations, former names, other languages. */
  aliases: string[];
  /** Roles that may stand for the person, e.g. "deputy defence minister". */
  roles?: string[];
  /** One line of description for cards. */
  description?: string;
  /**
   * Words whose presence nearby confirms an ambiguous alias (e.g. "Pentagon"
   * for "Austin"). Used only to disambiguate aliases marked ambiguous.
   */
  context?: string[];
  /** Aliases that are ambiguous on their own (bare surnames, "Washington"). */
  ambiguous?: string[];
  /** `gazetteer` entries are curated; `discovered` ones came from added articles. */
  origin: 'gazetteer' | 'discovered';
}

/** Where an article came from and what is known about it. */
export interface ArticleMeta {
  /** Content-hash id (`a_` + hex), stable across reinstalls. */
  id: string;
  title?: string;
  /** Outlet name: only when given by the source. Never invented. */
  outlet?: string;
  /** ISO date (YYYY-MM-DD) when given; otherwise see `inferredDate`. */
  date?: string;
  url?: string;
  /** Dateline city, e.g. "New Delhi" from "New Delhi: ...". */
  dateline?: Inferred<string>;
  /** Wire agency the text credits, e.g. Reuters. */
  creditedAgency?: Inferred<string>;
  /** The date the text's events imply. */
  inferredDate?: Inferred<string>;
  origin: 'seed' | 'saved' | 'import';
}

/** A sentence of cleaned article text. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
}

/** One occurrence of a known entity in a text. */
export interface Mention {
  entityId: string;
  /** The exact surface text matched, e.g. "Zelenskiy". */
  surface: string;
  start: number;
  end: number;
}

/** Canonical units after normalisation; `count` for bare numbers of things. */
export type QuantityUnit = 'km' | 'km2' | 'count' | 'percent' | 'usd' | 'people' | 'year';

/** A number in a claim, normalised to a canonical unit. */
export interface Quantity {
  /** The value in `unit` (3 miles -> 4.83 km). */
  value: number;
  unit: QuantityUnit;
  /** How the text bounds it. */
  bound: 'exact' | 'about' | 'more-than' | 'less-than' | 'up-to' | 'at-least';
  /** The words in the text, e.g. "some three kilometers". */
  text: string;
  /** What is counted when known ("settlements", "attacks"). */
  noun?: string;
}

/** Who makes a claim, and how. */
export interface Attribution {
  /** The speaker as written, e.g. "the Russian Defence Ministry". */
  speaker: string;
  /** Entity id of the speaker when known. */
  entityId?: string;
  /** Reporting verb lemma: said, claimed, told, wrote, added, according-to, ... */
  verb: string;
}

/** When a claim's event happened, as far as the text says. */
export interface ClaimTime {
  /** The words, e.g. "on Wednesday". */
  text: string;
  /** ISO date when resolved against the article's (possibly inferred) date. */
  date?: string;
  /** True when resolution used an inferred article date. */
  inferred?: boolean;
}

/** A reported statement: one sentence unit with its structure. */
export interface Claim {
  /** `c_` + hash of article id and normalised sentence. */
  id: string;
  articleId: string;
  sentenceIndex: number;
  text: string;
  attribution?: Attribution;
  quotes: string[];
  quantities: Quantity[];
  time?: ClaimTime;
  /** Entity ids involved (places, people, organisations). */
  entities: string[];
  /** Hedging phrases: "unable to independently confirm", "did not specify", "possibly". */
  hedges: string[];
}

/** How two reports of the same claim differ. */
export interface ClaimDifference {
  /** Quantity pairs that disagree, or that only one side gives. */
  numbers: Array<{ a?: Quantity; b?: Quantity; agree: boolean }>;
  attribution: { a?: Attribution; b?: Attribution; same: boolean };
  hedges: { onlyA: string[]; onlyB: string[] };
  /** Entities only one side names. */
  entities: { onlyA: string[]; onlyB: string[] };
  /** Word-level diff of the two texts. */
  wording: Array<{ op: 'same' | 'added' | 'removed'; text: string }>;
}

/** How a stored claim relates to a page sentence: the same claim, a related one, or only a ranked candidate. */
export type Relation = 'same' | 'related' | 'candidate';

/** Why a link is not `same`: another day, another speaker, a stock sentence, or too weak a match. */
export type RelationReason = 'other-day' | 'other-speaker' | 'boilerplate' | 'weak';

/** A stored claim that reports the same thing as a query sentence. */
export interface ClaimLink {
  claimId: string;
  articleId: string;
  score: number;
  /** Present when the query asked for relations (`QueryOptions.relations`). */
  relation?: Relation;
  reasons?: RelationReason[];
  difference?: ClaimDifference;
  /** The sentence model's cosine, when the model found or confirmed this link. */
  cosine?: number;
}

/** Claims linked across articles: one real-world happening. */
export interface NewsEvent {
  id: string;
  label: string;
  date?: string;
  dateInferred?: boolean;
  claimIds: string[];
  articleIds: string[];
  entityIds: string[];
}

/** Text submitted to the library from anywhere: a seed, a saved page, an import line, a CLI line. */
export interface ArticleInput {
  text: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
}
