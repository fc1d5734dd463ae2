// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BATCH_BLOCKS, BATCH_CHARS, batchesOf, nameEntries, sentencesOf } from '../../../src/content/analysis';
import { liveRange, type TextBlock } from '../../../src/content/blocks';
import { collectBlocks } from '../../../src/content/collect';
import { createSlicer } from '../../../src/content/slicer';
import type { PageAnalysis } from '../../../src/shared/messages';

const fakeBlock = (length: number): TextBlock => ({ element: document.body, text: 'x'.repeat(length), nodes: [], starts: [], order: 0 });

describe('batchesOf', () => {
  it('cuts by characters and by block count, and sends a giant block alone', () => {
    const sizes = (batches: TextBlock[][]) => batches.map((b) => b.length);
    expect(sizes(batchesOf([fakeBlock(BATCH_CHARS - 10), fakeBlock(20), fakeBlock(5)]))).toEqual([1, 2]);
    expect(sizes(batchesOf([fakeBlock(BATCH_CHARS * 3), fakeBlock(1)]))).toEqual([1, 1]);
    expect(sizes(batchesOf(Array.from({ length: BATCH_BLOCKS + 1 }, () => fakeBlock(1))))).toEqual([BATCH_BLOCKS, 1]);
    expect(batchesOf([])).toEqual([]);
  });
});

describe('nameEntries and sentencesOf', () => {
  it('turn block offsets into ranges, and drop answers that do not fit the blocks', async () => {
    document.body.innerHTML = '<p>Officials in <b>Kyi</b>v said Bakhmut held.</p><p>Second block.</p>';
    const batch = await collectBlocks(document.body);
    const text = batch[0]!.text;
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    const analysis: PageAnalysis = {
      entities: [
        { id: 'place:kyiv', name: 'Kyiv', kind: 'place' },
        { id: 'place:bakhmut', name: 'Bakhmut', kind: 'place' },
      ],
      mentions: [
        { block: 0, ...at('Kyiv'), entityId: 'place:kyiv', surface: 'Kyiv' },
        { block: 0, ...at('Bakhmut'), entityId: 'place:bakhmut', surface: 'Bakhmut' },
        { block: 5, start: 0, end: 3, entityId: 'place:kyiv', surface: 'Kyiv' }, // no such block
        { block: 1, start: 4, end: 400, entityId: 'place:kyiv', surface: 'Kyiv' }, // past the block's end
        { block: 1, start: 0, end: 6, entityId: 'org:unknown', surface: 'Second' }, // entity not named in the answer
      ],
      sentences: [
        { block: 0, start: 0, end: text.length, key: 's_1' },
        { block: 1, start: 3, end: 2, key: 's_2' },
      ],
    };
    const entities = new Map();
    const names = await nameEntries(batch, analysis, entities, createSlicer());
    expect(names.map((n) => [n.kind, n.entityId, liveRange(n.range).toString()])).toEqual([
      ['place', 'place:kyiv', 'Kyiv'],
      ['place', 'place:bakhmut', 'Bakhmut'],
    ]);
    expect(entities.get('place:kyiv')).toEqual({ name: 'Kyiv', kind: 'place' });
    expect(sentencesOf(batch, analysis).map((s) => s.key)).toEqual(['s_1']);
  });
});
