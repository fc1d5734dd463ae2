/**
 * Which card is open and for which highlight: opens cards for hover and for
 * keyboard stepping, loads entity data from the library (cached per page),
 * follows scrolling, and closes on Escape.
 */
import type { EntityCard, Result } from '../shared/messages';
import type { EntityInfo } from './analysis';
import { liveRange } from './blocks';
import type { Anchor, CardContent, NameCardContent } from './card/Card';
import { CardHost } from './card/host';
import { quietly } from './quiet';
import type { ClaimTracker } from './claims';
import type { HighlightEntry, NameEntry, RangeIndex } from './rangeIndex';

/** Library access the card needs. */
export interface CardDeps {
  /** `pageClaimIds`: the stored claims the page's sentences matched (they name the page's story). */
  getEntityCard: (entityId: string, pageClaimIds: string[]) => Promise<Result<EntityCard>>;
}

/** Claim ids sent with a card request at most (the background's cap per call). */
const MAX_PAGE_CLAIMS = 1000;

function anchorOf(entry: HighlightEntry): Anchor {
  const rects = liveRange(entry.range).getClientRects();
  const r = rects.length ? rects[0]! : liveRange(entry.range).getBoundingClientRect();
  return { left: r.left, top: r.top, bottom: r.bottom, right: r.right };
}

/** The card state of one page session. */
export class CardView {
  private readonly host: CardHost;
  private entry: HighlightEntry | null = null;
  private position = -1;
  private readonly cards = new Map<string, Promise<Result<EntityCard>>>();
  private readonly settled = new Map<string, { card?: EntityCard; error?: string }>();

  constructor(
    doc: Document,
    private readonly index: RangeIndex,
    private readonly deps: CardDeps,
    private readonly entities: ReadonlyMap<string, EntityInfo>,
    private readonly claims: ClaimTracker,
  ) {
    this.host = new CardHost(doc, () => {
      this.entry = null;
    });
  }

  /** The highlight whose card is open. */
  get openEntry(): HighlightEntry | null {
    return this.entry;
  }

  /** The host element, once created. */
  get hostElement(): Element | null {
    return this.host.element;
  }

  /** Whether an event target is the card. */
  contains(target: EventTarget | null): boolean {
    return this.host.contains(target);
  }

  /** Opens the card for `entry`; `focus` for keyboard use. */
  open(entry: HighlightEntry, focus: boolean): void {
    if (!entry.range.startContainer.isConnected) return;
    this.entry = entry;
    const content = this.contentFor(entry);
    this.host.open(content, anchorOf(entry), focus);
    if (content.type === 'entity' && entry.kind !== 'claim' && !content.card) void this.load(entry, content);
  }

  /** Closes the card. */
  close(): void {
    this.host.close();
    this.entry = null;
  }

  /** Moves to the next/previous highlight in document order, scrolls to it and opens its card. */
  step(direction: 1 | -1): void {
    const list = this.index.ordered();
    if (list.length === 0) return;
    const current = this.entry ? list.indexOf(this.entry) : -1;
    const from = current >= 0 ? current : this.position;
    const next = from < 0 ? (direction > 0 ? 0 : list.length - 1) : (from + direction + list.length) % list.length;
    this.position = next;
    const entry = list[next]!;
    const win = entry.block.element.ownerDocument.defaultView!;
    const rect = liveRange(entry.range).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight * 0.75) {
      // A range cannot take focus or scrollIntoView; scroll the window by its rect.
      win.scrollTo({ top: win.scrollY + rect.top - win.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    }
    this.open(entry, true);
  }

  /** Escape closes; scrolling keeps the card next to its word. */
  listen(win: Window, signal: AbortSignal): void {
    win.addEventListener(
      'keydown',
      quietly((event: KeyboardEvent) => {
        if (event.key === 'Escape' && this.entry) this.close();
      }),
      { capture: true, signal },
    );
    let frame = 0;
    win.addEventListener(
      'scroll',
      () => {
        if (!this.entry || frame) return;
        frame = win.requestAnimationFrame(
          quietly(() => {
            frame = 0;
            if (this.entry) this.host.reposition(anchorOf(this.entry));
          }),
        );
      },
      { capture: true, passive: true, signal },
    );
  }

  /** Removes the host. */
  destroy(): void {
    this.entry = null;
    this.host.destroy();
  }

  private contentFor(entry: HighlightEntry): CardContent {
    if (entry.kind === 'claim') {
      const match = this.claims.matches.get(entry.key);
      return { type: 'claim', sentence: match?.text ?? entry.block.text.slice(entry.start, entry.end), reports: match?.reports ?? [] };
    }
    const entity = this.entities.get(entry.entityId);
    const base = {
      type: 'entity' as const,
      entityId: entry.entityId,
      name: entity?.name ?? entry.surface,
      kind: entity?.kind ?? entry.kind,
    };
    const cached = this.settled.get(`${base.entityId}\u0001${this.claims.matches.size}`);
    return cached ? { ...base, ...cached } : base;
  }

  /** The stored claims the page's sentences matched so far. */
  private pageClaimIds(): string[] {
    const ids = new Set<string>();
    for (const match of this.claims.matches.values()) for (const r of match.reports) ids.add(r.claim.id);
    return [...ids].slice(0, MAX_PAGE_CLAIMS);
  }

  private async load(entry: NameEntry, content: NameCardContent): Promise<void> {
    // Cached per entity and per number of matched sentences: a card asked before the claims were matched is asked again.
    const key = `${content.entityId}\u0001${this.claims.matches.size}`;
    let pending = this.cards.get(key);
    if (!pending) this.cards.set(key, (pending = this.deps.getEntityCard(content.entityId, this.pageClaimIds())));
    const result = await pending;
    const settled = result.ok ? { card: result.value } : { error: result.error };
    if (result.ok) this.settled.set(key, settled);
    else this.cards.delete(key); // retry next time
    if (this.entry === entry) this.host.update({ ...content, ...settled });
  }
}
