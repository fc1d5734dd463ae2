/**
 * The optional `vectors` section (packVectors.ts) across shards and months:
 * rows are per input line, in input order, so shard sections merge by their
 * input line numbers, and a month keeps the rows of its own articles.
 */
import type { QuantisedVector } from '../ranking';
import { decodePackVectors, encodePackVectors, type PackVectors, type PackVectorsJSON } from './packVectors';

interface Row {
  line: number;
  id: string;
  text: string;
  title: string;
  textVector: QuantisedVector;
  titleVector: QuantisedVector;
}

function rowsOf(v: PackVectors, lines: readonly number[]): Row[] {
  return v.ids.map((id, i) => ({
    line: lines[i]!,
    id,
    text: v.texts[i]!,
    title: v.titles[i]!,
    textVector: v.textVectors[i]!,
    titleVector: v.titleVectors[i]!,
  }));
}

function encodeRows(model: string, dim: number, rows: readonly Row[]): PackVectorsJSON {
  return encodePackVectors({
    model,
    dim,
    ids: rows.map((r) => r.id),
    texts: rows.map((r) => r.text),
    titles: rows.map((r) => r.title),
    textVectors: rows.map((r) => r.textVector),
    titleVectors: rows.map((r) => r.titleVector),
  });
}

/**
 * Merges shards' sections (each with the input line of every row) into the
 * section one build writes: rows in input order. Undefined when no shard has
 * vectors; throws when only some have, or their models differ.
 */
export function mergeVectorSections(parts: ReadonlyArray<{ section: unknown; lines: readonly number[] }>): PackVectorsJSON | undefined {
  const decoded = parts.map((p) => decodePackVectors(p.section));
  if (decoded.every((d) => d === undefined)) return undefined;
  if (decoded.some((d) => d === undefined))
    throw new Error('some shards have vectors and some do not (build all with or all --no-vectors)');
  const first = decoded[0]!;
  const rows: Row[] = [];
  decoded.forEach((v, i) => {
    if (v!.model !== first.model || v!.dim !== first.dim)
      throw new Error(`shards embedded with different models (${first.model}, ${v!.model})`);
    if (v!.ids.length !== parts[i]!.lines.length) throw new Error('a shard record does not match its vectors');
    rows.push(...rowsOf(v!, parts[i]!.lines));
  });
  rows.sort((a, b) => a.line - b.line);
  return encodeRows(first.model, first.dim, rows);
}

/**
 * The rows of a section for one part of a pack: those whose id is kept, and
 * the rows of lines whose text repeats a kept row's (a copy the claim index
 * stored once, under the first id, goes where that article goes).
 */
export function filterVectorSection(section: unknown, keep: (id: string) => boolean): PackVectorsJSON | undefined {
  const v = decodePackVectors(section);
  if (!v) return undefined;
  const texts = new Set(v.ids.flatMap((id, i) => (keep(id) ? [v.texts[i]!] : [])));
  const rows = rowsOf(
    v,
    v.ids.map((_, i) => i),
  ).filter((r) => keep(r.id) || texts.has(r.text));
  return encodeRows(v.model, v.dim, rows);
}
