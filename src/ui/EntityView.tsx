/**
 * What the library knows about one name: kind, other spellings, and each
 * stored article that mentions it with the sentence where it does (oldest first,
 * as the background orders them).
 */
import type { EntityCard } from '../shared/messages';
import { articleLine } from './format';

/** Other spellings of an entity, without its display name. */
export function otherSpellings(card: EntityCard): string[] {
  const name = card.entity.name.toLowerCase();
  return [...new Set(card.entity.aliases)].filter((a) => a.toLowerCase() !== name);
}

/** The body of an entity card (heading and chrome come from the caller). */
export function EntityView({ card }: { card: EntityCard }) {
  const spellings = otherSpellings(card);
  return (
    <div>
      {card.entity.description && <p class="px-muted">{card.entity.description}</p>}
      {spellings.length > 0 && (
        <p>
          <span class="px-muted">Also written: </span>
          {spellings.join(', ')}
        </p>
      )}
      {card.articles.length === 0 ? (
        <p class="px-muted">No stored article mentions this name yet.</p>
      ) : (
        <ul class="px-list" aria-label="Stored articles that mention it">
          {card.articles.map(({ article, sentences }) => (
            <li key={article.id}>
              <div class="px-source">{articleLine(article)}</div>
              {sentences.slice(0, 3).map((s, i) => (
                <p key={i} class="px-quote">
                  {s}
                </p>
              ))}
              {sentences.length > 3 && <p class="px-muted px-small">and {sentences.length - 3} more sentences</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
