/**
 * The hover card: a dialog near the highlighted range, kept inside the
 * viewport. Content is either a name (entity card, loaded from the library)
 * or a page sentence with other outlets' reports of it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../../core/types';
import type { EntityCard, LinkedReport } from '../../shared/messages';
import { EntityView } from '../../ui/EntityView';
import { kindLabel } from '../../ui/format';
import { ReportList } from '../../ui/ReportView';

/** A card about a name: its kind at once, the library's card once loaded (or why it could not be). */
export interface NameCardContent {
  type: 'entity';
  entityId: string;
  name: string;
  kind: EntityKind;
  card?: EntityCard;
  error?: string;
}

/** A card about a page sentence: how other stored articles reported it. */
export interface ClaimCardContent {
  type: 'claim';
  sentence: string;
  reports: LinkedReport[];
}

/** What a card shows. */
export type CardContent = NameCardContent | ClaimCardContent;

/** Viewport rectangle the card is placed next to. */
export interface Anchor {
  left: number;
  top: number;
  bottom: number;
  right: number;
}

/** Props of {@link Card}. */
export interface CardProps {
  content: CardContent;
  anchor: Anchor;
  /** Move focus into the card once shown (keyboard use). */
  focus: boolean;
  /** Changes on every open (not on content updates), so focus moves once per open. */
  openId?: number;
  onClose: () => void;
}

const GAP = 8;
/** Tallest card (matches the stylesheet's max-height). */
const MAX_HEIGHT = 600;
/** Shortest useful card. */
const MIN_HEIGHT = 120;

/** Where the card goes: left/top and the most height it may take. */
export interface Placement {
  left: number;
  top: number;
  maxHeight: number;
}

/**
 * Places a `width` x `height` box below the anchor, else above; when neither
 * fits, on the roomier side with its height capped, so the card never covers
 * the word it is about. Always inside the viewport.
 */
export function placeCard(anchor: Anchor, width: number, height: number, viewport = { width: innerWidth, height: innerHeight }): Placement {
  const cap = Math.min(MAX_HEIGHT, viewport.height * 0.7);
  const wanted = Math.min(height, cap);
  const left = Math.max(GAP, Math.min(anchor.left, viewport.width - width - GAP));
  const roomBelow = viewport.height - anchor.bottom - 2 * GAP;
  const roomAbove = anchor.top - 2 * GAP;
  if (wanted <= roomBelow || roomBelow >= roomAbove) {
    // Below the word; a word at the very bottom still gets a usable card, shifted up.
    const maxHeight = Math.min(cap, Math.max(roomBelow, MIN_HEIGHT));
    const shown = Math.min(wanted, maxHeight);
    return { left, top: Math.max(GAP, Math.min(anchor.bottom + GAP, viewport.height - GAP - shown)), maxHeight };
  }
  const maxHeight = Math.min(cap, Math.max(roomAbove, MIN_HEIGHT));
  const shown = Math.min(wanted, maxHeight);
  return { left, top: Math.max(GAP, anchor.top - GAP - shown), maxHeight };
}

function title(content: CardContent): string {
  return content.type === 'entity' ? content.name : 'How others reported this';
}

/** The card dialog. */
export function Card({ content, anchor, focus, openId = 0, onClose }: CardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    // scrollHeight: the full content, not the height a previous placement capped it to.
    setPosition(placeCard(anchor, rect.width || 420, Math.max(rect.height, el.scrollHeight) || 200));
  }, [anchor.left, anchor.top, anchor.bottom, content]);
  useLayoutEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [focus, openId]);
  const label =
    content.type === 'entity'
      ? `Parallax: ${content.name}, ${kindLabel(content.kind).toLowerCase()}`
      : 'Parallax: other reports of this sentence';
  return (
    <div
      ref={ref}
      class="px-card px-root"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      style={{
        left: `${position?.left ?? anchor.left}px`,
        top: `${position?.top ?? anchor.bottom + GAP}px`,
        ...(position ? { maxHeight: `${position.maxHeight}px` } : {}),
      }}
    >
      <div class="px-head">
        <h2 class="px-title">{title(content)}</h2>
        {content.type === 'entity' && <span class="px-kind">{kindLabel(content.kind)}</span>}
        <button type="button" class="px-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <CardBody content={content} />
    </div>
  );
}

function CardBody({ content }: { content: CardContent }) {
  if (content.type === 'claim') {
    return (
      <div>
        <p class="px-quote">{content.sentence}</p>
        <ReportList reports={content.reports} />
      </div>
    );
  }
  if (content.error) return <p class="px-muted">Could not load what the library knows: {content.error}</p>;
  if (!content.card)
    return (
      <p class="px-muted" aria-live="polite">
        Looking up the library…
      </p>
    );
  return <EntityView card={content.card} />;
}
