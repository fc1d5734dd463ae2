/**
 * Where the reading settings live: one key of `storage.local`, validated on
 * every read (see `readingSettings.ts`). Content scripts follow changes live
 * through `storage.onChanged`.
 */
import { browser } from './browser';
import { parseReadingSettings, DEFAULT_READING, READING_KEY, type ReadingSettings } from './readingSettings';

/** How a content script reads and follows the settings (stubbed in tests and the page benchmark). */
export interface ReadingPort {
  load(): Promise<ReadingSettings>;
  watch(onChange: (settings: ReadingSettings) => void, signal: AbortSignal): void;
}

/** Reads the settings; the defaults when storage cannot be read. */
export async function loadReadingSettings(): Promise<ReadingSettings> {
  try {
    const stored = await browser.storage.local.get(READING_KEY);
    return parseReadingSettings(stored[READING_KEY]);
  } catch {
    return { ...DEFAULT_READING };
  }
}

/** Stores the settings (validated first: only known values are ever written). */
export async function saveReadingSettings(settings: ReadingSettings): Promise<ReadingSettings> {
  const clean = parseReadingSettings(settings);
  await browser.storage.local.set({ [READING_KEY]: clean });
  return clean;
}

/** Calls `onChange` with the new settings whenever they change, until `signal` aborts. */
export function watchReadingSettings(onChange: (settings: ReadingSettings) => void, signal: AbortSignal): void {
  const onChanged = browser.storage?.onChanged;
  if (!onChanged) return;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && READING_KEY in changes) onChange(parseReadingSettings(changes[READING_KEY]!.newValue));
  };
  onChanged.addListener(listener);
  signal.addEventListener('abort', () => onChanged.removeListener(listener), { once: true });
}

/** The settings in extension storage, for the content script. */
export const storedReading: ReadingPort = { load: loadReadingSettings, watch: watchReadingSettings };
