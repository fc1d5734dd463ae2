import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../scripts/eval';

// Floors sit just under what the matcher achieves on the labelled seeds (see `npx tsx scripts/eval.ts`):
// without page dates precision 69% (the wrong matches are 1 March reports matched to 15 February ones,
// which only dates can tell apart), recall 70% (7 of 10 same-claim pairs); with the page's date known,
// precision 100% at the same recall; entities 100%.
describe('claim matching on the labelled seed fixture (leave-one-out)', () => {
  const result = evaluate();

  it('every labelled sentence is a claim of its seed', () => {
    expect(result.unresolvedLabels).toEqual([]);
  });

  it('keeps precision and recall above their floors', () => {
    expect(result.ours.precision).toBeGreaterThanOrEqual(0.65);
    expect(result.ours.recall).toBeGreaterThanOrEqual(0.65);
    expect(result.ours.expected).toBe(10);
  });

  it("with the page date known, rejects other days' reports", () => {
    expect(result.oursWithPageDate.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.oursWithPageDate.recall).toBeGreaterThanOrEqual(0.65);
  });

  it('beats the BM25-only baseline on F1 and precision', () => {
    expect(result.ours.f1).toBeGreaterThan(result.baseline.f1);
    expect(result.ours.precision).toBeGreaterThan(result.baseline.precision + 0.3);
  });

  // On these 10 pairs BM25 ranks one pair higher (0.95 vs 0.90): there the page sentence holds two
  // claims and the other half ("retreated up to 3 km") ranks first. The floor guards against regressions.
  it('ranks same-claim reports near the top in ranking mode (the CLI default)', () => {
    expect(result.mrr.ours).toBeGreaterThanOrEqual(0.85);
    expect(result.mrr.ours).toBeGreaterThanOrEqual(result.mrr.baseline - 0.1);
  });

  it('matches at most one of the hard negatives', () => {
    expect(result.hardNegativesViolated.ours.length).toBeLessThanOrEqual(1);
    expect(result.hardNegativesViolated.ours.length).toBeLessThan(result.hardNegativesViolated.baseline.length);
  });

  it('resolves the labelled spellings to one entity each', () => {
    expect(result.entities.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
