/**
 * The content script's top level for one tab: detects the article, runs a
 * {@link PageSession} that sends the article's text to the background and
 * paints what comes back, restarts it on single-page navigation, and answers
 * the background's and popup's calls.
 */
import { pageDate } from './pageDate';
import type { BackgroundCalls, ContentCalls, PageState, Result } from '../shared/messages';
import { DEFAULT_READING, type ReadingSettings } from '../shared/readingSettings';
import type { ReadingPort } from '../shared/readingStorage';
import type { Handlers } from '../shared/rpc';
import { detectArticle, type ArticleDetection } from './detect';
import { extractArticle } from './extract';
import { PageSession } from './session';

/** How long `getPageState` waits for a scan in progress before answering with what it has. */
const STATE_WAIT_MS = 3000;
/** Pause after a URL change before re-detecting (single-page apps render after navigating). */
const NAVIGATION_SETTLE_MS = 400;

/** `ContentCalls` as a type literal (interfaces do not satisfy rpc's index-signature constraint). */
export type ContentCallMap = { [M in keyof ContentCalls]: ContentCalls[M] };

/**
 * How the content script reaches the background: `callBackground` in the
 * extension; a stub in tests and in the page benchmark.
 */
export type BackgroundPort = <M extends keyof BackgroundCalls & string>(
  method: M,
  params: BackgroundCalls[M]['params'],
) => Promise<Result<BackgroundCalls[M]['result']>>;

const urlKey = (href: string) => href.split('#')[0]!;

/** The defaults, never changing: tests and the page benchmark. */
const FIXED_READING: ReadingPort = { load: async () => ({ ...DEFAULT_READING }), watch: () => {} };

/** Parallax in one document. */
export class ContentApp {
  private readonly controller = new AbortController();
  private session: PageSession | null = null;
  private detection: ArticleDetection = { isArticle: false, root: null, reason: 'not started' };
  private url: string;
  private started: Promise<void> = Promise.resolve();
  private navTimer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<ReadingSettings>;

  constructor(
    private readonly doc: Document,
    private readonly background: BackgroundPort,
    private readonly readingPort: ReadingPort = FIXED_READING,
  ) {
    this.reading = readingPort.load();
    this.url = urlKey(doc.location.href);
  }

  /** Detects and, on an article, starts highlighting. Never throws. */
  start(): Promise<void> {
    const win = this.doc.defaultView!;
    const signal = this.controller.signal;
    win.addEventListener('popstate', () => this.checkUrl(), { signal });
    const navigation = (win as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener?.('navigatesuccess', () => this.checkUrl(), { signal });
    // The reader changed a setting on the options page: repaint this page now, no reload.
    this.readingPort.watch((settings) => {
      this.reading = Promise.resolve(settings);
      this.session?.applySettings(settings);
    }, signal);
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
      entities: session?.pageEntities() ?? [],
      matches: session ? [...session.claims.matches].map(([key, m]) => ({ key, text: m.text, reports: m.reports })) : [],
      refining: session?.claims.refining ?? false,
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
    if (!this.detection.isArticle || this.controller.signal.aborted || this.session) return;
    // Read when the first sentences go out, not before the first names: JSON-LD parsing has a cost.
    let date: string | undefined | null = null;
    const reading = await this.reading;
    if (this.controller.signal.aborted || this.session) return;
    this.session = PageSession.start(
      this.doc,
      {
        findRoot: () => {
          const fresh = detectArticle(this.doc);
          return fresh.isArticle ? fresh.root : null;
        },
        analyze: async (blocks, fresh) => {
          const result = await this.background('analyzePage', { pageUrl: this.doc.location.href, fresh, blocks });
          return result.ok ? result.value : null;
        },
        matchSentences: async (sentences, options) => {
          if (date === null) date = pageDate(this.doc, this.detection.root);
          const result = await this.background('matchSentences', {
            pageUrl: this.doc.location.href,
            sentences,
            ...(date ? { pageDate: date } : {}),
            ...(options?.model ? { model: true } : {}),
          });
          return result.ok ? result.value : null;
        },
        getEntityCard: (entityId, pageClaimIds) =>
          this.background('getEntityCard', { entityId, pageClaimIds, pageUrl: this.doc.location.href }),
        onDomChanges: () => this.checkUrl(),
      },
      reading,
    );
    await this.session?.ready;
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
