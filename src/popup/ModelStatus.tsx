/**
 * One line on the sentence model, so a reader knows what the links rest on: ready (links by
 * meaning as well as words), still embedding the library, loading, or unavailable (then every link
 * comes from words alone, and the line says why).
 */
import type { PageContext } from '../shared/messages';

/** The model's state as the panel shows it. */
export function ModelStatus({ model }: { model: PageContext['model'] }) {
  if (!model) return null;
  const embedding =
    model.embedded < model.claims ? ` (${model.embedded.toLocaleString()} of ${model.claims.toLocaleString()} claims embedded so far)` : '';
  let text: string;
  switch (model.state) {
    case 'ready':
      text = `Sentence model ready: links by meaning as well as by words${embedding}.`;
      break;
    case 'failed':
      text = `Sentence model unavailable (${model.detail ?? 'unknown error'}): links come from words alone.`;
      break;
    case 'loading':
      text = 'Sentence model loading: links by words are shown; links by meaning follow.';
      break;
    default:
      text = 'Sentence model not started yet: it loads when an article page is read.';
  }
  return <span class="px-model-status">{text}</span>;
}
