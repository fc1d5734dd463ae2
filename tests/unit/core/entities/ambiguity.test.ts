import { describe, expect, it } from 'vitest';
import { createSpotContext } from '../../../../src/core/entities';
import { spot } from './spotting';

describe('spotMentions: ambiguity and page context', () => {
  it('does not take Austin in a Texas story for Lloyd Austin', () => {
    const found = spot('Austin approved a new budget on Tuesday. Traffic in Austin, Texas, has doubled since 2010.');
    expect(found.some((m) => m.endsWith('person:lloyd-austin'))).toBe(false);
    expect(found).toContain('Austin=place:austin-texas');
  });

  it('takes Austin for Lloyd Austin when the page talks of the Pentagon', () => {
    expect(spot('Austin told reporters at the Pentagon that aid would continue.')).toEqual([
      'Austin=person:lloyd-austin',
      'Pentagon=org:pentagon',
    ]);
  });

  it('does not take Washington the team for the city', () => {
    expect(spot('Washington beat Dallas 27-10 on Sunday as the quarterback threw three touchdowns.')).toEqual([
      'Washington=org:washington-commanders',
    ]);
    expect(spot('Washington won again on Sunday.')).toEqual([]);
  });

  it('takes Washington for the US capital in diplomatic context', () => {
    expect(spot('According to the Russian embassy in Washington, children were accepted.')).toEqual(['Washington=place:washington-dc']);
  });

  it('counts a bare surname once the page named the person, across blocks', () => {
    const page = createSpotContext();
    expect(spot('Malyar wrote on Telegram.')).toEqual(['Telegram=org:telegram']);
    expect(spot('Deputy Defense Minister Ganna Malyar said the front held.', page)).toEqual([
      'Deputy Defense Minister Ganna Malyar=person:hanna-malyar',
    ]);
    expect(spot('Malyar added that fighting continued.', page)).toEqual(['Malyar=person:hanna-malyar']);
  });

  it('maps a bare role to the person only when the page named them', () => {
    expect(spot('The deputy defence minister said nothing.')).toEqual([]);
    const page = createSpotContext();
    spot('Hanna Malyar spoke first.', page);
    expect(spot('Later the deputy defence minister said more.', page)).toEqual(['deputy defence minister=person:hanna-malyar']);
  });

  it('carries context words across blocks', () => {
    const page = createSpotContext();
    expect(spot('Officials at the Pentagon briefed reporters.', page)).toEqual(['Pentagon=org:pentagon']);
    expect(spot('Austin said Ukraine would get more shells.', page)).toEqual(['Austin=person:lloyd-austin', 'Ukraine=place:ukraine']);
    expect(page.seen.has('person:lloyd-austin')).toBe(true);
  });
});

describe('spotMentions: roles before names', () => {
  it('joins a role and the name after it into one mention', () => {
    expect(spot('Defense Secretary Lloyd Austin and deputy defence minister Malyar spoke.')).toEqual([
      'Defense Secretary Lloyd Austin=person:lloyd-austin',
      'deputy defence minister Malyar=person:hanna-malyar',
    ]);
  });

  it('keeps an entity that opens the role as its own mention', () => {
    expect(spot('US Defense Secretary Lloyd Austin met the Russian Defence Ministry spokesman Igor Konashenkov.')).toEqual([
      'US=place:united-states',
      'Defense Secretary Lloyd Austin=person:lloyd-austin',
      'Russian Defence Ministry=org:russian-defence-ministry',
      'Igor Konashenkov=person:igor-konashenkov',
    ]);
  });
});

describe('spotMentions: ambiguous words inside other names', () => {
  it('does not take a surname in another full name for the known person', () => {
    const page = createSpotContext();
    spot('British Defence Secretary Ben Wallace visited Kyiv.', page);
    expect(spot('Photo: Anthony Wallace / AFP. Wallace later said more.', page)).toEqual(['Wallace=person:ben-wallace']);
  });

  it('does not take George Washington or Richard Wagner for the city or the mercenaries', () => {
    expect(spot('The White House embassy staff admired George Washington.')).toEqual(['White House=org:white-house']);
    expect(spot('Mercenaries near Bakhmut listened to Richard Wagner; Russia’s Wagner fighters did not.')).toEqual([
      'Bakhmut=place:bakhmut',
      'Russia=place:russia',
      'Wagner=org:wagner-group',
    ]);
  });
});
