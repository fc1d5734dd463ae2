/** Popup / full-tab entry: styles, then the panel. */
import { render } from 'preact';
import { UI_CSS } from '../ui/styles';
import { App } from './App';

const style = document.createElement('style');
style.textContent = UI_CSS + POPUP_CSS();
document.head.appendChild(style);
// The tab view gets the page's full width (the table scrolls sideways beyond it); the popup stays narrow.
if (new URLSearchParams(location.search).has('tab')) document.body.classList.add('px-tab');
render(<App />, document.getElementById('app')!);

function POPUP_CSS(): string {
  return `
html, body { margin: 0; background: var(--px-bg); }
body { min-width: 400px; max-width: 600px; }
body.px-tab { max-width: none; }
.px-state { padding: 8px 10px; border-left: 3px solid var(--px-accent); background: var(--px-chip); border-radius: 4px; }
.px-table-scroll { overflow-x: auto; margin: 6px 0; border: 1px solid var(--px-border); border-radius: 8px; }
.px-table { border-collapse: collapse; min-width: 100%; }
.px-table th, .px-table td { border-bottom: 1px solid var(--px-border); padding: 6px 8px; text-align: left; vertical-align: top; min-width: 180px; max-width: 360px; }
.px-table th[scope='row'] { min-width: 120px; font-weight: 600; }
.px-differs { background: var(--px-mark-bg); }
.px-cell-list { margin: 0; padding-left: 16px; }
.px-outlets { list-style: none; padding: 0; margin: 6px 0; display: grid; gap: 8px; }
.px-outlet { border: 1px solid var(--px-border); border-radius: 8px; padding: 6px 8px; }
.px-rows { margin: 4px 0 0; }
.px-rows dt { font-size: 12px; color: var(--px-muted); margin-top: 4px; }
.px-rows dd { margin: 0; }
.px-here { font-weight: 600; }
h4 { font-size: 13px; margin: 10px 0 2px; }
.px-panel { display: block; box-sizing: border-box; padding: 12px 16px; background: var(--px-bg); color: var(--px-fg); min-height: 100vh; }
.px-names { margin: 4px 0; padding-left: 18px; }
.px-timeline { padding-left: 18px; }
summary { cursor: pointer; }
summary:focus-visible { outline: 2px solid var(--px-accent); outline-offset: 2px; }
footer { margin-top: 12px; border-top: 1px solid var(--px-border); padding-top: 8px; }
`;
}
