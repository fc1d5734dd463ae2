/**
 * Hover intent: one delegated, passive `pointermove` listener for the whole
 * page (hit-tested at most once per animation frame), an intent delay before
 * a card opens and a grace delay before it closes, so that moving the pointer
 * from the word to the card keeps it open. The delays are Wikipedia's Page
 * Previews' (about 500 ms to open, 300 ms to close): a pointer that only
 * crosses a word on its way elsewhere opens nothing.
 */
import { quietly } from './quiet';
import type { HighlightEntry } from './rangeIndex';

/** Delay before a card opens under a resting pointer. */
export const INTENT_MS = 500;
/** Delay before a card closes once the pointer left both the word and the card. */
export const GRACE_MS = 300;

/** What the tracker needs from the page session. */
export interface HoverCallbacks {
  /** False while the reader wants no cards on hover (the pointer is then ignored). */
  enabled?(): boolean;
  /** The highlight under a point. */
  hitTest(x: number, y: number): HighlightEntry | null;
  /** Whether an event target is the card. */
  inCard(target: EventTarget | null): boolean;
  /** The entry whose card is open, if any. */
  openEntry(): HighlightEntry | null;
  open(entry: HighlightEntry): void;
  close(): void;
}

/** Starts tracking; everything is removed when `signal` aborts. */
export function trackHover(win: Window, callbacks: HoverCallbacks, signal: AbortSignal): void {
  let x = 0;
  let y = 0;
  let target: EventTarget | null = null;
  let frame = 0;
  let hovered: HighlightEntry | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const clearOpen = () => {
    clearTimeout(openTimer);
    openTimer = undefined;
  };
  const clearClose = () => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const closeSoon = () => {
    if (closeTimer !== undefined || !callbacks.openEntry()) return;
    closeTimer = setTimeout(
      quietly(() => {
        closeTimer = undefined;
        callbacks.close();
      }),
      GRACE_MS,
    );
  };

  const update = quietly(() => {
    frame = 0;
    if (callbacks.enabled && !callbacks.enabled()) {
      hovered = null;
      clearOpen();
      return;
    }
    if (callbacks.inCard(target)) {
      clearClose();
      clearOpen();
      return;
    }
    const entry = callbacks.hitTest(x, y);
    if (entry && entry === callbacks.openEntry()) clearClose();
    if (entry === hovered) return;
    hovered = entry;
    clearOpen();
    if (!entry) {
      closeSoon();
      return;
    }
    if (entry !== callbacks.openEntry()) {
      closeSoon();
      openTimer = setTimeout(
        quietly(() => {
          openTimer = undefined;
          clearClose();
          if (hovered === entry) callbacks.open(entry);
        }),
        INTENT_MS,
      );
    }
  });

  win.addEventListener(
    'pointermove',
    (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      x = event.clientX;
      y = event.clientY;
      target = event.target;
      if (!frame) frame = win.requestAnimationFrame(update);
    },
    { capture: true, passive: true, signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      if (frame) win.cancelAnimationFrame(frame);
      clearOpen();
      clearClose();
    },
    { once: true },
  );
}
