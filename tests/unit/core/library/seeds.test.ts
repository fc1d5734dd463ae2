import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { loadGazetteer, loadSeedSidecar, parseGazetteer, parseSeedSidecar, sidecarMeta } from '../../../../src/core/library';
import { foldName } from '../../../../src/core/text';

const seedFiles = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort();
const good = { id: 'place:kyiv', name: 'Kyiv', kind: 'place', aliases: ['Kiev'], origin: 'gazetteer' };

describe('gazetteer validation', () => {
  it('loads the bundled gazetteer with unique ids and unique folded spellings per entity', () => {
    const entities = loadGazetteer();
    expect(entities.length).toBeGreaterThan(80);
    // An unambiguous spelling must name one entity only; shared ones belong in `ambiguous`.
    const owners = new Map<string, Set<string>>();
    for (const e of entities) {
      const ambiguous = new Set((e.ambiguous ?? []).map(foldName));
      for (const spelling of [e.name, ...e.aliases].map(foldName).filter((s) => !ambiguous.has(s))) {
        owners.set(spelling, (owners.get(spelling) ?? new Set()).add(e.id));
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([s, ids]) => `${s}: ${[...ids].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('names the bad entry and field', () => {
    expect(() => parseGazetteer([good, { ...good, id: 'place:kharkiv', aliases: ['Kharkov', 42] }])).toThrow(
      /gazetteer entry 1 \(place:kharkiv\): aliases\.1/,
    );
    expect(() => parseGazetteer([{ ...good, kind: 'city' }])).toThrow(/entry 0 \(place:kyiv\): kind/);
    expect(() => parseGazetteer([{ ...good, id: 'person:kyiv' }])).toThrow(/id prefix must equal kind/);
    expect(() => parseGazetteer([{ ...good, id: 'Kyiv' }])).toThrow(/kind:slug/);
    expect(() => parseGazetteer([good, good])).toThrow(/entry 1 \(place:kyiv\): duplicate id/);
    expect(() => parseGazetteer([{ ...good, name: '  ' }])).toThrow(/name: must not be empty/);
    expect(() => parseGazetteer({})).toThrow(/expected an array/);
  });
});

describe('seed sidecar', () => {
  const sidecar = loadSeedSidecar();

  it('describes every seed file and nothing else', () => {
    expect(Object.keys(sidecar).sort()).toEqual(seedFiles);
  });

  it('records only inferred fields, never an outlet or URL', () => {
    for (const [file, entry] of Object.entries(sidecar)) {
      const raw = JSON.stringify(entry);
      expect(raw, file).not.toMatch(/https?:|www\.|"outlet"|"url"/);
      for (const field of Object.values(entry)) expect(field?.inferred).toBe(true);
    }
  });

  it('backs each field with words quoted from its own text', () => {
    for (const [file, entry] of Object.entries(sidecar)) {
      const text = readFileSync(`seeds/${file}`, 'utf8').replace(/[“”]/g, '"');
      for (const [name, field] of Object.entries(entry)) {
        const quotes = [...field!.evidence.matchAll(/"([^"]{4,})"/g)].flatMap((m) => m[1]!.split(/\s*\.\.\.\s*/));
        expect(quotes.length, `${file} ${name}`).toBeGreaterThan(0);
        for (const q of quotes) if (q.length > 3) expect(text, `${file} ${name}: "${q}"`).toContain(q);
      }
      if (entry.dateline) expect(text.startsWith(entry.dateline.value + ':')).toBe(true);
      if (entry.creditedAgency) expect(text).toContain(entry.creditedAgency.value);
      if (entry.title) expect(text.split('\n')[0]).toBe(entry.title.value);
    }
  });

  it('maps to ArticleMeta fields', () => {
    const meta = sidecarMeta(sidecar['002_63fd9caf96d9613e.txt']);
    expect(meta.title).toMatch(/^Ukraine says advanced/);
    expect(meta.inferredDate?.value).toMatch(/^2023-07-\d\d$/);
    expect(meta.dateline).toBeUndefined();
    expect(sidecarMeta(sidecar['000_826d5e328693e3b0.txt']).dateline?.value).toBe('New Delhi');
  });

  it('names the bad entry and field', () => {
    const field = { value: 'Kyiv', inferred: true, evidence: 'The text opens "Kyiv: As NATO..."' };
    expect(() => parseSeedSidecar({ 'a.txt': { dateline: { ...field, inferred: false } } })).toThrow(/"a\.txt": dateline\.inferred/);
    expect(() => parseSeedSidecar({ 'a.txt': { inferredDate: { ...field, value: '2023-02-30x' } } })).toThrow(/inferredDate\.value/);
    expect(() => parseSeedSidecar({ 'a.txt': { outlet: field } })).toThrow(/"a\.txt"/);
    expect(() => parseSeedSidecar({ 'a.txt': { dateline: { ...field, evidence: 'short' } } })).toThrow(/evidence/);
    expect(() => parseSeedSidecar({ 'notes.md': {} })).toThrow(/not a seed file name/);
  });
});

describe('compiled lexicon data', () => {
  it('survives JSON (the extension message format) and spots exactly like the direct build', async () => {
    const { buildLexicon, compileLexicon, lexiconFromData } = await import('../../../../src/core/entities/lexicon');
    const { spotMentions, createSpotContext } = await import('../../../../src/core/entities/spot');
    const entities = loadGazetteer();
    const direct = buildLexicon(entities);
    const shipped = lexiconFromData(JSON.parse(JSON.stringify(compileLexicon(entities))));
    expect(shipped.entities.size).toBe(direct.entities.size);
    for (const file of seedFiles) {
      const text = readFileSync(`seeds/${file}`, 'utf8');
      expect(spotMentions(text, shipped, createSpotContext())).toEqual(spotMentions(text, direct, createSpotContext()));
    }
    const probe = 'Кліщіївка? Зеленського, Kiev’s Nato, deputy defence minister Maliar, Austin at the Pentagon.';
    expect(spotMentions(probe, shipped)).toEqual(spotMentions(probe, direct));
    expect(spotMentions(probe, shipped).length).toBeGreaterThanOrEqual(5);
  });
});
