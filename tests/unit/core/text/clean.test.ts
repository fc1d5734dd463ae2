import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, parseDateline, signOffAgency } from '../../../../src/core/text';

const SEEDS = join(import.meta.dirname, '../../../../seeds');
const seed = (prefix: string) => {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
  return readFileSync(join(SEEDS, file), 'utf8');
};

describe('cleanArticle on the seeds', () => {
  const crossLinkHeadlines = [
    'da Vinci',
    'Kabul',
    "man's conviction",
    'dropped by Biden',
    'rights groups oppose',
    "'carefully select'",
    'arms treaty',
    'Blinken wraps up',
  ];
  const all = ['000', '001', '002', '003'].map((p) => cleanArticle(seed(p)));

  it('removes every cross-linked headline', () => {
    for (const c of all) for (const h of crossLinkHeadlines) expect(c.text).not.toContain(h);
    expect(all.flatMap((c) => c.removed).filter((r) => r.reason === 'cross-link')).toHaveLength(9);
  });

  it('removes photo captions and the sign-off, keeping the reporting around them', () => {
    const c = all[3]!;
    expect(c.text).not.toContain('A view of the town of Bakhmut');
    expect(c.text).not.toContain('Medics render first aid');
    expect(c.text.endsWith('on Tuesday night.')).toBe(true);
    expect(c.text).toContain('Reuters was not able to verify battlefield reports.');
    expect(c.removed.map((r) => r.reason)).toEqual(['cross-link', 'cross-link', 'cross-link', 'caption', 'caption', 'sign-off']);
    expect(signOffAgency(c.removed)).toBe('Reuters');
  });

  it('keeps paragraphs, the dateline and the headline line', () => {
    expect(all[0]!.paragraphs[0]!.startsWith('New Delhi: The Russian Defence Ministry')).toBe(true);
    expect(all[0]!.paragraphs).toHaveLength(11);
    expect(all[2]!.paragraphs[0]).toBe('Ukraine says advanced over territory near Bakhmut in past week');
    expect(all[1]!.text.split('\n\n')).toEqual(all[1]!.paragraphs);
  });

  it('finds the datelines', () => {
    expect(parseDateline(all[0]!.text)).toBe('New Delhi');
    expect(parseDateline(all[1]!.text)).toBe('Kyiv');
    expect(parseDateline(all[2]!.text)).toBeUndefined();
    expect(parseDateline(all[3]!.text)).toBeUndefined();
  });
});

describe('cleanArticle on invented variants', () => {
  it('strips other cross-link labels and separators', () => {
    const raw = [
      'Officials said the bridge reopened on Monday.',
      'See also | Floods close two highways in the north',
      'Related: Port strike enters its third week',
      'READ ALSO: Minister resigns after audit',
      "Don't miss — Ten photos from the summit",
      'The bridge had been closed for a week.',
    ].join('\n');
    const c = cleanArticle(raw);
    expect(c.paragraphs).toEqual(['Officials said the bridge reopened on Monday.', 'The bridge had been closed for a week.']);
  });

  it('strips shouted labels, newsletter prompts and syndication notes', () => {
    const c = cleanArticle(
      [
        'The port reopened on Monday.',
        'READ | Dockers vote to end strike',
        'WATCH: Ships leave the harbour',
        'Sign up for our morning briefing newsletter',
        '(This story has not been edited by our staff and is auto-generated from a syndicated feed.)',
        'Read the statement below, officials said.',
      ].join('\n'),
    );
    expect(c.paragraphs).toEqual(['The port reopened on Monday.', 'Read the statement below, officials said.']);
    expect(c.removed.map((r) => r.reason)).toEqual(['cross-link', 'cross-link', 'boilerplate', 'boilerplate']);
  });

  it('rejoins hard-wrapped lines but keeps headlines and sentences apart', () => {
    const c = cleanArticle(
      'Port reopens after strike\nThe port authority said on Monday that\nworkers had returned and\nships were moving.\nunrelated lowercase start after a full stop.',
    );
    expect(c.paragraphs).toEqual([
      'Port reopens after strike',
      'The port authority said on Monday that workers had returned and ships were moving.',
      'unrelated lowercase start after a full stop.',
    ]);
  });

  it('ends a headline block at the first full sentence', () => {
    const c = cleanArticle('Intro sentence here.\nRelated stories\nMayor wins second term\nStorm hits coast\nThe council met on Tuesday.');
    expect(c.paragraphs).toEqual(['Intro sentence here.', 'The council met on Tuesday.']);
  });

  it('strips captions with other credit styles but not sentences naming an agency', () => {
    const c = cleanArticle(
      [
        'Rescuers search the rubble in Adana, Turkey, on Tuesday. (AP Photo/Jane Doe)',
        'Firefighters at the scene. Photo: Reuters',
        'FILE PHOTO: A tank near the border.',
        'The ministry told Reuters.',
        'The spokesman said the figures came from AFP.',
      ].join('\n'),
    );
    expect(c.paragraphs).toEqual(['The ministry told Reuters.', 'The spokesman said the figures came from AFP.']);
  });

  it('strips stacked sign-offs only at the end', () => {
    const c = cleanArticle(
      'Reuters\nThe talks resumed in Geneva.\n(Reporting by A. Writer; Editing by B. Editor)\n(With inputs from agencies)',
    );
    expect(c.paragraphs).toEqual(['Reuters', 'The talks resumed in Geneva.']);
    expect(c.removed.map((r) => r.reason)).toEqual(['sign-off', 'sign-off']);
  });

  it('strips other sign-off styles', () => {
    const c = cleanArticle(
      'The talks resumed in Geneva on Monday.\nJane Roe in Kyiv contributed to this report.\nWith agency inputs\n— AFP',
    );
    expect(c.paragraphs).toEqual(['The talks resumed in Geneva on Monday.']);
  });

  it('parses wire-style datelines and ignores labels', () => {
    expect(parseDateline('KYIV, Ukraine (AP) — Russian forces shelled the city overnight, officials said.')).toBe('Kyiv');
    expect(parseDateline('KYIV, Feb 15 (Reuters) - Russia said on Wednesday it had advanced.')).toBe('Kyiv');
    expect(parseDateline('WASHINGTON — The Senate voted on the spending bill late on Friday.')).toBe('Washington');
    expect(parseDateline('The Hague: Judges at the court ruled on the case on Monday.')).toBe('The Hague');
    expect(parseDateline('Headline line\nSan Francisco: The city council approved the budget on Tuesday.')).toBe('San Francisco');
    expect(parseDateline('Silicon Exposed: Open Verilog flow for programmable logic devices')).toBeUndefined();
    expect(parseDateline('ONE HUNDRED TWO: What kind of chain is it? Nobody knows yet, said the author.')).toBeUndefined();
    expect(parseDateline('However: this is not a dateline.')).toBeUndefined();
    expect(parseDateline('BREAKING: Something happened.')).toBeUndefined();
  });
});
