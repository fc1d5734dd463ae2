import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from './freshDatabase';
import {
  allVectors,
  claimsOfArticle,
  countAll,
  deleteArticles,
  deleteVectors,
  putAnalyzedArticle,
  putVectors,
  vectorClaimIds,
} from '../../../src/store';
import { makeArticle } from './fixture';

beforeEach(freshDatabase);

describe('claim vectors', () => {
  it('are stored as int8 by claim, and go with their article when it is deleted', async () => {
    const { articleId: one } = await putAnalyzedArticle(makeArticle(1));
    const { articleId: two } = await putAnalyzedArticle(makeArticle(2));
    const rows = [one, two]
      .flatMap((id) => [id])
      .map(async (articleId) =>
        (await claimsOfArticle(articleId)).map((c) => ({
          claimId: c.id,
          articleId,
          model: 'use-lite',
          codes: new Int8Array([1, -2, 3]),
          scale: 0.01,
        })),
      );
    const vectors = (await Promise.all(rows)).flat();
    expect(vectors.length).toBeGreaterThan(1);
    await putVectors(vectors);
    const stored = await allVectors();
    expect(stored[0]!.codes).toBeInstanceOf(Int8Array);
    expect([...stored[0]!.codes]).toEqual([1, -2, 3]);
    expect((await vectorClaimIds()).size).toBe(vectors.length);

    await deleteArticles([one]);
    const left = await allVectors();
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((v) => v.articleId === two)).toBe(true);

    await deleteVectors(left.map((v) => v.claimId));
    expect((await countAll()).vectors).toBe(0);
  });
});
