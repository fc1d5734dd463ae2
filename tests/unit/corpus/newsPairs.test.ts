import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Validates tests/corpus/news-pairs.jsonl: labelled sentence pairs quoted verbatim from real public
 * news reporting (see tests/corpus/news-pairs.md for how they were made and what the labels mean).
 */
const FILE = join(import.meta.dirname, '../../corpus/news-pairs.jsonl');

const KINDS = {
  same: ['paraphrase', 'near-verbatim', 'same-day-number-differs'],
  related: ['other-day-number', 'other-event-same-place', 'general-vs-event', 'other-speaker', 'other-detail'],
  unrelated: ['stock-phrase', 'caveat', 'same-words-other-topic'],
} as const;
type Label = keyof typeof KINDS;

/** Minimums the file must keep (the ones the brief asked for; all were reached). */
const MIN = {
  total: 170,
  events: 25,
  same: 70,
  paraphrase: 25,
  sameDayNumberDiffers: 8,
  related: 50,
  unrelated: 50,
  caveat: 15,
  stockPhrase: 15,
};

interface Side {
  text: string;
  url: string;
  outlet?: string;
  date?: string;
  dateInferred?: boolean;
}
interface Pair {
  id: string;
  event: string;
  label: Label;
  kind: string;
  a: Side;
  b: Side;
  note: string;
}

const lines = readFileSync(FILE, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');

const parsed: { line: number; value: unknown; error?: string }[] = lines.map((l, i) => {
  try {
    return { line: i + 1, value: JSON.parse(l) as unknown };
  } catch (e) {
    return { line: i + 1, value: undefined, error: String(e) };
  }
});
const pairs = parsed.map((p) => p.value as Pair);

/** Abbreviations that end in a full stop without ending a sentence (rough list for the check). */
const ABBREV =
  /(?:^|[\s(“"])(?:[A-Z]|Gov|Gen|Col|Maj|Lt|Sgt|Capt|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gens?|No|v|vs|U\.S|U\.N|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Inc|Co|Ltd)\.$/;

/** Sentence ends strictly inside the text (not at its end), ignoring abbreviations. */
function innerSentenceEnds(text: string): number {
  const body = text.trimEnd();
  let count = 0;
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z])/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const before = body.slice(0, m.index + 1);
    if (m[0].startsWith('.') && ABBREV.test(before)) continue;
    count++;
  }
  return count;
}

describe('news-pairs corpus', () => {
  it('every line parses as JSON', () => {
    expect(parsed.filter((p) => p.error)).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(MIN.total);
  });

  it('every pair has the required fields, with allowed labels and kinds', () => {
    const problems: string[] = [];
    for (const p of pairs) {
      const where = p?.id ?? '(no id)';
      if (typeof p.id !== 'string' || !/^p\d{3,}$/.test(p.id)) problems.push(`${where}: id`);
      if (typeof p.event !== 'string' || p.event.trim() === '') problems.push(`${where}: event`);
      if (typeof p.note !== 'string' || p.note.trim() === '') problems.push(`${where}: note`);
      if (!(p.label in KINDS)) problems.push(`${where}: label ${String(p.label)}`);
      else if (!(KINDS[p.label] as readonly string[]).includes(p.kind)) problems.push(`${where}: kind ${p.kind} for ${p.label}`);
      for (const side of ['a', 'b'] as const) {
        const s = p[side];
        if (!s || typeof s.text !== 'string' || s.text.trim() === '') {
          problems.push(`${where}.${side}: text`);
          continue;
        }
        if (typeof s.url !== 'string' || !/^https?:\/\/\S+$/.test(s.url)) problems.push(`${where}.${side}: url`);
        if (s.outlet !== undefined && (typeof s.outlet !== 'string' || s.outlet.trim() === '')) problems.push(`${where}.${side}: outlet`);
        if (s.date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date)) problems.push(`${where}.${side}: date ${s.date}`);
        if (s.dateInferred !== undefined && (s.dateInferred !== true || s.date === undefined))
          problems.push(`${where}.${side}: dateInferred without a date`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('ids are unique and no pair is repeated', () => {
    const ids = pairs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = pairs.map((p) => [p.a.text, p.b.text].sort().join('\u0000'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('each side quotes at most one sentence of at most 600 characters (rough check)', () => {
    const problems: string[] = [];
    for (const p of pairs) {
      for (const side of ['a', 'b'] as const) {
        const t = p[side].text;
        if (t.length > 600) problems.push(`${p.id}.${side}: ${t.length} chars`);
        const inner = innerSentenceEnds(t);
        if (inner > 1) problems.push(`${p.id}.${side}: ${inner} sentence ends inside`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('pairs of different events are never labelled same', () => {
    const bad = pairs.filter((p) => p.label === 'same' && p.event.includes('|')).map((p) => p.id);
    expect(bad).toEqual([]);
  });

  it('meets the minimum counts per label, kind and event', () => {
    const count = (f: (p: Pair) => boolean) => pairs.filter(f).length;
    const events = new Set(pairs.flatMap((p) => p.event.split('|')));
    expect(events.size).toBeGreaterThanOrEqual(MIN.events);
    expect(count((p) => p.label === 'same')).toBeGreaterThanOrEqual(MIN.same);
    expect(count((p) => p.kind === 'paraphrase')).toBeGreaterThanOrEqual(MIN.paraphrase);
    expect(count((p) => p.kind === 'same-day-number-differs')).toBeGreaterThanOrEqual(MIN.sameDayNumberDiffers);
    expect(count((p) => p.label === 'related')).toBeGreaterThanOrEqual(MIN.related);
    expect(count((p) => p.label === 'unrelated')).toBeGreaterThanOrEqual(MIN.unrelated);
    expect(count((p) => p.kind === 'caveat')).toBeGreaterThanOrEqual(MIN.caveat);
    expect(count((p) => p.kind === 'stock-phrase')).toBeGreaterThanOrEqual(MIN.stockPhrase);
    for (const kind of KINDS.related)
      expect(
        count((p) => p.kind === kind),
        kind,
      ).toBeGreaterThan(0);
  });
});
