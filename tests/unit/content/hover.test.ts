// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blockRange, type TextBlock } from '../../../src/content/blocks';
import { collectBlocks } from '../../../src/content/collect';
import { entryAtPoint } from '../../../src/content/hitTest';
import { GRACE_MS, INTENT_MS, trackHover } from '../../../src/content/hover';
import { RangeIndex, type HighlightEntry } from '../../../src/content/rangeIndex';

let block: TextBlock;
let index: RangeIndex;
/** A name entry (`entityId` from the words) or, for kind 'claim', a claim entry over `text`. */
const entry = (kind: HighlightEntry['kind'], text: string): HighlightEntry => {
  const start = block.text.indexOf(text);
  const at = { range: blockRange(block, start, start + text.length)!, block, start, end: start + text.length };
  return kind === 'claim' ? { kind, key: 's_test', ...at } : { kind, entityId: `${kind}:${text.toLowerCase()}`, surface: text, ...at };
};

beforeEach(async () => {
  document.body.innerHTML = '<p>Officials in <b>Kyi</b>v said Bakhmut held, the ministry said.</p>';
  block = (await collectBlocks(document.body))[0]!;
  index = new RangeIndex();
});

describe('RangeIndex', () => {
  it('finds entries by node and offset, across node boundaries, and forgets removed ones', () => {
    const kyiv = entry('place', 'Kyiv');
    const bakhmut = entry('place', 'Bakhmut');
    const claim = entry('claim', 'Officials in Kyiv said Bakhmut held, the ministry said.');
    [claim, bakhmut, kyiv].forEach((e) => index.add(e));
    const [first, bold, rest] = block.nodes;
    expect(index.at(bold!, 1)).toEqual(expect.arrayContaining([kyiv, claim]));
    expect(index.at(rest!, 0)).toContain(kyiv); // "v" of Kyiv
    expect(index.at(rest!, rest!.data.indexOf('Bakhmut') + 3)).toEqual(expect.arrayContaining([bakhmut, claim]));
    expect(index.at(first!, 2)).toEqual([claim]);
    expect(index.ordered()).toEqual([claim, kyiv, bakhmut]);
    index.remove([kyiv]);
    expect(index.at(bold!, 1)).toEqual([claim]);
    expect(index.forRange(kyiv.range)).toBeUndefined();
    expect(index.size).toBe(2);
  });
});

describe('entryAtPoint', () => {
  it('uses highlightsFromPoint ranges when given, preferring a name over its sentence', () => {
    const kyiv = entry('place', 'Kyiv');
    const claim = entry('claim', 'Officials in Kyiv said Bakhmut held, the ministry said.');
    index.add(kyiv);
    index.add(claim);
    const registry = {
      highlightsFromPoint: () => [
        { highlight: {}, ranges: [claim.range] },
        { highlight: {}, ranges: [kyiv.range] },
      ],
    };
    expect(entryAtPoint(document, registry, index, 10, 10)).toBe(kyiv);
    const onlyClaim = { highlightsFromPoint: () => [{ highlight: {}, ranges: [claim.range] }] };
    expect(entryAtPoint(document, onlyClaim, index, 10, 10)).toBe(claim);
    expect(entryAtPoint(document, { highlightsFromPoint: () => [] }, index, 10, 10)).toBeNull();
  });

  it('falls back to the caret position, checked against the range rects', () => {
    const bakhmut = entry('place', 'Bakhmut');
    index.add(bakhmut);
    const rest = block.nodes[2]!;
    const doc = document as unknown as { caretPositionFromPoint?: (x: number, y: number) => unknown };
    doc.caretPositionFromPoint = () => ({ offsetNode: rest, offset: rest.data.indexOf('Bakhmut') + 2 });
    const rects = vi
      .spyOn(Range.prototype, 'getClientRects')
      .mockReturnValue([{ left: 0, right: 50, top: 0, bottom: 20 }] as unknown as DOMRectList);
    expect(entryAtPoint(document, null, index, 10, 10)).toBe(bakhmut);
    // The caret snaps to the nearest text even in a margin: the rect check rejects it.
    expect(entryAtPoint(document, null, index, 400, 10)).toBeNull();
    rects.mockRestore();
    delete doc.caretPositionFromPoint;
  });
});

describe('trackHover', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  function setup(hit: () => HighlightEntry | null, enabled?: () => boolean) {
    let open: HighlightEntry | null = null;
    const opened: HighlightEntry[] = [];
    let closed = 0;
    trackHover(
      window,
      {
        ...(enabled ? { enabled } : {}),
        hitTest: hit,
        inCard: (t) => t === document.body,
        openEntry: () => open,
        open: (e) => {
          open = e;
          opened.push(e);
        },
        close: () => {
          open = null;
          closed++;
        },
      },
      controller.signal,
    );
    const move = (target: EventTarget = document.documentElement) => {
      const event = new PointerEvent('pointermove', { clientX: 5, clientY: 5, bubbles: true, pointerType: 'mouse' });
      target.dispatchEvent(event);
      vi.advanceTimersByTime(20); // animation frame
    };
    return { opened, closed: () => closed, move };
  }

  it('opens after the intent delay, not before, and closes after the grace delay', () => {
    const kyiv = entry('place', 'Kyiv');
    let under: HighlightEntry | null = kyiv;
    const h = setup(() => under);
    h.move();
    vi.advanceTimersByTime(INTENT_MS - 50);
    expect(h.opened).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(h.opened).toEqual([kyiv]);
    under = null;
    h.move();
    vi.advanceTimersByTime(GRACE_MS - 50);
    expect(h.closed()).toBe(0);
    vi.advanceTimersByTime(60);
    expect(h.closed()).toBe(1);
  });

  it('keeps the card open while the pointer moves from the word into the card', () => {
    const kyiv = entry('place', 'Kyiv');
    let under: HighlightEntry | null = kyiv;
    const h = setup(() => under);
    h.move();
    vi.advanceTimersByTime(INTENT_MS + 10);
    under = null;
    h.move(); // leaves the word...
    h.move(document.body); // ...and reaches the card within the grace delay
    vi.advanceTimersByTime(GRACE_MS * 3);
    expect(h.closed()).toBe(0);
  });

  it('never opens for a pointer that only passes over, and stops after abort', () => {
    const kyiv = entry('place', 'Kyiv');
    let under: HighlightEntry | null = kyiv;
    const h = setup(() => under);
    h.move();
    under = null;
    h.move();
    vi.advanceTimersByTime(INTENT_MS * 2);
    expect(h.opened).toEqual([]);
    controller.abort();
    under = kyiv;
    h.move();
    vi.advanceTimersByTime(INTENT_MS * 2);
    expect(h.opened).toEqual([]);
  });

  it('waits like Page Previews: nothing at 450 ms, open by 530 ms; open until 300 ms after leaving', () => {
    expect(INTENT_MS).toBe(500);
    expect(GRACE_MS).toBe(300);
    const kyiv = entry('place', 'Kyiv');
    let under: HighlightEntry | null = kyiv;
    const h = setup(() => under);
    h.move(); // +20 ms: the hit test runs in the next animation frame
    vi.advanceTimersByTime(430);
    expect(h.opened).toEqual([]);
    vi.advanceTimersByTime(80);
    expect(h.opened).toEqual([kyiv]);
    under = null;
    h.move();
    vi.advanceTimersByTime(260);
    expect(h.closed()).toBe(0);
    vi.advanceTimersByTime(40);
    expect(h.closed()).toBe(1);
  });

  it('closes 300 ms after the pointer leaves the card, and a return to the word keeps it open', () => {
    const kyiv = entry('place', 'Kyiv');
    let under: HighlightEntry | null = kyiv;
    const h = setup(() => under);
    h.move();
    vi.advanceTimersByTime(INTENT_MS);
    under = null;
    h.move(document.body); // into the card
    vi.advanceTimersByTime(GRACE_MS * 2);
    expect(h.closed()).toBe(0);
    h.move(); // out of the card, onto plain text
    under = kyiv;
    h.move(); // back on the word within the grace delay
    vi.advanceTimersByTime(GRACE_MS * 2);
    expect(h.closed()).toBe(0);
    under = null;
    h.move();
    vi.advanceTimersByTime(GRACE_MS + 10);
    expect(h.closed()).toBe(1);
    expect(h.opened).toEqual([kyiv]);
  });

  it('opens nothing while hover cards are switched off (keyboard only or off)', () => {
    const kyiv = entry('place', 'Kyiv');
    let on = false;
    const h = setup(
      () => kyiv,
      () => on,
    );
    h.move();
    vi.advanceTimersByTime(INTENT_MS * 3);
    expect(h.opened).toEqual([]);
    on = true;
    h.move();
    vi.advanceTimersByTime(INTENT_MS + 10);
    expect(h.opened).toEqual([kyiv]);
  });
});
