/**
 * One page session: everything Parallax does on one article page between
 * detection and teardown. The text work happens in the background; the page
 * only collects blocks and paints.
 *
 *   collectBlocks (sliced) ─► analyzeAndPaint ─► RangeIndex ─► HighlightLayer (CSS.highlights)
 *   watchDom ─► rescan changed blocks            trackHover / step ─► CardView
 *
 * `destroy()` removes every highlight, the stylesheet, the card host, the
 * observer and every listener (one AbortController).
 */
import type { PageEntity } from '../shared/messages';
import { DEFAULT_READING, type ReadingSettings } from '../shared/readingSettings';
import type { AnalyzeBlocks, EntityInfo } from './analysis';
import { type TextBlock } from './blocks';
import { CardView, type CardDeps } from './cardView';
import { ClaimTracker, type MatchSentences } from './claims';
import { collectBlocks } from './collect';
import { entryAtPoint } from './hitTest';
import { HighlightLayer, highlightRegistry } from './highlights';
import { trackHover } from './hover';
import { watchDom, type DomChanges } from './observe';
import { RangeIndex, type HighlightEntry } from './rangeIndex';
import { analyzeAndPaint, changedScopes, type ScanTarget } from './scan';
import { createSlicer, isAbort } from './slicer';
import { DensityFilter } from './density';

/** What a session needs from outside the page. */
export interface SessionDeps extends CardDeps {
  /** Names and sentences of block texts (the background's `analyzePage`). */
  analyze: AnalyzeBlocks;
  matchSentences: MatchSentences;
  /** Where the article's text is now (re-asked when the old root leaves the DOM). */
  findRoot: () => Element | null;
  /** Called after each DOM change batch, e.g. to notice single-page navigation. */
  onDomChanges?: () => void;
}

/** Highlights and cards for one page. Create with {@link PageSession.start}. */
export class PageSession implements ScanTarget {
  readonly index = new RangeIndex();
  readonly claims: ClaimTracker;
  readonly entities = new Map<string, EntityInfo>();
  readonly analyze: AnalyzeBlocks;
  private readonly controller = new AbortController();
  private readonly layer: HighlightLayer;
  private readonly card: CardView;
  private root: Element | null = null;
  private queue: Promise<void> = Promise.resolve();
  private scanAbort: AbortController | null = null;
  private density: DensityFilter;
  /** Resolves when the first full scan (names and claims) is done. */
  ready: Promise<void> = Promise.resolve();

  private constructor(
    private readonly doc: Document,
    private readonly deps: SessionDeps,
    layer: HighlightLayer,
    private settings: ReadingSettings,
  ) {
    this.layer = layer;
    this.density = new DensityFilter(settings.names);
    this.analyze = deps.analyze;
    this.claims = new ClaimTracker(deps.matchSentences);
    this.card = new CardView(doc, this.index, deps, this.entities, this.claims);
  }

  /** Starts a session, or returns null where the Custom Highlight API is missing. */
  static start(doc: Document, deps: SessionDeps, settings: ReadingSettings = DEFAULT_READING): PageSession | null {
    const registry = highlightRegistry();
    if (!registry) return null;
    const session = new PageSession(doc, deps, new HighlightLayer(registry), { ...settings });
    const win = doc.defaultView!;
    const signal = session.controller.signal;
    trackHover(
      win,
      {
        enabled: () => session.settings.cards === 'on',
        hitTest: (x, y) => entryAtPoint(doc, registry, session.index, x, y),
        inCard: (target) => session.card.contains(target),
        openEntry: () => session.card.openEntry,
        open: (entry) => session.card.open(entry, false),
        close: () => session.card.close(),
      },
      signal,
    );
    session.card.listen(win, signal);
    watchDom(doc.documentElement, {
      ownHost: () => session.card.hostElement,
      onChanges: (changes) => session.onChanges(changes),
      signal,
    });
    session.ready = session.enqueue(() => session.fullScan());
    return session;
  }

  /** Opens the card of the next/previous highlight in document order, focused (unless cards are off). */
  step(direction: 1 | -1): void {
    if (this.settings.cards !== 'off') this.card.step(direction);
  }

  /**
   * Follows a change of the reader's settings: a new name density repaints
   * the page (a full rescan; claim matches are remembered, so only names are
   * asked again); cards no longer opened by hover are closed.
   */
  applySettings(next: ReadingSettings): void {
    const previous = this.settings;
    this.settings = { ...next };
    if (next.cards !== previous.cards && next.cards !== 'on') this.card.close();
    if (next.names === previous.names || this.controller.signal.aborted) return;
    void this.enqueue(async (signal) => {
      // The scan's first batch replaces everything painted under the old rule (a full replace resets the filter).
      this.density = new DensityFilter(next.names);
      await this.fullScan(signal);
    });
  }

  /** Names found on the page, most frequent first. */
  pageEntities(): PageEntity[] {
    const byId = new Map<string, PageEntity>();
    for (const entry of this.index.entries()) {
      if (entry.kind === 'claim') continue;
      const entity = this.entities.get(entry.entityId);
      if (!entity) continue;
      const item = byId.get(entry.entityId) ?? { entityId: entry.entityId, name: entity.name, kind: entity.kind, count: 0, surfaces: [] };
      item.count++;
      if (entry.surface && !item.surfaces.includes(entry.surface)) item.surfaces.push(entry.surface);
      byId.set(entry.entityId, item);
    }
    // Mentions left unpainted by the density rule still count (with names off, they are all there is).
    const surfaces = this.density.quietSurfaces();
    for (const [id, n] of this.density.quietCounts()) {
      const entity = this.entities.get(id);
      const item = byId.get(id) ?? (entity && { entityId: id, name: entity.name, kind: entity.kind, count: 0, surfaces: [] });
      if (!item) continue;
      item.count += n;
      for (const s of surfaces.get(id) ?? []) if (!item.surfaces.includes(s)) item.surfaces.push(s);
      byId.set(id, item);
    }
    return [...byId.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Removes everything this session added to the page. */
  destroy(): void {
    this.controller.abort();
    this.scanAbort?.abort();
    this.card.destroy();
    this.layer.destroy();
    this.index.clear();
  }

  private enqueue(task: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const run = async () => {
      if (this.controller.signal.aborted) return;
      const scan = (this.scanAbort = new AbortController());
      const stop = () => scan.abort();
      this.controller.signal.addEventListener('abort', stop, { once: true });
      try {
        await task(scan.signal);
      } catch (error) {
        if (!isAbort(error)) throw error;
      } finally {
        this.controller.signal.removeEventListener('abort', stop);
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue.catch(() => {});
  }

  private onChanges(changes: DomChanges): void {
    this.deps.onDomChanges?.();
    if (this.controller.signal.aborted) return;
    const scopes = changes.full || !this.root?.isConnected ? null : changedScopes(this.root, changes.elements);
    void this.enqueue((signal) => (scopes ? this.partialScan(scopes, signal) : this.fullScan(signal)));
  }

  private async fullScan(signal?: AbortSignal): Promise<void> {
    this.root = this.deps.findRoot();
    const stale = [...this.index.entries()];
    if (!this.root) return this.replace(stale, []);
    const blocks = await collectBlocks(this.root, { signal, skip: this.card.hostElement, slicer: createSlicer(signal) });
    await analyzeAndPaint(this, blocks, stale, true, signal);
  }

  private async partialScan(scopes: Element[], signal: AbortSignal): Promise<void> {
    const stale = [...this.index.entries()].filter((e) => !e.block.element.isConnected || scopes.some((s) => s.contains(e.block.element)));
    const slicer = createSlicer(signal);
    const blocks: TextBlock[] = [];
    const articleRoot = this.root;
    for (const scope of scopes) blocks.push(...(await collectBlocks(scope, { signal, skip: this.card.hostElement, slicer, articleRoot })));
    await analyzeAndPaint(this, blocks, stale, false, signal);
  }

  /** Swaps entries in the index and the registered highlights. */
  replace(stale: HighlightEntry[], fresh: HighlightEntry[]): void {
    const full = stale.length > 0 && stale.length === this.index.size;
    // Blocks whose names were re-analysed lose their quiet counts; claims painted later (the model's) are not a rescan.
    const rescanned = new Set(fresh.filter((e) => e.kind !== 'claim').map((e) => e.block.element));
    this.density.forget(stale, rescanned, full);
    this.index.remove(stale);
    for (const e of stale) this.layer.remove(e.kind, [e.range]);
    if (stale.includes(this.card.openEntry!)) this.card.close();
    for (const e of this.density.keep(fresh)) {
      this.index.add(e);
      this.layer.add(e.kind, [e.range]);
    }
  }
}
