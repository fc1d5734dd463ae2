/**
 * Whether a spotted name is really part of an address: pages print URLs,
 * e-mail addresses, handles and file names in their text, and "Kiev" inside
 * "https://x.example/Kiev/live" must never be highlighted as a place.
 */
import { isWordCode } from '../text';

/**
 * True when the match sits inside a URL, e-mail address, handle or file name
 * ("https://x.example/Kiev/live", "press@Kyiv.example", "#Kyiv", "www.Kyiv.ua"),
 * judged on its whitespace-delimited chunk; "Kyiv/Kiev" in prose is not.
 */
export function urlish(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  // Directly glued to @ _ # = & % \ : a handle, tag or query string.
  const glue = (c: number) => c === 64 || c === 95 || c === 35 || c === 61 || c === 38 || c === 37 || c === 92;
  if (glue(before) || glue(after)) return true;
  if ((before === 46 || before === 58) && isWordCode(text.charCodeAt(start - 2))) return true;
  if (after === 46 && isWordCode(text.charCodeAt(end + 1))) {
    const next = text.charCodeAt(end + 1);
    if (!(next >= 65 && next <= 90)) return true; // "kiev.ua"; "Kiev.Ukraine" is prose-ish
  }
  if (before !== 47 && after !== 47) return false;
  let from = start;
  let to = end;
  while (from > 0 && from > start - 200 && !/\s/.test(text.charAt(from - 1))) from--;
  while (to < text.length && to < end + 200 && !/\s/.test(text.charAt(to))) to++;
  return /:\/\/|^www\.|\.[a-z]{2,}\/|^\//i.test(text.slice(from, to));
}
