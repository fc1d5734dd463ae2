/**
 * The entity card's payload in the message contract (`getEntityCard`): what
 * the library says about a name in this page's story, its timeline of
 * events, the stored articles mentioning it, and a locator map.
 */
import type { Entity } from '../core/types';
import type { ArticleSummary } from './messages';

/** The hover card for a name. */
export interface EntityCard {
  entity: Entity;
  /** Each stored article mentioning the entity, oldest first, with its sentences. */
  articles: Array<{ article: ArticleSummary; sentences: string[] }>;
  /**
   * What the library says about the entity in this page's story: the stored sentences of the
   * page's events that name it. Absent when the page's story is not in the library.
   */
  inPageEvent?: Array<{ text: string; article: ArticleSummary }>;
  /** The library's events that name the entity, oldest first (undated last). */
  timeline?: EntityEventLine[];
  /** A small offline map locating the place (places with a known position only). */
  locator?: LocatorMap;
}

/** One event of an entity card's timeline: one line, the date when known, the outlets as stored. */
export interface EntityEventLine {
  eventId: string;
  label: string;
  date?: string;
  dateInferred?: boolean;
  /** The stored articles reporting it (labels and outlets as known, never invented). */
  articles: ArticleSummary[];
  /** True when this page's matched claims belong to the event. */
  onPage: boolean;
}

/** A locator map, pre-projected: land, borders, and the place as an outline or a point (see src/ui/locator). */
export interface LocatorMap {
  width: number;
  height: number;
  /** Land (all countries), an SVG path. */
  land: string;
  /** Borders between countries, an SVG path. */
  borders: string;
  /** The place's own outline (countries). */
  outline?: string;
  /** The place's position on the map (towns). */
  point?: { x: number; y: number };
  /** What the map shows and where its data comes from, in one line. */
  caption: string;
}
