/**
 * The one element Parallax adds to a page: a `<parallax-card-host>` appended
 * to `<html>` (outside `<body>`, so pages that swap their body keep it), with
 * an open shadow root holding the Preact-rendered card and its styles.
 *
 * The tag is never registered with `customElements`: an undefined element with
 * a valid custom-element name already supports `attachShadow`, and defining it
 * would add an entry to the page's global registry (and `customElements` is
 * null in Chrome's isolated world anyway). If `attachShadow` is refused we use
 * a `div` host instead.
 *
 * Beside the card, the shadow root keeps a polite live region that stays
 * mounted while cards come and go, so screen readers hear "Bakhmut, place:
 * card open" when a card opens by hover (which moves no focus).
 */
import { render } from 'preact';
import { UI_CSS } from '../../ui/styles';
import { kindLabel } from '../../ui/format';
import { Card, type Anchor, type CardContent } from './Card';

/** Tag of the host element. */
export const HOST_TAG = 'parallax-card-host';

/** Owns the host element and the card rendered inside it. */
export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private current: { content: CardContent; anchor: Anchor; focus: boolean } | null = null;
  private returnFocus: Element | null = null;
  private opens = 0;
  /** What the live region says: the last card opened. */
  private announcement = '';

  constructor(
    private readonly doc: Document,
    private readonly onClosed: () => void = () => {},
  ) {}

  /** The host element, once created (scans skip it; hover treats it as "inside the card"). */
  get element(): HTMLElement | null {
    return this.host;
  }

  /** True while a card is shown. */
  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Shows `content` next to `anchor`; with `focus`, moves keyboard focus into the card. */
  open(content: CardContent, anchor: Anchor, focus: boolean): void {
    if (focus && !this.current?.focus) this.returnFocus = this.doc.activeElement;
    this.current = { content, anchor, focus };
    this.opens++;
    this.announcement = announce(content);
    this.paint();
  }

  /** Replaces the content of the open card (e.g. when library data arrives). */
  update(content: CardContent): void {
    if (!this.current) return;
    this.current = { ...this.current, content };
    this.paint();
  }

  /** Moves the open card next to a new anchor (the page scrolled). */
  reposition(anchor: Anchor): void {
    if (!this.current) return;
    this.current = { ...this.current, anchor };
    this.paint();
  }

  /** Closes the card; returns focus where it was if the card had taken it. */
  close(): void {
    if (!this.current) return;
    const hadFocus = this.current.focus || (this.host !== null && this.doc.activeElement === this.host);
    this.current = null;
    this.announcement = '';
    this.paint();
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (hadFocus && back && back.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
    this.onClosed();
  }

  /** Whether an event target is (inside) the card. */
  contains(target: EventTarget | null): boolean {
    return target !== null && this.host !== null && (target === this.host || this.host.contains(target as Node));
  }

  /** Unmounts the card and removes the host element. */
  destroy(): void {
    this.current = null;
    if (this.root) render(null, this.root);
    this.host?.remove();
    this.host = null;
    this.root = null;
  }

  private paint(): void {
    if (!this.current && !this.root) return;
    const root = this.ensureRoot();
    if (!root) return;
    const current = this.current;
    render(
      <>
        <p class="px-sr" role="status" aria-live="polite" aria-atomic="true">
          {this.announcement}
        </p>
        {current && (
          <Card content={current.content} anchor={current.anchor} focus={current.focus} openId={this.opens} onClose={() => this.close()} />
        )}
      </>,
      root,
    );
  }

  private ensureRoot(): ShadowRoot | null {
    if (this.root && this.host?.isConnected) return this.root;
    if (this.host && !this.host.isConnected) this.host.remove();
    let host = this.doc.createElement(HOST_TAG);
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch {
      host = this.doc.createElement('div');
      root = host.attachShadow({ mode: 'open' });
    }
    // Keep page CSS from sizing or hiding the host; the card inside is position: fixed.
    host.style.cssText =
      'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important;';
    adoptStyles(root);
    this.doc.documentElement.appendChild(host);
    this.host = host;
    this.root = root;
    return root;
  }
}

/** What the live region says when a card opens. */
export function announce(content: CardContent): string {
  if (content.type === 'entity') return `${content.name}, ${kindLabel(content.kind).toLowerCase()}: Parallax card open. Escape closes it.`;
  const n = content.reports.length;
  return `Parallax card open: ${n} other report${n === 1 ? '' : 's'} of this sentence. Escape closes it.`;
}

/** Shadow styles: a constructed sheet (not subject to the page's CSP), else a `<style>` inside the shadow root. */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UI_CSS);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // fall through to a <style> element, which lives inside our own shadow root
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = UI_CSS;
  root.appendChild(style);
}
