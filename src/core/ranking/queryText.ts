/**
 * Query clean-up before ranking. Social posts, and pages that embed them, carry an attribution
 * trailer ("— Name (@handle) January 6, 2020"), links (often glued to a hashtag:
 * "#IranUsapic.twitter.com/..."), @handles, camel-case hashtags and emoji, none of which appear in a
 * stored claim's text; left in, they add noise terms to BM25 and pull the sentence vector towards
 * "a post" rather than towards what it says. Plain prose passes through unchanged but for spacing.
 * The CLI, the CLEF scripts and the extension all clean a query here, so they build the same rows.
 */

/** Splits "IranUsa", "realDonaldTrump", "COVID19Update" into words. */
export function splitCamel(word: string): string {
  return word
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
}

/** The query's own words: no links, trailer date or handle markup, hashtags split, emoji dropped. */
export function cleanQueryText(text: string): string {
  let t = text;
  // Embedded-post trailer: "— Author Name (@handle) Month D, YYYY". Keep the author's name, which
  // fact-checks often mention ("Ilhan Omar said ..."); drop the handle and the date.
  t = t.replace(/[—–-]\s*([^—–()]{0,60}?)\s*\(@\w+\)\s*[A-Z][a-z]+ \d{1,2}, \d{4}\s*$/u, ' $1');
  t = t.replace(/pic\.twitter\.com\/\S+/g, ' ');
  t = t.replace(/https?:\/\/\S+/g, ' ');
  t = t.replace(/\b(?:www\.)?[a-z0-9-]+\.(?:com|org|net|co|ly|gov)\/\S*/gi, ' ');
  t = t.replace(/[#@]([A-Za-z0-9_]+)/g, (_m, w: string) => ' ' + splitCamel(w) + ' ');
  // Emoji and other pictographs carry little the claim text would share.
  t = t.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ');
  t = t.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * A cleaned query's sentences, for a per-sentence cosine: a post often wraps the claim in comment
 * ("im screaming. google featured a hoax article that claims ..."), which dilutes a whole-text vector.
 * Fragments under four words join a neighbour; at most six sentences are kept.
 */
export function querySentences(cleaned: string): string[] {
  const out: string[] = [];
  let carry = '';
  // A break needs two word characters before the stop, so "U.S. Army" and "1. To ..." stay whole.
  for (const part of cleaned.split(/(?<=[\p{Ll}\p{N})"”'’*]{2}[.!?…]+)\s+|\s*[|•]\s*/u)) {
    const s = (carry + ' ' + part).trim();
    carry = '';
    if (!s) continue;
    if (s.split(/\s+/).length >= 4) out.push(s);
    else if (out.length > 0) out[out.length - 1] += ' ' + s;
    else carry = s;
  }
  if (carry) out.push(carry);
  return out.slice(0, 6);
}
