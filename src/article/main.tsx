/** Entry of the stored article view: styles, then the page. */
import { render } from 'preact';
import { UI_CSS } from '../ui/styles';
import { ArticlePage } from './ArticleView';

/** The page's own layout; colours come from UI_CSS's palette, light and dark. */
const ARTICLE_CSS = `
html, body { margin: 0; background: var(--px-bg); }
.px-article { display: block; box-sizing: border-box; max-width: 46rem; margin: 0 auto; padding: 16px 20px 48px; min-height: 100vh;
  background: var(--px-bg); color: var(--px-fg); font-size: 16px; }
.px-article h1 { font-size: 20px; margin: 4px 0 8px; }
.px-facts-line { list-style: none; padding: 0; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px 16px; color: var(--px-muted); font-size: 13px; }
.px-article-text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.65; font-family: Georgia, "DejaVu Serif", serif; }
mark.px-claim { background: none; color: inherit; text-decoration: underline dotted var(--px-muted) 2px; text-underline-offset: 4px; }
.px-target { outline: 3px solid var(--px-accent); outline-offset: 2px; border-radius: 2px; background: var(--px-mark-bg); }
.px-target:focus { outline: 3px solid var(--px-accent); }
`;

const style = document.createElement('style');
style.textContent = UI_CSS + ARTICLE_CSS;
document.head.appendChild(style);
render(<ArticlePage />, document.getElementById('app')!);
