/**
 * The one message between the background and Chrome's offscreen document: embed these texts.
 * Validated on arrival like every other message (valibot), since any extension context can send.
 */
import * as v from 'valibot';

/** Texts per call at most (the background sends a page's sentences in batches). */
export const EMBED_CALL_TEXTS = 400;

const EmbedCallSchema = v.object({
  type: v.literal('parallax-embed'),
  texts: v.pipe(v.array(v.pipe(v.string(), v.maxLength(4_000))), v.maxLength(EMBED_CALL_TEXTS)),
});

/** The request. */
export type EmbedCall = v.InferOutput<typeof EmbedCallSchema>;

/** The answer: vectors in input order, or why not. */
export type EmbedCallReply = { vectors: number[][]; backend: string } | { error: string };

/** Whether a message is a well-formed embed call. */
export function isEmbedCall(message: unknown): message is EmbedCall {
  return v.is(EmbedCallSchema, message);
}
