import { describe, expect, it } from 'vitest';
import { claimId, extractClaims } from '../../../../src/core/claims';
import { contentHash } from '../../../../src/core/text';
import type { Mention } from '../../../../src/core/types';

/** A tiny stand-in spotter: fixed names to ids, offsets into the given text. */
const NAMES: Record<string, string> = {
  'Ana Diaz': 'person:ana-diaz',
  Diaz: 'person:ana-diaz',
  'Port Authority': 'org:port-authority',
  Valdora: 'place:valdora',
  Reuters: 'org:reuters',
};
const spot = (text: string): Mention[] =>
  Object.entries(NAMES)
    .flatMap(([name, entityId]) =>
      [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
        entityId,
        surface: name,
        start: m.index!,
        end: m.index! + name.length,
      })),
    )
    .filter((m, _i, all) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));

const ARTICLE = [
  'Valdora: The Port Authority on Monday said that dock workers had ended a strike that closed more than 12 berths.',
  '"Operations are back to normal. Ships are moving," it added.',
  'Mayor Ana Diaz said the city lost "about $3 million a day" during the strike, without specifying how she counted.',
  '"It was hard. But we held on," Diaz wrote on social media.',
  'Kramford Bay Bridge',
  'Sunny weather is expected.',
  'Sunny weather is expected.',
].join('\n\n');

describe('extractClaims on an invented article', () => {
  const claims = extractClaims({ articleId: 'a_test', text: ARTICLE, date: '2024-05-08', dateInferred: true, spot });
  const byStart = (s: string) => claims.find((c) => c.text.startsWith(s))!;

  it('ids claims by article id and sentence text', () => {
    for (const c of claims) expect(c.id).toBe('c_' + contentHash('a_test\n' + c.text));
    expect(claimId('a_test', claims[0]!.text)).toBe(claims[0]!.id);
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
  });

  it('carries attribution, time, numbers, entities and hedges', () => {
    const first = byStart('Valdora:');
    expect(first.attribution).toEqual({ speaker: 'The Port Authority', verb: 'said', entityId: 'org:port-authority' });
    expect(first.time).toEqual({ text: 'on Monday', date: '2024-05-06', inferred: true });
    expect(first.quantities).toMatchObject([{ value: 12, bound: 'more-than', noun: 'berths' }]);
    expect(first.entities).toEqual(['place:valdora', 'org:port-authority']);
    const mayor = byStart('Mayor Ana Diaz');
    expect(mayor.quotes).toEqual(['about $3 million a day']);
    expect(mayor.hedges).toContain('without specifying');
    expect(mayor.quantities[0]).toMatchObject({ value: 3e6, unit: 'usd', bound: 'about' });
  });

  it('gives every sentence of a quotation the speaker named where it closes', () => {
    const ops = byStart('"Operations are back');
    const ships = byStart('Ships are moving');
    expect(ops.attribution?.entityId).toBe('org:port-authority');
    expect(ships.attribution).toEqual(ops.attribution);
    expect(ships.quotes).toEqual(['Ships are moving']);
    expect(byStart('"It was hard.').attribution).toMatchObject({ speaker: 'Diaz', verb: 'wrote', entityId: 'person:ana-diaz' });
    expect(byStart('But we held on').entities).toContain('person:ana-diaz');
  });

  it("gives a paragraph's unattributed quotation to the speaker quoted in it", () => {
    const text = 'Diaz said, "We will rebuild." "Every family will be housed."\n\n"Nobody is named here."';
    const claims = extractClaims({ articleId: 'a', text, spot });
    expect(claims.find((c) => c.text.startsWith('"Every'))!.attribution?.entityId).toBe('person:ana-diaz');
    expect(claims.find((c) => c.text.startsWith('"Nobody'))!.attribution).toBeUndefined();
  });

  it('skips units that carry no claim and repeated sentences', () => {
    expect(claims.find((c) => c.text === 'Kramford Bay Bridge')).toBeUndefined();
    expect(claims.filter((c) => c.text === 'Sunny weather is expected.')).toHaveLength(0);
    expect(claims).toHaveLength(6);
  });

  it('keeps every unit when asked, without a date when none is known', () => {
    const all = extractClaims({ articleId: 'page', text: 'Kramford Bay Bridge\nIt opened on Monday.', spot, keepAll: true });
    expect(all.map((c) => c.text)).toEqual(['Kramford Bay Bridge', 'It opened on Monday.']);
    expect(all[1]!.time).toEqual({ text: 'on Monday' });
  });

  it('resolves "it" to the one organisation the previous sentence names', () => {
    const text = 'In its update, the Port Authority made no mention of delays.\n\nIt claimed that 40 ships had docked.';
    const [, second] = extractClaims({ articleId: 'a', text, spot });
    expect(second!.attribution).toEqual({ speaker: 'Port Authority', verb: 'claimed', entityId: 'org:port-authority' });
    expect(second!.hedges).toContain('claimed');
  });
});
