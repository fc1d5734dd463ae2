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

/** What a card shows. */
export type CardContent =
  | { type: 'entity'; entityId: string; name: string; kind: EntityKind; card?: EntityCard; error?: string }
  | { type: 'claim'; sentence: string; reports: LinkedReport[] };

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
  onClose: () => void;
}

const GAP = 8;

/** Places a `width` x `height` box below the anchor, else above, clamped to the viewport. */
export function placeCard(anchor: Anchor, width: number, height: number, viewport = { width: innerWidth, height: innerHeight }): { left: number; top: number } {
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - height;
  let top = below + height <= viewport.height || above < GAP ? below : above;
  top = Math.max(GAP, Math.min(top, viewport.height - height - GAP));
  const left = Math.max(GAP, Math.min(anchor.left, viewport.width - width - GAP));
  return { left, top };
}

function title(content: CardContent): string {
  return content.type === 'entity' ? content.name : 'How others reported this';
}

/** The card dialog. */
export function Card({ content, anchor, focus, onClose }: CardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    setPosition(placeCard(anchor, rect.width || 420, rect.height || 200));
  }, [anchor.left, anchor.top, anchor.bottom, content]);
  useLayoutEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [focus, content]);
  const label = content.type === 'entity'
    ? `Parallax: ${content.name}, ${kindLabel(content.kind).toLowerCase()}`
    : 'Parallax: other reports of this sentence';
  return (
    <div
      ref={ref}
      class="px-card px-root"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      style={{ left: `${position?.left ?? anchor.left}px`, top: `${position?.top ?? anchor.bottom + GAP}px` }}
    >
      <div class="px-head">
        <h2 class="px-title">{title(content)}</h2>
        {content.type === 'entity' && <span class="px-kind">{kindLabel(content.kind)}</span>}
        <button type="button" class="px-close" aria-label="Close" onClick={onClose}>×</button>
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
  if (!content.card) return <p class="px-muted" aria-live="polite">Looking up the library…</p>;
  return <EntityView card={content.card} />;
}
