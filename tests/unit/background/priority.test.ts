import { describe, expect, it } from 'vitest';
import { asPageLookup, asUrgent, pagesQuiet } from '../../../src/background/priority';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pages first, background work after', () => {
  /** A 60 ms page lookup, started; `ended` is when it ended (0 while it runs). */
  function pageLookup() {
    const state = { ended: 0, done: Promise.resolve() };
    state.done = asPageLookup(async () => {
      await sleep(60);
      state.ended = Date.now();
    });
    return state;
  }

  it('holds background work while a page is looked up, and a moment after', async () => {
    const lookup = pageLookup();
    await sleep(5);
    await pagesQuiet();
    expect(lookup.ended).toBeGreaterThan(0);
    expect(Date.now() - lookup.ended).toBeGreaterThanOrEqual(350);
    await lookup.done;
  });

  it('does not hold back work that a waiting model question needs', async () => {
    const lookup = asPageLookup(() => sleep(300));
    await sleep(5);
    const started = Date.now();
    await asUrgent(() => pagesQuiet());
    expect(Date.now() - started).toBeLessThan(100);
    await lookup;
  });

  it('holds strict work (store writes, the index snapshot) for the page even while a model question waits', async () => {
    const lookup = pageLookup();
    await sleep(5);
    await asUrgent(() => pagesQuiet(true));
    expect(lookup.ended).toBeGreaterThan(0);
    expect(Date.now() - lookup.ended).toBeGreaterThanOrEqual(350);
    await lookup.done;
  });

  it('lets work go at once when no page was looked up lately', async () => {
    await sleep(450);
    const started = Date.now();
    await pagesQuiet();
    expect(Date.now() - started).toBeLessThan(50);
  });
});
