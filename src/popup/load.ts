/**
 * Data for the comparison panel: which tab it is about (the active tab, or
 * `?tab=<id>` when opened as a full tab), what the tab's content script found,
 * the events and timeline for it, and the library's size.
 */
import { browser } from '../shared/browser';
import type { Comparison, PageContext, PageState } from '../shared/messages';
import type { NameBook } from '../ui/rows';
import { callBackground, callContent } from '../shared/rpc';

/** Everything the panel shows; each part may fail on its own. */
export interface PanelData {
  tabId: number;
  page: { ok: true; value: PageState } | { ok: false; error: string };
  comparison: Comparison | null;
  /** Which stored articles the page is a copy of, and its date; null when the background could not say. */
  context: PageContext | null;
  /** Spellings of every known name, to show a name as each sentence writes it. */
  names: NameBook;
  stats: { articles: number; entities: number; claims: number } | null;
}

/** The tab id from `?tab=<id>`, or null. */
export function tabFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** The tab the panel is about. */
export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = tabFromQuery(search);
  if (fromQuery !== null) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}

/** Loads the panel's data for a tab. */
export async function loadPanel(tabId: number): Promise<PanelData> {
  const [page, statsResult] = await Promise.all([callContent(tabId, 'getPageState', {}), callBackground('getLibraryStats', {})]);
  const stats = statsResult.ok ? statsResult.value : null;
  if (!page.ok) return { tabId, page, comparison: null, context: null, names: {}, stats };
  const claimIds = [...new Set(page.value.matches.flatMap((m) => m.reports.map((r) => r.claim.id)))];
  const entityIds = page.value.entities.map((e) => e.entityId);
  const wanted = claimIds.length > 0 || entityIds.length > 0;
  const [compared, context, lexicon] = await Promise.all([
    wanted ? callBackground('getComparison', { claimIds, entityIds }) : null,
    callBackground('getPageContext', { pageUrl: page.value.url }),
    claimIds.length ? callBackground('getLexicon', {}) : null,
  ]);
  const names: NameBook = {};
  for (const e of lexicon?.ok ? lexicon.value.entities : []) names[e.id] = [e.name, ...e.aliases];
  // The page's own spellings too: a name the library discovered from this page may not be in the lexicon yet.
  for (const e of page.value.entities) names[e.entityId] = [...(names[e.entityId] ?? [e.name]), ...e.surfaces];
  return {
    tabId,
    page,
    comparison: compared?.ok ? compared.value : null,
    context: context.ok ? context.value : null,
    names,
    stats,
  };
}

/** Saves the tab's article (Readability in the page, analysis in the background). */
export async function saveTabArticle(tabId: number): Promise<{ ok: true; added: boolean } | { ok: false; error: string }> {
  const extracted = await callContent(tabId, 'extractArticle', {});
  if (!extracted.ok) return extracted;
  if (!extracted.value) return { ok: false, error: 'No article text could be extracted from this page.' };
  const saved = await callBackground('saveArticle', extracted.value);
  return saved.ok ? { ok: true, added: saved.value.added } : saved;
}

/** Opens this panel in a full tab for `tabId`. */
export async function openInTab(tabId: number, here: string): Promise<void> {
  const url = new URL(here);
  url.search = `?tab=${tabId}`;
  await browser.tabs.create({ url: url.href });
}

/** Opens the options page (import a pack, manage the library). */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
