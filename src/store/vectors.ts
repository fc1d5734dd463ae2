/**
 * Claim vectors: written by the background's embedding job, read once into the in-memory
 * `ClaimVectors` the model matching searches. Kept apart from article writes on purpose: an
 * article is usable (lexically) the moment it is written, and its vectors follow.
 */
import { db } from './db';
import type { VectorRecord } from './schema';

/** Every stored vector. */
export async function allVectors(): Promise<VectorRecord[]> {
  return (await db()).getAll('vectors');
}

/** Ids of the claims that have a vector (keys only: no codes are read). */
export async function vectorClaimIds(): Promise<Set<string>> {
  return new Set(await (await db()).getAllKeys('vectors'));
}

/** How many claims have a vector (a count, nothing read). */
export async function vectorCount(): Promise<number> {
  return (await db()).count('vectors');
}

/** Writes vectors in one transaction (a batch of one embedding call). */
export async function putVectors(rows: readonly VectorRecord[]): Promise<void> {
  if (!rows.length) return;
  const tx = (await db()).transaction('vectors', 'readwrite');
  await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
}

/** Removes the vectors of claims no longer stored (an article re-written with other sentences). */
export async function deleteVectors(claimIds: readonly string[]): Promise<void> {
  if (!claimIds.length) return;
  const tx = (await db()).transaction('vectors', 'readwrite');
  await Promise.all([...claimIds.map((id) => tx.store.delete(id)), tx.done]);
}
