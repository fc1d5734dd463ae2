/**
 * The messages between the background and the sentence-model worker. Vectors travel as plain
 * number arrays: Chrome's extension messaging (service worker to offscreen document) is JSON, so
 * a typed array would arrive as an object of indices.
 */

/** Embed these texts; `id` pairs the reply with its request. */
export interface EmbedRequest {
  id: number;
  texts: string[];
}

/** The vectors, in input order, or why there are none. */
export type EmbedReply = { id: number; vectors: number[][]; backend: string } | { id: number; error: string };

/** The sentence model's name, stored with every vector (a new model means re-embedding). */
export const MODEL_NAME = 'use-lite-512';
/** Its vectors' length. */
export const MODEL_DIM = 512;

/** Largest batch the host sends per request: one request is one stretch of the worker's time. */
export const EMBED_BATCH = 16;
