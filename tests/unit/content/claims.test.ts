// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BATCH, ClaimTracker } from '../../../src/content/claims';
import { collectBlocks } from '../../../src/content/collect';
import { blockSentences } from '../../../src/content/sentences';
import type { LinkedReport } from '../../../src/shared/messages';

const report = { claim: { id: 'c_1' } } as LinkedReport;

describe('blockSentences', () => {
  it('splits blocks into sentences with offsets, skipping fragments', async () => {
    document.body.innerHTML =
      '<p>The ministry said troops retreated up to 3 km overnight. Short one. Officials in Kyiv did not confirm the report on Wednesday.</p><p>Byline</p>';
    const blocks = await collectBlocks(document.body);
    const sentences = blocks.flatMap(blockSentences);
    expect(sentences.map((s) => s.text)).toEqual([
      'The ministry said troops retreated up to 3 km overnight.',
      'Officials in Kyiv did not confirm the report on Wednesday.',
    ]);
    for (const s of sentences) expect(s.block.text.slice(s.start, s.end)).toBe(s.text);
    expect(new Set(sentences.map((s) => s.key)).size).toBe(2);
  });
});

describe('ClaimTracker', () => {
  it('sends each sentence once, in batches of at most 400, and remembers matches', async () => {
    document.body.innerHTML = Array.from(
      { length: 900 },
      (_, i) => `<p>Officials said that report number ${i} was confirmed by the ministry.</p>`,
    ).join('');
    const blocks = await collectBlocks(document.body);
    const batches: number[] = [];
    const tracker = new ClaimTracker(async (sentences) => {
      batches.push(sentences.length);
      return sentences.filter((s) => s.text.includes('number 7 ')).map((s) => ({ key: s.key, reports: [report] }));
    });
    const matched = await tracker.process(blocks);
    expect(batches).toEqual([BATCH, BATCH, 100]);
    expect(matched.map((s) => s.text)).toEqual(['Officials said that report number 7 was confirmed by the ministry.']);
    // A rescan of the same blocks sends nothing new but still returns the match.
    const again = await tracker.process(blocks);
    expect(batches).toHaveLength(3);
    expect(again).toHaveLength(1);
    expect([...tracker.matches.values()][0]!.reports).toEqual([report]);
  });

  it('re-sends sentences whose batch failed', async () => {
    document.body.innerHTML = '<p>The ministry said troops retreated up to 3 km overnight.</p>';
    const blocks = await collectBlocks(document.body);
    let fail = true;
    let sent = 0;
    const tracker = new ClaimTracker(async (sentences) => {
      sent += sentences.length;
      return fail ? null : [];
    });
    await tracker.process(blocks);
    fail = false;
    await tracker.process(blocks);
    await tracker.process(blocks);
    expect(sent).toBe(2);
  });
});
