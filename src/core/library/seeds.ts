/**
 * Typed, validated loading of the seed data: the curated gazetteer
 * (`seeds/gazetteer.json`) and the seed articles' sidecar
 * (`seeds/articles.json`: what each seed text supports about itself, every
 * field marked inferred with its evidence). Both are checked with valibot so a
 * bad edit fails loudly with the entry it is in, not later as a silent miss.
 */
import * as v from 'valibot';
import type { ArticleMeta, Entity, Inferred } from '../types';
import { isIsoDay } from '../text';
import gazetteerJson from '../../../seeds/gazetteer.json';
import sidecarJson from '../../../seeds/articles.json';

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/** One gazetteer entity. The id's prefix must equal its kind (`place:kyiv`). */
export const EntitySchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(/^(place|person|org):[a-z0-9]+(-[a-z0-9]+)*$/, 'id must look like kind:slug')),
    name: NonEmpty,
    kind: v.picklist(['place', 'person', 'org']),
    aliases: v.array(NonEmpty),
    roles: v.optional(v.array(NonEmpty)),
    description: v.optional(NonEmpty),
    context: v.optional(v.array(NonEmpty)),
    ambiguous: v.optional(v.array(NonEmpty)),
    origin: v.picklist(['gazetteer', 'discovered']),
  }),
  v.check((e) => e.id.startsWith(e.kind + ':'), 'id prefix must equal kind'),
);

const isoDate = v.pipe(v.string(), v.check(isIsoDay, 'must be an ISO date YYYY-MM-DD naming a real day'));

const inferred = <T extends v.GenericSchema<unknown, string>>(value: T) =>
  v.object({ value, inferred: v.literal(true), evidence: v.pipe(v.string(), v.minLength(20, 'evidence must quote the text')) });

/** What a seed text supports about itself; every field inferred, with evidence. */
export const SeedSidecarEntrySchema = v.strictObject({
  title: v.optional(inferred(NonEmpty)),
  dateline: v.optional(inferred(NonEmpty)),
  creditedAgency: v.optional(inferred(NonEmpty)),
  inferredDate: v.optional(inferred(isoDate)),
});

/** A sidecar entry: keyed by the seed's file name in `seeds/`. */
export type SeedSidecarEntry = v.InferOutput<typeof SeedSidecarEntrySchema>;

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.map((i) => `${v.getDotPath(i) ?? '(entry)'}: ${i.message}`).join('; ');
}

/**
 * Validates gazetteer JSON. Throws an Error naming the first bad entry (index
 * and id) and the field at fault; duplicate ids are an error too.
 */
export function parseGazetteer(json: unknown): Entity[] {
  if (!Array.isArray(json)) throw new Error('gazetteer: expected an array of entities');
  const seen = new Set<string>();
  return json.map((raw: unknown, index) => {
    const label = `gazetteer entry ${index}` + (isRecord(raw) && typeof raw.id === 'string' ? ` (${raw.id})` : '');
    const result = v.safeParse(EntitySchema, raw);
    if (!result.success) throw new Error(`${label}: ${describe(result.issues)}`);
    if (seen.has(result.output.id)) throw new Error(`${label}: duplicate id`);
    seen.add(result.output.id);
    return result.output as Entity;
  });
}

/** Validates the seed sidecar. Throws an Error naming the seed file and field at fault. */
export function parseSeedSidecar(json: unknown): Record<string, SeedSidecarEntry> {
  if (!isRecord(json)) throw new Error('seed sidecar: expected an object keyed by seed file name');
  const out: Record<string, SeedSidecarEntry> = {};
  for (const [file, raw] of Object.entries(json)) {
    if (!/^[\w.-]+\.txt$/.test(file)) throw new Error(`seed sidecar: key "${file}" is not a seed file name`);
    const result = v.safeParse(SeedSidecarEntrySchema, raw);
    if (!result.success) throw new Error(`seed sidecar entry "${file}": ${describe(result.issues)}`);
    out[file] = result.output;
  }
  return out;
}

/** The ArticleMeta fields a sidecar entry supplies (the title is the text's own headline line). */
export function sidecarMeta(
  entry: SeedSidecarEntry | undefined,
): Pick<ArticleMeta, 'title' | 'dateline' | 'creditedAgency' | 'inferredDate'> {
  if (!entry) return {};
  const meta: Pick<ArticleMeta, 'title' | 'dateline' | 'creditedAgency' | 'inferredDate'> = {};
  if (entry.title) meta.title = entry.title.value;
  if (entry.dateline) meta.dateline = entry.dateline as Inferred<string>;
  if (entry.creditedAgency) meta.creditedAgency = entry.creditedAgency as Inferred<string>;
  if (entry.inferredDate) meta.inferredDate = entry.inferredDate as Inferred<string>;
  return meta;
}

let gazetteerCache: Entity[] | undefined;
let sidecarCache: Record<string, SeedSidecarEntry> | undefined;

/** The bundled curated gazetteer, validated once. */
export function loadGazetteer(): Entity[] {
  return (gazetteerCache ??= parseGazetteer(gazetteerJson));
}

/** The bundled seed sidecar, validated once, keyed by seed file name. */
export function loadSeedSidecar(): Record<string, SeedSidecarEntry> {
  return (sidecarCache ??= parseSeedSidecar(sidecarJson));
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
