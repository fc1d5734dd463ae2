/**
 * Offline locator maps for the entity card: a base map (the war's region, or
 * the world) pre-projected to SVG paths by `scripts/make-locator.mjs`, with
 * the place marked: a dot for a town at its GeoNames position, an outline for
 * a country (Natural Earth). Places without one known position get no map.
 * The background attaches the map to the card payload, so the data is
 * bundled with the background only, never with the content script.
 */
import type { LocatorMap } from '../../shared/messages';
import data from './locatorData.json';

export type { LocatorMap };

interface PlaceEntry {
  map: string;
  x?: number;
  y?: number;
  lon?: number;
  lat?: number;
  outline?: string;
  from: string;
}

const maps = data.maps as Record<string, { width: number; height: number; land: string; borders: string }>;
const places = data.places as Record<string, PlaceEntry>;

const degrees = (value: number, positive: string, negative: string) => `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;

/** The locator map of a place, or undefined when its position is not known. */
export function locatorFor(entityId: string, name: string): LocatorMap | undefined {
  const place = places[entityId];
  const base = place && maps[place.map];
  if (!place || !base) return undefined;
  const region = place.map === 'world' ? 'the world' : 'Ukraine and its neighbours';
  if (place.outline) {
    return { ...base, outline: place.outline, caption: `${name} outlined on a map of ${region}. Shapes: Natural Earth.` };
  }
  if (place.x === undefined || place.y === undefined || place.lat === undefined || place.lon === undefined) return undefined;
  const where = `${degrees(place.lat, 'N', 'S')}, ${degrees(place.lon, 'E', 'W')}`;
  return {
    ...base,
    point: { x: place.x, y: place.y },
    caption: `${name} (${where}, GeoNames) on a map of ${region}. Shapes: Natural Earth.`,
  };
}
