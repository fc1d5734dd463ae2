/**
 * The content script's top level for one tab: detects the article, fetches
 * and compiles the lexicon once, runs a {@link PageSession}, restarts it on
 * single-page navigation, and answers the background's and popup's calls.
 */
import { pageDate } from './pageDate';
import { buildLexicon, lexiconFromData, type Lexicon, type LexiconData } from '../core/entities';
import type { Entity } from '../core/types';
import type { ContentCalls, PageState } from '../shared/messages';
import { callBackground, type Handlers } from '../shared/rpc';
import { detectArticle, type ArticleDetection } from './detect';
import { extractArticle } from './extract';
import { PageSession } from './session';
import { yieldToPage } from './slicer';

/** How long `getPageState` waits for a scan in progress before answering with what it has. */
const STATE_WAIT_MS = 3000;
/** Pause after a URL change before re-detecting (single-page apps render after navigating). */
const NAVIGATION_SETTLE_MS = 400;

/** `ContentCalls` as a type literal (interfaces do not satisfy rpc's index-signature constraint). */
export type ContentCallMap = { [M in keyof ContentCalls]: ContentCalls[M] };

/**
 * The matcher from what `getLexicon` sent: an entity list (compiled here), or
 * already-compiled `LexiconData`, which skips all text work on a cold page.
 */
export function lexiconOf(value: unknown): Lexicon | null {
  if (Array.isArray(value)) return value.length ? buildLexicon(value as Entity[]) : null;
  if (value && typeof value === 'object' && (value as LexiconData).format === 1) return lexiconFromData(value as LexiconData);
  return null;
}

const urlKey = (href: string) => href.split('#')[0]!;

/** Parallax in one document. */
export class ContentApp {
  private readonly controller = new AbortController();
  private session: PageSession | null = null;
  private detection: ArticleDetection = { isArticle: false, root: null, reason: 'not started' };
  private lexicon: Promise<Lexicon | null> | null = null;
  private url: string;
  private started: Promise<void> = Promise.resolve();
  private navTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {
    this.url = urlKey(doc.location.href);
  }

  /** Detects and, on an article, starts highlighting. Never throws. */
  start(): Promise<void> {
    const win = this.doc.defaultView!;
    const signal = this.controller.signal;
    win.addEventListener('popstate', () => this.checkUrl(), { signal });
    const navigation = (win as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener?.('navigatesuccess', () => this.checkUrl(), { signal });
    this.started = this.run().catch(() => {});
    return this.started;
  }

  /** The handlers for {@link ContentCalls}. */
  handlers(): Handlers<ContentCallMap> {
    return {
      stepHighlight: ({ direction }) => {
        this.session?.step(direction === -1 ? -1 : 1);
        return null;
      },
      getPageState: () => this.pageState(),
      extractArticle: () => extractArticle(this.doc),
    };
  }

  /** What Parallax found on the page (waits briefly for a scan in progress). */
  async pageState(): Promise<PageState> {
    const wait = new Promise<void>((resolve) => setTimeout(resolve, STATE_WAIT_MS));
    await Promise.race([this.started.then(() => this.session?.ready), wait]);
    const session = this.session;
    return {
      url: this.doc.location.href,
      title: this.doc.title,
      isArticle: this.detection.isArticle,
      entities: session?.entities() ?? [],
      matches: session ? [...session.claims.matches].map(([key, m]) => ({ key, text: m.text, reports: m.reports })) : [],
    };
  }

  /** Stops everything and removes all that Parallax added. */
  destroy(): void {
    this.controller.abort();
    clearTimeout(this.navTimer);
    this.session?.destroy();
    this.session = null;
  }

  private async run(): Promise<void> {
    this.detection = detectArticle(this.doc);
    if (!this.detection.isArticle || this.controller.signal.aborted) return;
    const lexicon = await this.loadLexicon();
    // Building the lexicon is one synchronous piece of work: give the page its turn before scanning.
    await yieldToPage();
    if (!lexicon || this.controller.signal.aborted || this.session) return;
    this.session = PageSession.start(this.doc, {
      lexicon,
      findRoot: () => {
        const fresh = detectArticle(this.doc);
        return fresh.isArticle ? fresh.root : null;
      },
      matchSentences: async (sentences) => {
        const date = pageDate(this.doc, this.detection.root);
        const result = await callBackground('matchSentences', {
          pageUrl: this.doc.location.href,
          sentences,
          ...(date ? { pageDate: date } : {}),
        });
        return result.ok ? result.value : null;
      },
      getEntityCard: (entityId) => callBackground('getEntityCard', { entityId }),
      onDomChanges: () => this.checkUrl(),
    });
    await this.session?.ready;
  }

  private loadLexicon(): Promise<Lexicon | null> {
    this.lexicon ??= callBackground('getLexicon', {}).then((result) => {
      const lexicon = result.ok ? lexiconOf(result.value) : null;
      if (!lexicon) this.lexicon = null; // retry on the next navigation
      return lexicon;
    });
    return this.lexicon;
  }

  /** Restarts on a new URL (single-page navigation); the hash alone does not count. */
  private checkUrl(): void {
    const now = urlKey(this.doc.location.href);
    if (now === this.url || this.controller.signal.aborted) return;
    this.url = now;
    clearTimeout(this.navTimer);
    this.navTimer = setTimeout(() => {
      this.session?.destroy();
      this.session = null;
      this.started = this.run().catch(() => {});
    }, NAVIGATION_SETTLE_MS);
  }
}
