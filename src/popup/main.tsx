/** Popup / full-tab entry: styles, then the panel. */
import { render } from 'preact';
import { UI_CSS } from '../ui/styles';
import { App } from './App';

const style = document.createElement('style');
style.textContent = UI_CSS + POPUP_CSS();
document.head.appendChild(style);
render(<App />, document.getElementById('app')!);

function POPUP_CSS(): string {
  return `
html, body { margin: 0; background: var(--px-bg); }
body { min-width: 400px; max-width: 600px; }
.px-panel { display: block; box-sizing: border-box; padding: 12px 16px; background: var(--px-bg); color: var(--px-fg); min-height: 100vh; }
.px-names { margin: 4px 0; padding-left: 18px; }
.px-columns { list-style: none; padding: 0; margin: 6px 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 8px; }
.px-columns > li { border: 1px solid var(--px-border); border-radius: 8px; padding: 6px 8px; }
.px-timeline { padding-left: 18px; }
summary { cursor: pointer; }
summary:focus-visible { outline: 2px solid var(--px-accent); outline-offset: 2px; }
footer { margin-top: 12px; border-top: 1px solid var(--px-border); padding-top: 8px; }
`;
}
