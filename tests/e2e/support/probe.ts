/**
 * Typed access to `page-probe.js` (see that file for why it is plain JS).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestPage } from './driver';

/** Source of the probe, installed before page scripts run. */
export const probeSource = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'page-probe.js'), 'utf8');

/** One highlighted range as seen from the page. */
export interface ProbedRange {
  text: string;
  connected: boolean;
  inEditable: boolean;
  inSvg: boolean;
  rect: { x: number; y: number; width: number; height: number } | null;
}

/** Highlight name (e.g. `parallax-place`) to its ranges. */
export type ProbedHighlights = Record<string, ProbedRange[]>;

/** What changed in the page's DOM since DOMContentLoaded. */
export interface DomAudit {
  ready: boolean;
  hosts: Array<{ tag: string; parent: string; shadow: string }>;
  changes: string[];
  changeCount: number;
  unchanged: boolean;
  beforeLength: number;
  afterLength: number;
}

/** The open card, read from the Parallax host's shadow root. */
export interface ProbedCard {
  host: string;
  label: string;
  labelledBy: string;
  text: string;
}

// The arrow functions below are tiny and name nothing, so they serialize cleanly.
type ProbeWindow = { __parallaxProbe: Record<string, (...args: unknown[]) => unknown> };

/** Registered CSS highlights of the page. */
export function readHighlights(page: TestPage): Promise<ProbedHighlights> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__parallaxProbe.highlights!() as ProbedHighlights, null);
}

/** DOM changes since DOMContentLoaded, the Parallax host excepted. */
export function auditDom(page: TestPage): Promise<DomAudit> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__parallaxProbe.domAudit!() as DomAudit, null);
}

/** The open card or null. */
export function readCard(page: TestPage): Promise<ProbedCard | null> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__parallaxProbe.card!() as ProbedCard | null, null);
}

/** Centre of the first range of highlight `kind` whose text includes `text`, scrolled into view. */
export function rangePoint(page: TestPage, kind: string, text: string): Promise<{ x: number; y: number; text: string } | null> {
  return page.evaluate(
    (arg) =>
      (window as unknown as ProbeWindow).__parallaxProbe.rangePoint!(arg.kind, arg.text) as { x: number; y: number; text: string } | null,
    { kind, text },
  );
}

/** Texts of every range of every `parallax-*` highlight, by highlight name. */
export function highlightTexts(highlights: ProbedHighlights): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, ranges] of Object.entries(highlights)) if (name.startsWith('parallax-')) out[name] = ranges.map((r) => r.text);
  return out;
}
