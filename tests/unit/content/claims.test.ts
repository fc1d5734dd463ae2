// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BATCH, ClaimTracker, sentenceText, type PageSentence } from '../../../src/content/claims';
import { collectBlocks } from '../../../src/content/collect';
import type { LinkedReport } from '../../../src/shared/messages';

const report = { claim: { id: 'c_1' } } as LinkedReport;

/** Each block as one sentence, keyed by its text (the background's keys are opaque to the page). */
async function sentencesOfBody(): Promise<PageSentence[]> {
  const blocks = await collectBlocks(document.body);
  return blocks.map((block) => ({ key: 'k:' + block.text, block, start: 0, end: block.text.length }));
}

describe('sentenceText', () => {
  it('reads the sentence from its block, spaces and our <br> newlines collapsed', async () => {
    document.body.innerHTML = '<p>  Officials in Kyiv<br>said   so. </p>';
    const [block] = await collectBlocks(document.body);
    expect(sentenceText({ key: 'k', block: block!, start: 0, end: block!.text.length })).toBe('Officials in Kyiv said so.');
  });
});

describe('ClaimTracker', () => {
  it('sends each sentence once, in batches of at most 400, and remembers matches', async () => {
    document.body.innerHTML = Array.from(
      { length: 900 },
      (_, i) => `<p>Officials said that report number ${i} was confirmed by the ministry.</p>`,
    ).join('');
    const sentences = await sentencesOfBody();
    const batches: number[] = [];
    const tracker = new ClaimTracker(async (batch) => {
      batches.push(batch.length);
      return batch.filter((s) => s.text.includes('number 7 ')).map((s) => ({ key: s.key, reports: [report] }));
    });
    const matched = await tracker.process(sentences);
    expect(batches).toEqual([BATCH, BATCH, 100]);
    expect(matched.map(sentenceText)).toEqual(['Officials said that report number 7 was confirmed by the ministry.']);
    // A rescan of the same sentences sends nothing new but still returns the match.
    const again = await tracker.process(sentences);
    expect(batches).toHaveLength(3);
    expect(again).toHaveLength(1);
    expect([...tracker.matches.values()][0]!.reports).toEqual([report]);
  });

  it('re-sends sentences whose batch failed', async () => {
    document.body.innerHTML = '<p>The ministry said troops retreated up to 3 km overnight.</p>';
    const sentences = await sentencesOfBody();
    let fail = true;
    let sent = 0;
    const tracker = new ClaimTracker(async (batch) => {
      sent += batch.length;
      return fail ? null : [];
    });
    await tracker.process(sentences);
    fail = false;
    await tracker.process(sentences);
    await tracker.process(sentences);
    expect(sent).toBe(2);
  });
});
