/**
 * Timing script for the spotter (not a test: no timing asserts in unit tests).
 * Run: npx tsx bench/spot.ts
 * Builds ~200 entities (the gazetteer plus names discovered in the shared
 * test pages), a 100 KB text of real article prose, and reports medians for
 * buildLexicon, lexiconFromData (parsing the compiled JSON a content script
 * receives), spotMentions, and a one-regex-per-alias baseline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildLexicon, compileLexicon, lexiconFromData } from '../src/core/entities';
import { createSpotContext, spotMentions } from '../src/core/entities';
import { discoverEntities } from '../src/core/entities';
import { loadGazetteer } from '../src/core/library';
import type { Entity } from '../src/core/types';

const pagesDir = '../shared/testpages/readability/';
const htmlText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h\d|li|br|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/[ \t]+/g, ' ');
const pages = readdirSync(pagesDir).map((f) => htmlText(readFileSync(pagesDir + f, 'utf8')));
const seeds = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`seeds/${f}`, 'utf8'));

const gazetteer = loadGazetteer();
const base = buildLexicon(gazetteer);
const extra = new Map<string, Entity>();
for (const p of pages) for (const e of discoverEntities(p, [], base)) if (extra.size < 200 - gazetteer.length) extra.set(e.id, e);
const entities = [...gazetteer, ...extra.values()];

let text = '';
for (let i = 0; text.length < 100_000; i++)
  text += (i % 3 === 0 ? seeds[i % seeds.length] : pages[i % pages.length]!.slice(0, 8000)) + '\n\n';
text = text.slice(0, 100_000);

/** Median and minimum wall time and mean CPU time per run (min and CPU time are steadier on a shared machine). */
function median(fn: () => void, runs: number): string {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const wall = times[Math.floor(runs / 2)]!;
  return `${wall.toFixed(2)} ms wall (median), ${times[0]!.toFixed(2)} ms (min), ${((cpu.user + cpu.system) / 1000 / runs).toFixed(2)} ms CPU (mean)`;
}

const coldStart = performance.now();
const lexicon = buildLexicon(entities);
const coldBuild = performance.now() - coldStart;
const buildMs = median(() => buildLexicon(entities), 200);
const shipped = JSON.stringify(compileLexicon(entities));
const fromDataMs = median(() => lexiconFromData(JSON.parse(shipped)), 200);
let mentions = 0;
const spotMs = median(() => {
  mentions = spotMentions(text, lexicon, createSpotContext()).length;
}, 100);
const blocks = text.split(/\n\n+/);
const blockMs = median(() => {
  const ctx = createSpotContext();
  for (const b of blocks) spotMentions(b, lexicon, ctx);
}, 100);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const regexes = entities
  .flatMap((e) => [e.name, ...e.aliases])
  .map((a) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'gu'));
let regexHits = 0;
const regexMs = median(() => {
  regexHits = 0;
  for (const r of regexes) for (const _ of text.matchAll(r)) regexHits++;
}, 10);

console.log(
  JSON.stringify(
    {
      entities: entities.length,
      aliases: regexes.length,
      textChars: text.length,
      blocks: blocks.length,
      buildLexiconFirstCallMs: +coldBuild.toFixed(2),
      buildLexicon: buildMs,
      lexiconFromJsonData: fromDataMs,
      lexiconDataBytes: shipped.length,
      spotMentions100kb: spotMs,
      mentions,
      spotMentionsBlockByBlock: blockMs,
      regexPerAliasBaseline: regexMs,
      regexHits,
    },
    null,
    1,
  ),
);
