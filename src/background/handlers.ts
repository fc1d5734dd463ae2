/**
 * The background's answer to every `BackgroundCalls` method. Each handler
 * waits for the library to be ready, validates its params with the shared
 * valibot schemas, and, for calls that change the library, checks that the
 * sender is one of the extension's own pages.
 */
import type { BackgroundCalls } from '../shared/messages';
import type { Runtime } from '../shared/browser';
import type { Handlers } from '../shared/rpc';
import { parseParams } from '../shared/schemas';
import { countAll, listArticles } from '../store';
import { libraryLexiconData } from './library';
import { comparison, entityCard } from './cards';
import { importArticles } from './importLines';
import { ingestArticle } from './ingest';
import { canonicalPageUrl } from '../core/library';
import { matchSentences } from './match';
import { analyzePage } from './page';
import { isExtensionPage } from './sender';
import { articleLabel } from './summary';

type Sender = Runtime.MessageSender;
/**
 * `BackgroundCalls` as a mapped type: an interface has no implicit index
 * signature, so it does not satisfy rpc's `CallMap` constraint; this copy does.
 */
export type BackgroundCallMap = { [M in keyof BackgroundCalls]: BackgroundCalls[M] };
type Method = keyof BackgroundCalls;

/** How a handler is exposed: who may call it and what it does with validated params. */
interface Route<M extends Method> {
  privileged: boolean;
  run: (params: BackgroundCalls[M]['params'], sender: Sender) => Promise<BackgroundCalls[M]['result']>;
}

const routes: { [M in Method]: Route<M> } = {
  getLexicon: { privileged: false, run: () => libraryLexiconData() },
  getEntityCard: { privileged: false, run: (p) => entityCard(p.entityId) },
  matchSentences: { privileged: false, run: (p) => matchSentences(p) },
  analyzePage: { privileged: false, run: (p, sender) => analyzePage(p, sender) },
  getComparison: { privileged: false, run: (p) => comparison(p) },
  getLibraryStats: {
    privileged: false,
    run: async () => {
      const counts = await countAll();
      return { articles: counts.articles, entities: counts.entities, claims: counts.claims };
    },
  },
  listArticles: {
    privileged: true,
    run: async () => (await listArticles()).map(({ sortDate: _sortDate, ...article }) => ({ ...article, label: articleLabel(article) })),
  },
  saveArticle: {
    privileged: true,
    run: async (p) => {
      // Stored without its fragment, so the page is recognised as its own copy when revisited.
      const input = p.url ? { ...p, url: canonicalPageUrl(p.url) } : p;
      const { articleId, added } = await ingestArticle(input, { origin: 'saved' });
      return { articleId, added };
    },
  },
  importArticles: { privileged: true, run: (p) => importArticles(p.jsonl) },
};

/** Names of the methods only the extension's own pages may call. */
export const PRIVILEGED_METHODS = (Object.keys(routes) as Method[]).filter((m) => routes[m].privileged);

/**
 * Builds the handler table for `serve`. `ready` is awaited before any work:
 * it resolves once the store is open and seeded (see `index.ts`).
 */
export function createHandlers(ready: () => Promise<unknown>): Handlers<BackgroundCallMap, Sender> {
  const table = {} as Record<Method, (params: unknown, sender: Sender) => Promise<unknown>>;
  for (const method of Object.keys(routes) as Method[]) {
    const route = routes[method] as Route<Method>;
    table[method] = async (params, sender) => {
      if (route.privileged && !isExtensionPage(sender)) {
        throw new Error(`${method} is only accepted from Parallax's own pages, not from web pages.`);
      }
      const valid = parseParams(method, params ?? {});
      await ready();
      return route.run(valid as never, sender);
    };
  }
  return table as unknown as Handlers<BackgroundCallMap, Sender>;
}
