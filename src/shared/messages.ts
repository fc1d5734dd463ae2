/**
 * The typed message contract: one map per direction, method name to
 * `{ params, result }`. Failures travel as `Result` values, never as thrown
 * objects (they do not survive structured cloning across contexts).
 *
 * Anything a content script sends is untrusted (it runs beside the page):
 * the background validates params with the schemas in `./schemas.ts`.
 */
import type { LexiconData } from '../core/entities';
import type { ArticleEvidence } from '../core/matching';
import type { ArticleInput, ArticleMeta, Claim, RelationReason, ClaimDifference, EntityKind, NewsEvent } from '../core/types';
import type { EntityCard } from './entityCard';

export type { ArticleInput };
export type { EntityCard, EntityEventLine, LocatorMap } from './entityCard';

/** A serialisable success-or-failure value. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a card or panel shows about an article. Outlet/date only when known; inferred ones say so. */
export interface ArticleSummary {
  id: string;
  /** Human label: title, else outlet, else "Seed article N", plus dateline. */
  label: string;
  title?: string;
  outlet?: string;
  url?: string;
  date?: string;
  /** True when `date` was inferred from the text, not given by the source. */
  dateInferred?: boolean;
  dateline?: string;
  creditedAgency?: string;
  origin: 'seed' | 'saved' | 'import';
}

/** One other outlet's report of a claim on the page. */
export interface LinkedReport {
  claim: Claim;
  article: ArticleSummary;
  score: number;
  /** `same`: this outlet's report of the claim; `related`: same subject, another day or speaker (see `reasons`). */
  relation: 'same' | 'related';
  reasons: RelationReason[];
  difference: ClaimDifference;
  /** The sentence model's cosine when the model found or confirmed the link (its words alone may not have). */
  cosine?: number;
  /**
   * Other sentences of the same article that give a number or name the matched sentence lacks
   * (see core `findArticleEvidence`); a fact with none is one the article really does not state.
   */
  evidence?: ArticleEvidence[];
}

export type { ArticleEvidence };

/** A stored article as the article view shows it: its saved text, its sentences, which of them are claims. */
export interface StoredArticle {
  article: ArticleSummary;
  /** The cleaned text as stored; sentences are offsets into it, and the text between them is kept as written. */
  text: string;
  sentences: Array<{ index: number; start: number; end: number }>;
  /** Sentence indexes that hold a stored claim (what matching compares). */
  claimSentences: number[];
}

/** A page sentence that matched stored claims. `key` is the content script's own id for it. */
export interface SentenceMatch {
  key: string;
  reports: LinkedReport[];
}

/** The page as the library sees it (for the panel's "same wire report as ..." and "this page: 6 Mar"). */
export interface PageContext {
  /** Stored articles whose text this page carries (its saved copy, or the same wire report under another URL). */
  copyOf: ArticleSummary[];
  /** The page's date as matching used it (given by the page, else its stored copy's, possibly inferred). */
  pageDate?: { date: string; inferred: boolean };
  /** The sentence model: loading, ready or failed (then matching uses words alone), and claims embedded so far. */
  model?: { state: 'idle' | 'loading' | 'ready' | 'failed'; detail?: string; embedded: number; claims: number };
}

/** The popup's comparison panel for a page. */
export interface Comparison {
  /** Events the page's matched claims belong to, each with every outlet's version. */
  events: Array<{ event: NewsEvent; reports: Array<{ claim: Claim; article: ArticleSummary }> }>;
  /** Dated events involving the page's entities, for the timeline, oldest first. */
  timeline: Array<{ date: string; dateInferred: boolean; label: string; eventId: string }>;
}

/** A known name in one of the page's text blocks; offsets are into that block's text. */
export interface BlockMention {
  /** Index of the block in the call's `blocks`. */
  block: number;
  start: number;
  end: number;
  entityId: string;
  surface: string;
}

/** A sentence of a page block worth matching; `key` is its id in `matchSentences`. */
export interface BlockSentence {
  block: number;
  start: number;
  end: number;
  key: string;
}

/** What the background found in a batch of page blocks: names first, and the sentences to match next. */
export interface PageAnalysis {
  mentions: BlockMention[];
  /** The entities named by `mentions`, for the popup's list and the cards' titles. */
  entities: Array<{ id: string; name: string; kind: EntityKind }>;
  sentences: BlockSentence[];
}

/** Calls into the background (from content scripts, popup, options). */
export interface BackgroundCalls {
  /** Every known entity with its spellings, compiled for the content script's spotter. */
  getLexicon: { params: Record<string, never>; result: LexiconData };
  /**
   * Names and candidate sentences in a batch of the page's text blocks (the page does DOM work only).
   * `fresh` starts the page's spotting context anew (a full scan); otherwise the tab's context for this
   * URL carries on, so a bare surname resolves after the full name seen in an earlier batch.
   */
  analyzePage: { params: { pageUrl: string; fresh: boolean; blocks: string[] }; result: PageAnalysis };
  /**
   * Card data for one entity. `pageClaimIds`: the stored claims the page's sentences matched, which
   * tell the page's story (events) apart from the rest of the library; `pageUrl` keeps the page's own
   * stored copy out of what the library says about that story.
   */
  getEntityCard: { params: { entityId: string; pageClaimIds?: string[]; pageUrl?: string }; result: EntityCard };
  /**
   * Find stored claims reporting the same thing as these page sentences. With `model`, the stored
   * claims nearest in meaning (the sentence model) are judged too: slower, so the page asks after
   * painting the lexical answer; without a loaded model the answer is the lexical one.
   */
  matchSentences: {
    /**
     * `pageDate` (YYYY-MM-DD) from the page's metadata: the same place on another day is another event.
     * Sentences in page order, each with its block, so speakers resolve across sentences as in stored articles.
     */
    params: { pageUrl: string; pageDate?: string; sentences: Array<{ key: string; text: string; block?: number }>; model?: boolean };
    result: SentenceMatch[];
  };
  /** What the library knows of the page itself: the stored articles it is a copy of, and the date it was matched with. */
  getPageContext: { params: { pageUrl: string }; result: PageContext };
  /** Events and timeline for claims and entities found on a page. */
  getComparison: { params: { claimIds: string[]; entityIds: string[] }; result: Comparison };
  /** Add one article to the library (idempotent: same text, same id). */
  saveArticle: { params: ArticleInput; result: { articleId: string; added: boolean } };
  /** Import JSON Lines of articles; reports per-line errors and loses nothing valid. */
  importArticles: {
    params: { jsonl: string };
    result: { added: number; skipped: number; errors: Array<{ line: number; error: string }> };
  };
  /** Every stored article's metadata with its display label, oldest added first (options page). */
  listArticles: { params: Record<string, never>; result: LibraryArticle[] };
  /** One stored article's text, sentences and claims, for the article view (extension pages only). */
  getStoredArticle: { params: { articleId: string }; result: StoredArticle };
  /** Library size for the options page and popup footer. */
  getLibraryStats: { params: Record<string, never>; result: { articles: number; entities: number; claims: number } };
  /** Import a library pack or JSON Lines file, all or nothing (progress arrives as `importProgress` messages). */
  importLibrary: { params: { name: string; content: string }; result: ImportSummary };
  /** Export the whole library as a pack (the options page downloads it as one file). */
  exportLibrary: { params: Record<string, never>; result: { fileName: string; json: string; articles: number } };
  /** Delete articles with their claims and mentions. */
  deleteArticles: { params: { ids: string[] }; result: { deleted: number } };
  /** Empty the library and seed it again (site switches are kept). */
  resetLibrary: { params: Record<string, never>; result: { articles: number } };
  /** An import that did not finish (cut off, or failed while writing), to be told once; null when none. */
  getImportNotice: { params: Record<string, never>; result: ImportNoticeView | null };
  /** The reader has read the notice. */
  dismissImportNotice: { params: Record<string, never>; result: null };
  /** Every site's switches, by host name. */
  getSiteSettings: { params: Record<string, never>; result: Record<string, SiteSwitches> };
  /** Set one site's switches; `null` forgets the site. */
  setSiteSettings: { params: { host: string; settings: SiteSwitches | null }; result: Record<string, SiteSwitches> };
}

/** What an import did: on success the counts; otherwise why nothing was imported. */
export interface ImportSummary {
  ok: boolean;
  kind: 'pack' | 'jsonl' | 'unknown';
  /** Articles new to the library. */
  added: number;
  /** Articles already stored, or repeated in the file (same content hash): merged, not added twice. */
  merged: number;
  /** Why nothing was imported (only when `ok` is false). */
  error?: string;
  /** Each invalid article or line, and why. */
  rejected: Array<{ where: string; reason: string }>;
}

/** One import progress message (background to the options page). */
export interface ImportProgress {
  importId: string;
  phase: 'analysing' | 'writing';
  done: number;
  total: number;
}

/** An import that did not finish, as the options page tells it. */
export interface ImportNoticeView {
  name: string;
  articles: number;
  startedAt: number;
  outcome: 'interrupted' | 'failed';
  detail?: string;
}

/** A site's switches. */
export interface SiteSwitches {
  /** False: no highlights and no matches on this site. */
  enabled: boolean;
  /** "Save articles I read here". */
  autoSave: boolean;
}

/** A stored article as the options page lists it: its metadata (inferred fields marked) and label. */
export interface LibraryArticle extends ArticleMeta {
  label: string;
  addedAt: number;
  seedNumber?: number;
  /** Stored claims and name mentions of the article. */
  claims: number;
  mentions: number;
}

/** A name found on the page, as the popup lists it. */
export interface PageEntity {
  entityId: string;
  name: string;
  kind: EntityKind;
  count: number;
  /** Spellings seen on this page. */
  surfaces: string[];
}

/** What the content script knows about its page. */
export interface PageState {
  url: string;
  title: string;
  isArticle: boolean;
  entities: PageEntity[];
  matches: Array<{ key: string; text: string; reports: LinkedReport[] }>;
  /** True while the page waits for the sentence model's links (they follow the lexical ones). */
  refining?: boolean;
}

/** Calls into a tab's content script (from the background or popup). */
export interface ContentCalls {
  /** Move keyboard focus to the next/previous highlight and open its card. */
  stepHighlight: { params: { direction: 1 | -1 }; result: null };
  /** The page's entities and matched claims. */
  getPageState: { params: Record<string, never>; result: PageState };
  /** The page's article text (Readability), for "Save to library". */
  extractArticle: { params: Record<string, never>; result: ArticleInput | null };
}

/** The envelope on the wire. `parallax: 1` tells our messages from anyone else's. */
export interface Envelope<M extends string = string, P = unknown> {
  parallax: 1;
  method: M;
  params: P;
}
