import { describe, expect, it } from 'vitest';
import { daysApart, decideRelation, numberDisagreements } from '../../../../src/core/matching';
import type { Claim } from '../../../../src/core/types';
import { extractQuantities } from '../../../../src/core/claims';

/** A claim as the analyser would give it, with only what each case needs. */
function claim(text: string, extra: Partial<Claim> = {}): Claim {
  return {
    id: 'c_' + text.length,
    articleId: 'a',
    sentenceIndex: 0,
    text,
    quotes: [],
    quantities: extractQuantities(text),
    entities: [],
    hedges: [],
    ...extra,
  };
}

describe('decideRelation', () => {
  const page = claim('Rescuers said the death toll rose to 157 on Saturday.', { time: { text: 'on Saturday', date: '2023-11-04' } });

  it('calls a strong match on the same day the same claim', () => {
    const stored = claim('The death toll climbed to 157, officials said.', { time: { text: 'on Saturday', date: '2023-11-04' } });
    expect(decideRelation(page, stored, 0.7)).toMatchObject({ relation: 'same', reasons: [] });
  });

  it('demotes another day to related, and says which dates it compared', () => {
    const stored = claim('The death toll climbed to 69, officials said.', { time: { text: 'on Friday', date: '2023-11-01' } });
    const decision = decideRelation(page, stored, 0.7);
    expect(decision.relation).toBe('related');
    expect(decision.reasons).toContain('other-day');
    expect(decision.dates).toEqual({ query: '2023-11-04', stored: '2023-11-01' });
    // Another day's figure is an update, not a disagreement.
    expect(numberDisagreements(page, stored, decision.relation)).toBe(0);
  });

  it('uses the articles dates when a claim states no time of its own', () => {
    const a = claim('The ministry said the situation remained difficult in the east.');
    const b = claim('The ministry said the situation remained difficult in the east.');
    expect(decideRelation(a, b, 0.9, { queryDate: '2023-03-06', storedDate: '2023-03-01' }).relation).toBe('related');
    expect(decideRelation(a, b, 0.9, { queryDate: '2023-03-01', storedDate: '2023-03-01' }).relation).toBe('same');
  });

  it('does not call two quotations from different named speakers the same claim', () => {
    const a = claim('"We are still digging," Mayor Sergio Pirozzi said.', {
      attribution: { speaker: 'Mayor Sergio Pirozzi', verb: 'said' },
      quotes: ['We are still digging'],
    });
    const b = claim('"We are still digging," the civil protection department said.', {
      attribution: { speaker: 'the civil protection department', verb: 'said' },
      quotes: ['We are still digging'],
    });
    expect(decideRelation(a, b, 0.8)).toMatchObject({ relation: 'related', reasons: ['other-speaker'] });
    // Unquoted reports with two speakers in one sentence are not demoted on the first speaker alone.
    const c = claim('Ukraine urged allies to hurry, while Russia claimed its troops had broken through.', {
      attribution: { speaker: 'Ukraine', verb: 'urged' },
    });
    const d = claim('The Russian Defence Ministry said its troops broke through.', {
      attribution: { speaker: 'The Russian Defence Ministry', verb: 'said' },
    });
    expect(decideRelation(c, d, 0.6).relation).toBe('same');
  });

  it('never links a boilerplate sentence, and leaves weak matches as candidates', () => {
    const caveat = claim('Reuters could not independently verify the reports.');
    expect(decideRelation(caveat, caveat, 1, { boilerplate: true }).relation).toBe('candidate');
    expect(decideRelation(page, claim('Officials said more aid was on the way.'), 0.1).relation).toBe('candidate');
  });

  it('marks differing numbers of the same count on the same day as a disagreement', () => {
    const stored = claim('The death toll rose to 140 on Saturday, rescuers said.', { time: { text: 'on Saturday', date: '2023-11-04' } });
    expect(numberDisagreements(page, stored, decideRelation(page, stored, 0.6).relation)).toBe(1);
  });
});

describe('daysApart', () => {
  it('allows a day and a half for time zones and late filing', () => {
    expect(daysApart('2023-02-15', '2023-02-16')).toBe(false);
    expect(daysApart('2023-02-15', '2023-02-17')).toBe(true);
    expect(daysApart(undefined, '2023-02-17')).toBe(false);
  });
});
