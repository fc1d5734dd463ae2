/**
 * The seed corpus, bundled into the background at build time: the four seed
 * texts (`seeds/*.txt`, raw), with the curated gazetteer and the sidecar of
 * what each text supports about itself (loaded and validated by the core).
 */
import { contentHash } from '../core/text';
import { loadGazetteer, loadSeedSidecar, type SeedSidecarEntry } from '../core/library';
import type { Entity } from '../core/types';

/** One bundled seed text. */
export interface SeedText {
  /** File name in `seeds/`, the sidecar's key. */
  file: string;
  /** 1-based position in file-name order: "Seed article N". */
  number: number;
  text: string;
  sidecar?: SeedSidecarEntry;
}

// Eager `?raw` glob: the texts are strings inside the bundle, no fetch at run time.
const rawSeeds = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true });

/** The bundled seed texts, in file-name order. */
export function seedTexts(): SeedText[] {
  const sidecar = loadSeedSidecar();
  return Object.keys(rawSeeds)
    .sort()
    .map((path, i) => {
      const file = path.slice(path.lastIndexOf('/') + 1);
      const entry = sidecar[file];
      return { file, number: i + 1, text: rawSeeds[path]!, ...(entry ? { sidecar: entry } : {}) };
    });
}

/** The curated gazetteer. */
export function seedEntities(): Entity[] {
  return loadGazetteer();
}

/**
 * A hash of everything seeding reads. Stored in the seed marker: a build with
 * changed seeds, gazetteer or sidecar re-seeds once; an unchanged one never does.
 */
export function seedVersion(): string {
  const parts = seedTexts().map((s) => `${s.file}\n${s.text}\n${JSON.stringify(s.sidecar ?? null)}`);
  return contentHash(parts.join('\n\u0000\n') + '\n\u0000\n' + JSON.stringify(seedEntities()));
}
