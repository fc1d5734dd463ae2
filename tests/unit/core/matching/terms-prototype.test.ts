import { describe, expect, it } from 'vitest';
import { textTerms } from '../../../../src/core/matching';

describe('textTerms on words that name Object.prototype members', () => {
  it('returns plain string terms, never inherited functions', () => {
    const terms = textTerms('The constructor said toString and valueOf hasOwnProperty __proto__ isPrototypeOf');
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(typeof term).toBe('string');
  });
});
