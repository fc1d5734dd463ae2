/**
 * Cleans pasted or saved article text down to the article's own reporting:
 * cross-links to other stories, photo captions and credits, boilerplate and
 * sign-offs are removed (and listed in `removed`, so nothing disappears
 * silently). Paragraphs are kept, one per line of the input.
 *
 * Hand-written line rules rather than a model: news sites use a small set of
 * recurring conventions ("ALSO READ:", a "READ MORE" block of headlines, a
 * caption ending in the photo agency), and a wrong removal loses reporting, so
 * each rule is narrow and anchored on the whole line.
 */

/** Result of `cleanArticle`. `text` is the paragraphs joined by blank lines. */
export interface CleanedArticle {
  text: string;
  paragraphs: string[];
  removed: Array<{ text: string; reason: string }>;
}

/** Agencies and photo desks that credit photographs or sign off wire copy. */
const AGENCY = String.raw`(?:AP|AFP|Reuters|PTI|ANI|IANS|EPA|EPA-EFE|Getty Images|Getty|Bloomberg|Xinhua|TASS|Tass|dpa|UNI|AAP|Shutterstock|Sputnik|RIA Novosti|Anadolu|Ukrinform|Agencies|agencies|File|FILE)`;

/** "ALSO READ: …", "Read more | …", "See also — …": a label, a separator, then a linked headline. */
const CROSS_LINK =
  /^(?:also\s+read|read\s+also|read\s+more|more\s+to\s+read|see\s+also|also\s+see|also\s+watch|watch|must\s+read|don['’]t\s+miss|related(?:\s+(?:news|story|stories|articles?|coverage))?|recommended|suggested|trending|top\s+stories|you\s+may\s+(?:also\s+)?like|more\s+on\s+this(?:\s+story)?|click\s+here(?:\s+to\s+read)?)\s*[:|>»–—-]\s*\S/i;

/** Upper-case "READ:" / "WATCH |" labels (the mixed-case words start ordinary sentences too often). */
const SHOUTED_LINK = /^(?:READ|WATCH|LISTEN|SEE|MORE)\s*[:|»]\s*\S/;

/** A label alone on its line, announcing a list of headlines below it. */
const LINK_BLOCK_LABEL =
  /^(?:also\s+read|read\s+more|read\s+also|more\s+to\s+read|see\s+also|also\s+see|related(?:\s+(?:news|stories|articles|coverage|content))?|more\s+stories|more\s+from\s+\S+(?:\s+\S+)?|recommended(?:\s+(?:stories|articles|for\s+you))?|trending(?:\s+now)?|must\s+read|top\s+stories|latest\s+news|you\s+may\s+(?:also\s+)?like|more\s+on\s+this(?:\s+story)?)\s*:?$/i;

/** Caption credit at the end: "… Ukraine. AP", "… (AP Photo/Name)", "… Photo: Reuters", "… | Getty Images". */
const CAPTION_CREDIT = new RegExp(
  String.raw`(?:[.!?]["”’]?\s+(?:\(?(?:Photo|Image|Picture|File photo|Photo credit|Credit)s?\s*:?\s*)?${AGENCY}(?:\s+(?:Photos?|Images?|file photo))?\)?|\((?:${AGENCY})(?:\s+Photo)?\s*/\s*[^)]{1,60}\)|[|/]\s*(?:Photo\s*:?\s*)?${AGENCY}(?:\s+(?:Photos?|Images?))?|(?:Photo|Image|Picture)\s*(?:credit)?\s*:\s*[^.]{1,60})\s*\.?$`,
);

/** Caption-only lines: "Photo: …", "FILE PHOTO: …", "(Image: …)". */
const CAPTION_LEAD =
  /^\(?(?:file\s+photo|photo|image|picture|image\s+source|representational image|representative image)\s*(?:credit)?\s*:/i;

/** Page furniture that is never reporting. */
const BOILERPLATE =
  /^(?:advertisement|story continues below(?: this)? ad(?:vertisement)?|scroll to continue|subscribe(?: now)?|share(?: this (?:article|story))?|follow us on \S+(?: \S+){0,4}|click here to \S+(?: \S+){0,6}|sign up (?:for|to) \S+(?: \S+){0,8}|\(?(?:this|the) (?:story|article|report) (?:has not been edited|is auto-generated|was auto-generated)[^)]{0,160}\)?|\(?disclaimer:[^)]{0,200}\)?)\.?$/i;

/** Sign-offs: a lone agency, "(Reuters)", "— AP", "With inputs from agencies", "(Reporting by …; Editing by …)". */
const SIGN_OFF = new RegExp(
  String.raw`^(?:[-–—]\s*)?\(?(?:${AGENCY}|(?:with\s+)?inputs?\s+from\s+[\w ,&-]{1,60}|with\s+(?:agency|wire|agencies)\s+inputs|[\w .,&'-]{1,60}\s+contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story)|(?:additional\s+)?reporting\s+by\s+[^)]{1,200}|writing\s+by\s+[^)]{1,200}|edited\s+by\s+[^)]{1,120}|editing\s+by\s+[^)]{1,120})\)?\.?$`,
  'i',
);

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A linked headline: short, no closing punctuation, not a full sentence. */
function looksLikeHeadline(line: string): boolean {
  const n = wordCount(line);
  return n >= 2 && n <= 22 && !/[.!?:;,"”’)]$/.test(line);
}

/** A caption is short and carries a credit; a sentence that merely ends in "… Reuters." does not match the credit rule. */
function isCaption(line: string): boolean {
  if (CAPTION_LEAD.test(line)) return true;
  return wordCount(line) <= 45 && CAPTION_CREDIT.test(line);
}

/**
 * Cleans raw article text. Line endings are normalised, lines trimmed; each
 * non-empty line that survives is a paragraph. Never strips the dateline (see
 * `parseDateline`), which is part of the article's first sentence.
 */
export function cleanArticle(raw: string): CleanedArticle {
  const lines: string[] = [];
  for (const line of raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')) {
    const l = line.trim();
    if (!l) continue;
    // Hard-wrapped text: a line that starts lowercase after one that did not end a sentence continues it.
    const prev = lines[lines.length - 1];
    if (prev !== undefined && /^\p{Ll}/u.test(l) && !/[.!?:;"”’)\]…]$/.test(prev)) lines[lines.length - 1] = prev + ' ' + l;
    else lines.push(l);
  }
  const removed: CleanedArticle['removed'] = [];
  const kept: string[] = [];
  let inLinkBlock = false;
  for (const line of lines) {
    if (inLinkBlock) {
      // Headlines listed under a "READ MORE" label; the first real paragraph ends the block.
      if (looksLikeHeadline(line)) {
        removed.push({ text: line, reason: 'cross-link' });
        continue;
      }
      inLinkBlock = false;
    }
    if (LINK_BLOCK_LABEL.test(line)) {
      removed.push({ text: line, reason: 'cross-link' });
      inLinkBlock = true;
    } else if (CROSS_LINK.test(line) || SHOUTED_LINK.test(line)) removed.push({ text: line, reason: 'cross-link' });
    else if (BOILERPLATE.test(line)) removed.push({ text: line, reason: 'boilerplate' });
    else if (isCaption(line)) removed.push({ text: line, reason: 'caption' });
    else kept.push(line);
  }
  // Sign-offs only count at the very end: "Reuters" mid-article could be a one-word paragraph of reporting.
  const tail: CleanedArticle['removed'] = [];
  while (kept.length > 1 && SIGN_OFF.test(kept[kept.length - 1]!)) tail.unshift({ text: kept.pop()!, reason: 'sign-off' });
  removed.push(...tail);
  return { text: kept.join('\n\n'), paragraphs: kept, removed };
}

/** The wire agency a sign-off credits ("Reuters" from a final "Reuters" line), if any. */
export function signOffAgency(removed: CleanedArticle['removed']): string | undefined {
  const agency = new RegExp(String.raw`^(?:[-–—]\s*)?\(?(${AGENCY})\)?\.?$`);
  for (const r of removed) {
    const m = r.reason === 'sign-off' ? agency.exec(r.text) : null;
    if (m && !/^(?:file|agencies)$/i.test(m[1]!)) return m[1];
  }
  return undefined;
}

/** Words that end in a colon at the start of a paragraph but are not places. */
const NOT_PLACES =
  /^(?:however|meanwhile|update|updated|note|editor['’]?s note|watch|breaking|exclusive|analysis|opinion|live|read|also|photo|video|explainer|comment|interview|summary|background|context|correction|warning|q|a|on|in|at|of|for|and|the|one|two|three|four|five|ten|hundred|chapter|part|episode|day|review|recent|events?|data)$/i;

/**
 * The dateline city an article opens with: "New Delhi: …", "KYIV, Feb 15
 * (Reuters) - …", "Kyiv — …". Looks at the first paragraph, or the second
 * when the first is a headline line. Returns the city in title case.
 */
export function parseDateline(text: string): string | undefined {
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const candidates = paragraphs.slice(0, /[.!?"”]$/.test(paragraphs[0] ?? '.') ? 1 : 2);
  const re =
    /^((?:[A-Z][\p{L}'’.-]*)(?:\s+[A-Z][\p{L}'’.-]*){0,3})(?:,\s*(?:[A-Z][\p{L}.]*\.?\s*\d{1,2}|\d{1,2}\s+[A-Z][\p{L}.]*|[A-Z][\p{L}]+))?\s*(?:\([^)]{1,40}\)\s*)?(?::|[-–—])\s+\S/u;
  for (const p of candidates) {
    // A dateline opens a paragraph of reporting: a sentence, not a "Site: Page title" line.
    if (wordCount(p) < 8 || !/[.!?]["”’]?(?:\s|$)/.test(p)) continue;
    const m = re.exec(p);
    if (!m) continue;
    const city = m[1]!;
    const words = city.split(/\s+/);
    // "The Hague" keeps its article; any other stop word means a label or a title, not a place.
    if (words.some((w, i) => NOT_PLACES.test(w) && !(i === 0 && words.length > 1 && /^the$/i.test(w)))) continue;
    return city === city.toUpperCase() ? city.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : city;
  }
  return undefined;
}
