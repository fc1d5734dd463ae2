import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, analyzePageSentences, analyzeSentence } from '../../../../src/core/library';
import { cleanArticle, paragraphOf } from '../../../../src/core/text';
import { contentHash } from '../../../../src/core/text';
import { buildLexicon } from '../../../../src/core/entities';
import { loadGazetteer, loadSeedSidecar, sidecarMeta } from '../../../../src/core/library';
import { createSpotContext } from '../../../../src/core/entities';

const SEEDS = join(import.meta.dirname, '../../../../seeds');
const files = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const lexicon = buildLexicon(loadGazetteer());
const sidecar = loadSeedSidecar();
const analysed = files.map((f) =>
  analyzeArticle({ text: readFileSync(join(SEEDS, f), 'utf8'), origin: 'seed' }, lexicon, sidecarMeta(sidecar[f])),
);

describe('analyzeArticle on the seeds', () => {
  it('ids each article by its cleaned text and keeps offsets consistent', () => {
    analysed.forEach((a, i) => {
      expect(a.meta.id).toBe('a_' + contentHash(cleanArticle(readFileSync(join(SEEDS, files[i]!), 'utf8')).text));
      expect(a.meta.origin).toBe('seed');
      for (const m of a.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.surface);
      for (const c of a.claims) expect(a.sentences[c.sentenceIndex]!.text).toBe(c.text);
    });
    expect(new Set(analysed.map((a) => a.meta.id)).size).toBe(4);
  });

  it('never turns a cross-link headline or caption into a claim', () => {
    const texts = analysed.flatMap((a) => a.claims.map((c) => c.text)).join('\n');
    for (const h of [
      'da Vinci',
      'Kabul',
      'conviction',
      'Biden',
      'cluster bombs',
      'carefully select',
      'arms treaty',
      'Blinken',
      'A view of the town',
      'Medics render',
    ]) {
      expect(texts).not.toContain(h);
    }
  });

  it('exposes the dateline and the credited agency as inferred', () => {
    expect(analysed[0]!.meta.dateline).toMatchObject({ value: 'New Delhi', inferred: true });
    expect(analysed[1]!.meta.dateline?.value).toBe('Kyiv');
    expect(analysed[3]!.meta.creditedAgency).toMatchObject({ value: 'Reuters', inferred: true });
    const plain = analyzeArticle({ text: 'KYIV, Feb 15 (Reuters) - The army said it held.\nReuters', origin: 'import' }, lexicon);
    expect(plain.meta.dateline?.value).toBe('Kyiv');
    expect(plain.meta.dateline?.evidence).toContain('KYIV, Feb 15');
    expect(plain.meta.creditedAgency?.value).toBe('Reuters');
    expect(plain.meta).not.toHaveProperty('date');
  });

  it('resolves claim times against the inferred article date, marked inferred', () => {
    const first = analysed[0]!.claims[0]!;
    expect(first.attribution).toMatchObject({
      speaker: 'The Russian Defence Ministry',
      verb: 'said',
      entityId: 'org:russian-defence-ministry',
    });
    expect(first.time).toEqual({ text: 'on Wednesday', date: '2023-02-15', inferred: true });
    const zelenskiy = analysed[3]!.claims.find((c) => c.text.includes('late on Tuesday'))!;
    expect(zelenskiy.time).toEqual({ text: 'late on Tuesday', date: '2023-02-28', inferred: true });
    expect(zelenskiy.attribution?.entityId).toBe('person:volodymyr-zelensky');
  });

  it('uses a given date as not inferred and lets the input override extra metadata', () => {
    const a = analyzeArticle(
      { text: 'The army said on Monday that it held the town of Bakhmut.', date: '2023-03-01', outlet: 'Example Daily', origin: 'saved' },
      lexicon,
      { outlet: 'Other' },
    );
    expect(a.meta).toMatchObject({ date: '2023-03-01', outlet: 'Example Daily', origin: 'saved' });
    expect(a.claims[0]!.time).toEqual({ text: 'on Monday', date: '2023-02-27' });
  });

  it('reports the same numbers across outlets in canonical units', () => {
    const retreat = (a: (typeof analysed)[number]) => a.claims.find((c) => /retreated/.test(c.text))!.quantities[0]!;
    expect(retreat(analysed[0]!)).toMatchObject({ value: 3, unit: 'km', bound: 'up-to' });
    expect(retreat(analysed[1]!)).toMatchObject({ value: 3, unit: 'km', bound: 'up-to' });
    const area = analysed[2]!.claims.find((c) => c.text.includes('seven square kilometers'))!;
    expect(area.attribution).toMatchObject({ verb: 'according-to', entityId: 'person:hanna-malyar' });
    expect(area.quantities).toEqual([expect.objectContaining({ value: 7, unit: 'km2', bound: 'about' })]);
  });
});

describe('analyzeArticle on degenerate input', () => {
  it('handles empty, blank and one-line texts', () => {
    const empty = analyzeArticle({ text: '', origin: 'import' }, lexicon);
    expect(empty).toMatchObject({ text: '', sentences: [], mentions: [], claims: [], discovered: [] });
    expect(empty.meta.id).toBe('a_' + contentHash(''));
    expect(analyzeArticle({ text: ' \r\n\t\n ', origin: 'import' }, lexicon).meta.id).toBe(empty.meta.id);
    const long = 'Officials said the convoy of 40 trucks reached Kharkiv on Monday, and '.repeat(400);
    const a = analyzeArticle({ text: long, origin: 'import' }, lexicon);
    expect(a.claims.length).toBeGreaterThan(0);
    expect(a.claims[0]!.quantities.length).toBeGreaterThan(10);
  });
});

describe('analyzeSentence', () => {
  it('returns one page claim per sentence, even without structure', () => {
    const c = analyzeSentence('  Russian forces fired on more than 15 towns\nnear Bakhmut, the General Staff said. ', lexicon);
    expect(c.articleId).toBe('page');
    expect(c.text).toBe('Russian forces fired on more than 15 towns near Bakhmut, the General Staff said.');
    expect(c.quantities[0]).toMatchObject({ value: 15, bound: 'more-than', noun: 'towns' });
    expect(c.entities).toContain('place:bakhmut');
    expect(analyzeSentence('Subscribe', lexicon)).toMatchObject({ text: 'Subscribe', quotes: [], quantities: [], hedges: [] });
  });

  it('carries page context for bare names and resolves dates when given', () => {
    const context = createSpotContext();
    analyzeSentence('Ukrainian deputy defence minister Hanna Malyar spoke.', lexicon, { context });
    const later = analyzeSentence('Malyar said on Monday that the line held.', lexicon, { context, date: '2023-07-17' });
    expect(later.attribution).toMatchObject({ speaker: 'Malyar', entityId: 'person:hanna-malyar' });
    expect(later.time).toEqual({ text: 'on Monday', date: '2023-07-17' });
  });
});

describe('analyzePageSentences', () => {
  const ministry = 'The Russian Defence Ministry posted a statement on Telegram about the fighting near Bakhmut.';
  const pronoun = 'It claimed that Ukrainian forces had thwarted attacks near more than 20 settlements.';

  it('resolves a pronoun speaker to the sentence before it in the same run, as a stored article does', () => {
    const [, page] = analyzePageSentences(
      [
        { text: ministry, block: 3 },
        { text: pronoun, block: 3 },
      ],
      lexicon,
    );
    const stored = analyzeArticle({ text: `${ministry} ${pronoun}`, origin: 'import' }, lexicon).claims.find((c) => c.text === pronoun);
    expect(page!.attribution?.speaker).not.toBe('It');
    expect(page!.attribution).toEqual(stored!.attribution);
    expect(page!.entities).toEqual(stored!.entities);
  });

  it('analyses a sentence without a block alone, like a CLI query line', () => {
    const [, alone] = analyzePageSentences([{ text: ministry }, { text: pronoun }], lexicon);
    expect(alone!.attribution?.speaker).toBe('It');
    expect(alone).toEqual(analyzeSentence(pronoun, lexicon));
  });

  it('gives every sentence of an article, sent as a page with its paragraphs, the attribution the stored article has', () => {
    for (const a of analysed) {
      const paragraphs = paragraphOf(a.text, a.sentences);
      const page = analyzePageSentences(
        a.sentences.map((s, i) => ({ text: s.text, block: paragraphs[i]! })),
        lexicon,
      );
      const differing = a.claims.filter((c) => page[c.sentenceIndex]!.attribution?.speaker !== c.attribution?.speaker);
      expect(differing.map((c) => c.text)).toEqual([]);
    }
  });
});
