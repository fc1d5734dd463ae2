import { beforeAll, describe, expect, it } from 'vitest';
import { embedBackend, embedSentences } from '../../../src/embed';
import { useNodeModel } from '../../../src/embed/node';

const dotp = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('embedSentences (USE-lite from local package files)', () => {
  let vecs: Float32Array[];
  const texts = [
    'Russian forces shelled the city of Kharkiv overnight, killing three civilians.',
    'Three civilians died when Russian troops bombarded Kharkiv during the night.',
    'The recipe calls for two cups of flour and a pinch of salt.',
    'Ukraine said it repelled 85 attacks near Bakhmut on Wednesday.',
    '',
  ];

  beforeAll(async () => {
    useNodeModel();
    vecs = await embedSentences(texts, { batchSize: 2 });
  }, 60_000);

  it('gives one unit-length 512-d vector per text, in order, on WebAssembly', () => {
    expect(embedBackend()).toBe('wasm');
    expect(vecs).toHaveLength(texts.length);
    for (const v of vecs) {
      expect(v).toHaveLength(512);
      expect(Math.abs(dotp(v, v) - 1)).toBeLessThan(1e-4);
    }
  });

  it('puts a paraphrase closer than an unrelated or merely same-topic sentence', () => {
    const [a, para, recipe, otherWar] = vecs as [Float32Array, Float32Array, Float32Array, Float32Array];
    expect(dotp(a, para)).toBeGreaterThan(0.7);
    expect(dotp(a, para)).toBeGreaterThan(dotp(a, otherWar) + 0.1);
    expect(dotp(a, otherWar)).toBeGreaterThan(dotp(a, recipe));
    expect(dotp(a, recipe)).toBeLessThan(0.3);
  });

  it('does not depend on the batch a sentence was embedded in', async () => {
    const [alone] = await embedSentences([texts[2]!]);
    expect(dotp(alone!, vecs[2]!)).toBeGreaterThan(0.9999);
  });
});
