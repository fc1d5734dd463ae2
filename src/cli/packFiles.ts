/**
 * Pack files for the corpus CLI: reading and validating them, writing them
 * atomically, and the file side of `merge` and `split --by-month`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPack, mergeShards, splitByMonth, type LoadedPack, type Pack } from '../core/library';
import { writeFileAtomic } from './atomicWrite';
import { InputError } from './jsonl';

/** Reads and validates a pack file; `InputError` names the file on any fault. */
export async function readPackFile(path: string): Promise<LoadedPack> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, 0, `cannot read pack: ${(e as Error).message}`);
  }
  try {
    return loadPack(json);
  } catch (e) {
    throw new InputError(path, 0, (e as Error).message);
  }
}

/** Writes a pack atomically (never a half-written file). */
export async function writePackFile(path: string, pack: Pack): Promise<void> {
  await writeFileAtomic(path, [JSON.stringify(pack)]);
}

/** Merges shard pack files into `output`; returns the merged pack. */
export async function mergePackFiles(inputs: readonly string[], output: string, now: Date): Promise<Pack> {
  const shards = await Promise.all(inputs.map(async (path) => (await readPackFile(path)).pack));
  let merged: Pack;
  try {
    merged = mergeShards(shards, now);
  } catch (e) {
    throw new InputError(inputs.join(', '), 0, (e as Error).message);
  }
  await writePackFile(output, merged);
  return merged;
}

/**
 * Writes one pack per month of `pack` into the directory `outDir`
 * (`YYYY-MM.json`, `undated.json`); returns each month's file and article count.
 */
export async function writeMonths(pack: Pack, outDir: string): Promise<Array<{ file: string; articles: number }>> {
  await mkdir(outDir, { recursive: true });
  const written: Array<{ file: string; articles: number }> = [];
  for (const [month, part] of splitByMonth(pack)) {
    const file = join(outDir, `${month}.json`);
    await writePackFile(file, part);
    written.push({ file, articles: part.articles.length });
  }
  return written;
}
