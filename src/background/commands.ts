/**
 * Keyboard commands (manifest `commands`): step through the active tab's
 * highlights. The content script moves focus and opens the card.
 */
import { browser } from '../shared/browser';
import { callContent } from '../shared/rpc';

/** Direction of each command we declare in the manifest. */
const DIRECTIONS: Record<string, 1 | -1> = { 'next-highlight': 1, 'previous-highlight': -1 };

/** Runs one command against the active tab; unknown commands and tabs without Parallax are ignored. */
export async function runCommand(command: string): Promise<void> {
  const direction = DIRECTIONS[command];
  if (!direction) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // A tab where the content script does not run (a browser page) answers with an error: nothing to step.
  await callContent(tab.id, 'stepHighlight', { direction });
}
