import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../scripts/eval';

// Floors sit just under what the matcher achieves on the labelled seeds (see `npx tsx scripts/eval.ts`):
// precision 92%, recall 44% (7 of 16 same-claim pairs; the misses need more than word overlap), entities 100%.
describe('claim matching on the labelled seed fixture (leave-one-out)', () => {
  const result = evaluate();

  it('every labelled sentence is a claim of its seed', () => {
    expect(result.unresolvedLabels).toEqual([]);
  });

  it('keeps precision and recall above their floors', () => {
    expect(result.ours.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.ours.recall).toBeGreaterThanOrEqual(0.4);
    expect(result.ours.expected).toBe(16);
  });

  it('beats the BM25-only baseline on F1 and precision', () => {
    expect(result.ours.f1).toBeGreaterThan(result.baseline.f1);
    expect(result.ours.precision).toBeGreaterThan(result.baseline.precision + 0.3);
  });

  it('matches at most one of the hard negatives', () => {
    expect(result.hardNegativesViolated.ours.length).toBeLessThanOrEqual(1);
  });

  it('resolves the labelled spellings to one entity each', () => {
    expect(result.entities.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
