/**
 * Seeding the library from the bundled corpus. Idempotent by construction:
 * every key is a content hash, each article is one transaction, and the seed
 * marker is written last, so two runs at once, a restart or a worker stopped
 * mid-seed leave either a complete seed or one that the next start completes,
 * never a duplicate.
 */
import { getMeta, putEntities, setMeta, type SeedMarker } from '../store';
import { ingestArticle } from './ingest';
import { invalidateLibraryCaches } from './library';
import { seedEntities, seedTexts, seedVersion } from './seedCorpus';
import { LearningLexicon, sidecarMeta } from '../core/library';

/**
 * The marker version: the seed inputs' hash plus the extension build, so an
 * update (which may analyse differently) re-seeds once, replacing rows in place.
 */
export function seedMarkerVersion(build = ''): string {
  return build ? `${seedVersion()}@${build}` : seedVersion();
}

/** Writes the gazetteer and every seed article, then the marker. */
export async function seedLibrary(build = ''): Promise<SeedMarker> {
  const version = seedMarkerVersion(build);
  const entities = seedEntities();
  await putEntities(entities);
  const articleIds: string[] = [];
  try {
    // The seeds are analysed with a lexicon built from seed data only (the gazetteer plus the
    // names discovered in earlier seeds of this run), never the library's: otherwise names
    // imported later would change a re-seed's mentions, and re-seeding would not be idempotent.
    const names = new LearningLexicon(entities);
    for (const seed of seedTexts()) {
      const { articleId, discovered } = await ingestArticle(
        { text: seed.text },
        { origin: 'seed', extra: sidecarMeta(seed.sidecar), seedNumber: seed.number, lexicon: names.lexicon },
      );
      articleIds.push(articleId);
      names.learn(discovered);
    }
  } finally {
    invalidateLibraryCaches();
  }
  const marker: SeedMarker = { version, articleIds, at: Date.now() };
  await setMeta('seed', marker);
  return marker;
}

/**
 * Seeds when the library has no marker for this corpus and build: first run,
 * an update, an interrupted seed (the marker is written last).
 */
export async function seedIfNeeded(build = ''): Promise<{ seeded: boolean; marker: SeedMarker }> {
  const marker = await getMeta('seed');
  if (marker && marker.version === seedMarkerVersion(build)) return { seeded: false, marker };
  return { seeded: true, marker: await seedLibrary(build) };
}
