/**
 * Cheap article detection: run before anything else so that search results,
 * web apps and editors cost Parallax almost nothing. Reads only a handful of
 * selectors and the text length of at most a few hundred paragraphs.
 */

/** What the detector decided, and where the article's text lives. */
export interface ArticleDetection {
  isArticle: boolean;
  /** Element whose text is scanned (the article body when found, else `body`). */
  root: Element | null;
  /** Short reason, for debugging and tests. */
  reason: string;
}

/** A paragraph this long is prose rather than a caption, a link or a button label. */
const LONG_PARAGRAPH = 80;
/** How many long paragraphs make a page an article when no metadata says so. */
const MIN_LONG_PARAGRAPHS = 3;
/** Paragraphs inspected at most (the check must stay cheap on huge pages). */
const MAX_PARAGRAPHS = 400;

const SEARCH_PATH = /\/(search|results|find)(\/|$)|[?&](q|query|search_query|p)=/i;

function textLength(el: Element | null): number {
  return el ? (el.textContent ?? '').trim().length : 0;
}

/** The largest `<article>` by text, or null. */
function largestArticle(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  const articles = doc.getElementsByTagName('article');
  for (let i = 0; i < articles.length && i < 50; i++) {
    const length = textLength(articles[i]!);
    if (length > bestLength) {
      best = articles[i]!;
      bestLength = length;
    }
  }
  return best;
}

function ogType(doc: Document): string {
  const meta = doc.querySelector('meta[property="og:type"], meta[name="og:type"]');
  return (meta?.getAttribute('content') ?? '').trim().toLowerCase();
}

/** True for pages that are tools rather than reading: editors, apps, search results. */
function isToolPage(doc: Document, url: string): string | null {
  const body = doc.body;
  if (!body) return 'no body';
  if (doc.designMode === 'on') return 'design mode';
  const editable = body.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return 'editable body';
  if (body.getAttribute('role') === 'application') return 'web app';
  if (SEARCH_PATH.test(url) && doc.querySelector('[role="search"], form input[type="search"], form input[name="q"]'))
    return 'search results';
  return null;
}

/** Counts long paragraphs, up to what is needed. */
function longParagraphs(doc: Document): { count: number; chars: number } {
  const paragraphs = doc.getElementsByTagName('p');
  let count = 0;
  let chars = 0;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    const p = paragraphs[i]!;
    if (p.closest('[contenteditable]:not([contenteditable="false"]), form, nav, footer')) continue;
    const length = textLength(p);
    if (length >= LONG_PARAGRAPH) {
      count++;
      chars += length;
      if (count >= MIN_LONG_PARAGRAPHS * 2) break;
    }
  }
  return { count, chars };
}

/** Decides whether `doc` is a news-like article and where its text is. */
export function detectArticle(doc: Document, url = doc.location?.href ?? ''): ArticleDetection {
  const tool = isToolPage(doc, url);
  if (tool) return { isArticle: false, root: null, reason: tool };
  const body = doc.body!;
  const articleBody = doc.querySelector('[itemprop="articleBody"]');
  const article = largestArticle(doc);
  const root = articleBody ?? doc.querySelector('main') ?? article ?? body;
  if (articleBody && textLength(articleBody) >= 200) return { isArticle: true, root: articleBody, reason: 'articleBody' };
  // An <article> holding little of the page's text is a teaser or a comment: scan the main text instead.
  if (article && textLength(article) >= 200) {
    const main = doc.querySelector('main') ?? body;
    const whole = article.contains(main) ? textLength(article) : textLength(main);
    if (textLength(article) >= whole * 0.25) return { isArticle: true, root: article, reason: 'article element' };
    return { isArticle: true, root: main, reason: 'small article element' };
  }
  const og = ogType(doc);
  // The page says it is an article: trust it (live blogs have short paragraphs).
  if (og === 'article' && textLength(root) > 0) return { isArticle: true, root, reason: 'og:type article' };
  const prose = longParagraphs(doc);
  if (prose.count >= MIN_LONG_PARAGRAPHS && prose.chars >= 600) return { isArticle: true, root: body, reason: 'long paragraphs' };
  return { isArticle: false, root: null, reason: 'not enough prose' };
}
