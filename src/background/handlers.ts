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
import { countAll, dismissImportNotice, importNotice } from '../store';
import { browser } from '../shared/browser';
import { libraryLexiconData } from './library';
import { comparison, entityCard, withArticleEvidence } from './cards';
import { storedArticle } from './articleView';
import { importArticles } from './importLines';
import { saveReadArticle } from './readingSave';
import { scheduleAutoSave } from './autoSave';
import { canonicalPageUrl } from '../core/library';
import { matchSentences, pageContext } from './match';
import { analyzePage } from './page';
import { asPageLookup } from './priority';

import { checkSender } from './sender';
import { deleteLibraryArticles, exportLibrary, libraryArticles, resetLibrary } from './manage';
import { importLibraryFile } from './importLibrary';
import { changeSiteSettings, currentSiteSettings, isEnabledFor } from './siteSettings';

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

/** Runs work as it is (a model question is not a page waiting to paint). */
const run = <T>(work: () => Promise<T>): Promise<T> => work();

const routes: { [M in Method]: Route<M> } = {
  getLexicon: { privileged: false, run: () => libraryLexiconData() },
  getEntityCard: { privileged: false, run: (p) => entityCard(p.entityId, p.pageClaimIds, p.pageUrl) },
  // A site the reader switched off gets no names and no matches (enforced here, not trusted to the page's script).
  matchSentences: {
    privileged: false,
    run: (p, sender) =>
      // The lexical answer is a page waiting to paint: background work holds back while it runs.
      (p.model ? run : asPageLookup)(async () => ((await isEnabledFor(sender)) ? withArticleEvidence(await matchSentences(p)) : [])),
  },
  analyzePage: {
    privileged: false,
    run: (p, sender) =>
      asPageLookup(async () => {
        if (!(await isEnabledFor(sender))) return { mentions: [], entities: [], sentences: [] };
        // A page's first scan: on a site with "save articles I read here" on, its article is saved once.
        if (p.fresh) scheduleAutoSave(sender);
        return analyzePage(p, sender);
      }),
  },
  getComparison: { privileged: false, run: (p) => comparison(p) },
  getPageContext: { privileged: false, run: (p) => pageContext(p.pageUrl) },
  getLibraryStats: {
    privileged: false,
    run: async () => {
      const counts = await countAll();
      return { articles: counts.articles, entities: counts.entities, claims: counts.claims };
    },
  },
  listArticles: { privileged: true, run: () => libraryArticles() },
  getStoredArticle: { privileged: true, run: (p) => storedArticle(p.articleId) },
  saveArticle: {
    privileged: true,
    run: async (p) => {
      // Stored without its fragment, so the page is recognised as its own copy when revisited.
      const input = p.url ? { ...p, url: canonicalPageUrl(p.url) } : p;
      // The path of "save articles I read here" too: a new version of the URL replaces the old, a copy is noted.
      const { articleId, added } = await saveReadArticle(input);
      return { articleId, added };
    },
  },
  importArticles: { privileged: true, run: (p) => importArticles(p.jsonl) },
  importLibrary: { privileged: true, run: (p) => importLibraryFile(p.name, p.content) },
  exportLibrary: { privileged: true, run: () => exportLibrary() },
  deleteArticles: { privileged: true, run: (p) => deleteLibraryArticles(p.ids) },
  resetLibrary: { privileged: true, run: () => resetLibrary(browser.runtime.getManifest().version) },
  getImportNotice: {
    privileged: true,
    run: async () => {
      const notice = await importNotice();
      if (!notice) return null;
      const { name, articles, startedAt, outcome, detail } = notice;
      return { name, articles, startedAt, outcome, ...(detail ? { detail } : {}) };
    },
  },
  dismissImportNotice: { privileged: true, run: async () => (await dismissImportNotice(), null) },
  getSiteSettings: { privileged: true, run: () => currentSiteSettings() },
  setSiteSettings: { privileged: true, run: (p) => changeSiteSettings(p.host, p.settings) },
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
      const valid = parseParams(method, checkSender(method, route.privileged, params ?? {}, sender));
      await ready();
      return route.run(valid as never, sender);
    };
  }
  return table as unknown as Handlers<BackgroundCallMap, Sender>;
}
