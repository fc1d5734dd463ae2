import { describe, expect, it } from 'vitest';
import { findAttribution, findHedges, resolveSpeaker } from '../../../../src/core/claims';
import { extractQuotes } from '../../../../src/core/text';

const who = (text: string, open = false) => {
  const a = findAttribution(text, open);
  return a ? `${a.speaker} | ${a.verb}` : undefined;
};

describe('findAttribution', () => {
  it('finds subject-verb speakers past datelines, intros, appositives and time words', () => {
    expect(who('New Delhi: The Russian Defence Ministry on Wednesday said that its troops broke through.')).toBe(
      'The Russian Defence Ministry | said',
    );
    expect(who('Meanwhile, Ukrainian deputy defence minister Hanna Malyar said that the country is facing assaults.')).toBe(
      'Ukrainian deputy defence minister Hanna Malyar | said',
    );
    expect(who('Volodymyr Zelensky, the president of Ukraine, claimed on Tuesday that Russia was rushing.')).toBe(
      'Volodymyr Zelensky | claimed',
    );
    expect(who('On Friday, Andriy Yermak, head of the presidential office, conceded that battles were difficult.')).toBe(
      'Andriy Yermak | conceded',
    );
    expect(who('Russia, which refers to the invasion as a "special military operation", claimed that NATO was involved.')).toBe(
      'Russia | claimed',
    );
    expect(who('Ukraine has lately acknowledged the challenging nature of the battles.')).toBe('Ukraine | acknowledged');
    expect(
      who('Kyiv: As ministers prepared to meet, Ukraine urged allies to act, while Russia claimed its troops had broken through.'),
    ).toBe('Russia | claimed');
  });

  it('finds speakers after quotations and inverted verbs', () => {
    expect(who('"The situation is tense," Malyar wrote on Telegram.')).toBe('Malyar | wrote');
    expect(who('"During the offensive... the troops retreated," the ministry told Reuters on the Telegram messaging app.')).toBe(
      'the ministry | told',
    );
    expect(who('"We are glad," says a man in the clip, adding more.')).toBe('a man in the clip | said');
    expect(who('The country faces assaults, without specifying where, reported Reuters.')).toBe('Reuters | reported');
    expect(who('He does not stop storming the city," the Ukrainian military said in a morning briefing.', true)).toBe(
      'the Ukrainian military | said',
    );
  });

  it('handles according to / as per and ignores verbs inside quotations', () => {
    expect(who('According to US Defense Secretary Lloyd Austin, Ukraine is likely to start its own offensive.')).toBe(
      'US Defense Secretary Lloyd Austin | according-to',
    );
    expect(who('As per the Reuters report, Russia is waging an onslaught.')).toBe('the Reuters report | according-to');
    expect(who('The session is on February 22, according to RIA Novosti, which cited a lawmaker.')).toBe('RIA Novosti | according-to');
    expect(who('"They said it would end," the mayor noted.')).toBe('the mayor | noted');
    expect(who('The bridge collapsed after heavy rain.')).toBeUndefined();
    expect(who('The Prime Minister of Italy said talks would resume.')).toBe('The Prime Minister of Italy | said');
    expect(who('the bridge was closed, officials said.')).toBe('officials | said');
  });

  it('handles other common reporting shapes', () => {
    expect(who('"We will respond," said John Kirby, a Pentagon spokesman.')).toBe('John Kirby | said');
    expect(who('The strike killed 12 people, local officials said, adding that rescue work continued.')).toBe('local officials | said');
    expect(who('A spokesman for the ministry, Igor Konashenkov, said the base was destroyed.')).toBe('A spokesman for the ministry | said');
    expect(who('Moscow has denied the accusations.')).toBe('Moscow | denied');
    expect(who('The report, released on Monday by the UN, said 9,000 civilians had died.')).toBe('The report | said');
    expect(who('The mayor says the city is ready.')).toBe('The mayor | said');
  });

  it('does not take a reported clause for an inverted speaker', () => {
    expect(
      who('President Volodymyr Zelenskiy, in a video address late on Tuesday, said the battle was "most difficult" but essential.'),
    ).toBe('President Volodymyr Zelenskiy | said');
  });
});

describe('resolveSpeaker', () => {
  const earlier = [
    { speaker: 'The Russian Defence Ministry', verb: 'said', entityId: 'org:russian-defence-ministry' },
    { speaker: 'Hanna Malyar', verb: 'said', entityId: 'person:hanna-malyar' },
  ];
  it('resolves pronouns and short forms to the nearest fitting speaker', () => {
    expect(resolveSpeaker({ speaker: 'he', verb: 'said' }, earlier)).toEqual({
      speaker: 'Hanna Malyar',
      verb: 'said',
      entityId: 'person:hanna-malyar',
    });
    expect(resolveSpeaker({ speaker: 'it', verb: 'added' }, earlier).entityId).toBe('org:russian-defence-ministry');
    expect(resolveSpeaker({ speaker: 'the ministry', verb: 'told' }, earlier).speaker).toBe('The Russian Defence Ministry');
  });
  it('leaves a speaker alone when nothing fits', () => {
    expect(resolveSpeaker({ speaker: 'she', verb: 'said' }, earlier.slice(0, 1))).toEqual({ speaker: 'she', verb: 'said' });
    expect(resolveSpeaker({ speaker: 'the embassy', verb: 'said' }, earlier).speaker).toBe('the embassy');
    expect(resolveSpeaker({ speaker: 'Mayor Ana Diaz', verb: 'said' }, earlier).speaker).toBe('Mayor Ana Diaz');
  });
});

describe('findHedges and extractQuotes', () => {
  it('finds hedges, including "claimed" as the reporting verb', () => {
    const text =
      'The ministry claimed that troops fled, but it gave no further details, and Reuters was unable to independently confirm the claim.';
    expect(findHedges(text, { speaker: 'The ministry', verb: 'claimed' })).toEqual([
      'gave no further details',
      'was unable to independently confirm',
      'claimed',
    ]);
    expect(findHedges('Balloons that may have contained equipment were possibly spying, officials reportedly said.')).toEqual([
      'may have',
      'possibly',
      'reportedly',
    ]);
    expect(findHedges('It did not specify where; the strike was allegedly ordered and could widen.')).toEqual([
      'did not specify',
      'allegedly',
      'could',
    ]);
    expect(findHedges('The line could not hold the breakthrough.')).toEqual([]);
    expect(findHedges('A deal is unlikely and talks may be delayed.')).toEqual(['unlikely', 'may be']);
    expect(findHedges('Reuters could not immediately verify the report. It was not immediately clear who fired.')).toEqual([
      'could not immediately verify',
      'was not immediately clear',
    ]);
    // A speaker's own hedge inside the quotation still hedges the claim.
    expect(findHedges('"The purpose was possibly to exhaust our air defences," it said.')).toEqual(['possibly']);
  });

  it('extracts straight, curly and mixed quotations and tracks open ones', () => {
    expect(extractQuotes('He said, "That is why speed is of the essence."').quotes).toEqual(['That is why speed is of the essence.']);
    expect(extractQuotes('"Even the line could not hold,” it added.').quotes).toEqual(['Even the line could not hold']);
    expect(extractQuotes('“Fine,” she said, calling it “a relief”.').quotes).toEqual(['Fine', 'a relief']);
    expect(extractQuotes('"The situation is tense.')).toEqual({ quotes: ['The situation is tense.'], endsOpen: true });
    expect(extractQuotes('Yes, it is difficult for us.', true)).toEqual({ quotes: ['Yes, it is difficult for us.'], endsOpen: true });
    expect(extractQuotes('But we hold," Malyar wrote.', true)).toEqual({ quotes: ['But we hold'], endsOpen: false });
    expect(extractQuotes('He said fighting was "around every house" there.', true)).toEqual({
      quotes: ['around every house'],
      endsOpen: false,
    });
  });

  it('extracts single-quoted words without mistaking apostrophes', () => {
    expect(extractQuotes('‘We will respond,’ Russia’s envoy said.').quotes).toEqual(['We will respond']);
    expect(extractQuotes("If provided, US to 'carefully select' cluster munitions for Ukraine").quotes).toEqual(['carefully select']);
    expect(extractQuotes("Russia's troops don't retreat, the soldiers' families said.").quotes).toEqual([]);
    expect(extractQuotes('He called it "the ‘final’ push".').quotes).toEqual(['the ‘final’ push']);
    expect(who('‘We will respond,’ the envoy said.')).toBe('the envoy | said');
    expect(who('‘It is over,’ said Anna Lee, a spokeswoman.')).toBe('Anna Lee | said');
    expect(who('Russia’s defence ministry said the town fell.')).toBe('Russia’s defence ministry | said');
  });
});
