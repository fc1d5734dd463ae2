import { describe, expect, it } from 'vitest';
import { asPageLookup, asUrgent, pagesQuiet } from '../../../src/background/priority';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pages first, background work after', () => {
  it('holds background work while a page is looked up, and a moment after', async () => {
    let lookupEnded = 0;
    const lookup = asPageLookup(async () => {
      await sleep(60);
      lookupEnded = Date.now();
    });
    await sleep(5);
    await pagesQuiet();
    expect(lookupEnded).toBeGreaterThan(0);
    expect(Date.now() - lookupEnded).toBeGreaterThanOrEqual(350);
    await lookup;
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
    let lookupEnded = 0;
    const lookup = asPageLookup(async () => {
      await sleep(60);
      lookupEnded = Date.now();
    });
    await sleep(5);
    await asUrgent(() => pagesQuiet(true));
    expect(lookupEnded).toBeGreaterThan(0);
    expect(Date.now() - lookupEnded).toBeGreaterThanOrEqual(350);
    await lookup;
  });

  it('lets work go at once when no page was looked up lately', async () => {
    await sleep(450);
    const started = Date.now();
    await pagesQuiet();
    expect(Date.now() - started).toBeLessThan(50);
  });
});
