/**
 * Atomic file output: write a temporary file in the destination's directory,
 * then rename it over the destination, so a failed or interrupted build never
 * leaves a half-written pack (rename within one file system is atomic).
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `chunks` to `path` atomically. The temporary file is removed on failure. */
export async function writeFileAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // Joined once: JSON.stringify of a 10,000-article pack is one string anyway.
    await writeFile(temp, [...chunks].join(''), 'utf8');
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
