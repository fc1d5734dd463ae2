/**
 * Styles for Parallax's own UI (hover card in its shadow root, popup page).
 * Custom properties carry the palette so light and dark follow
 * `prefers-color-scheme`; contrast of text on surface is above 7:1 in both.
 */
export const UI_CSS = `
:host, :root, .px-root {
  --px-bg: #ffffff; --px-fg: #1c1f24; --px-muted: #4a5260; --px-border: #c9ced6; --px-accent: #0b5cad;
  --px-add-bg: #dff3e4; --px-add-fg: #0f5323; --px-del-bg: #fbe1e1; --px-del-fg: #8a1c1c; --px-warn: #8a4b00;
  --px-chip: #eef1f5; --px-mark-bg: #fff1c2;
  --px-sea: #cfe0f0; --px-land: #ece6d8; --px-map-line: #8a929c; --px-place: #c0392b;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--px-fg);
}
:host { all: initial; }
@media (prefers-color-scheme: dark) {
  :host, :root, .px-root {
    --px-bg: #1d2026; --px-fg: #eceff3; --px-muted: #b6bdc8; --px-border: #434955; --px-accent: #8cc4ff;
    --px-add-bg: #1d3b27; --px-add-fg: #b9f0c8; --px-del-bg: #45222a; --px-del-fg: #ffc9cf; --px-warn: #ffcf8a;
    --px-chip: #2b3039; --px-mark-bg: #4a3b12;
    --px-sea: #17232f; --px-land: #39404b; --px-map-line: #6d7684; --px-place: #ff8a7a;
  }
}
.px-card {
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(420px, calc(100vw - 16px));
  max-height: min(70vh, 600px); overflow: auto; padding: 12px 14px; border-radius: 10px;
  background: var(--px-bg); color: var(--px-fg); border: 1px solid var(--px-border);
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28); text-align: left;
}
.px-card:focus { outline: 2px solid var(--px-accent); outline-offset: 2px; }
.px-head { display: flex; align-items: flex-start; gap: 8px; }
.px-title { font-size: 16px; font-weight: 700; margin: 0; flex: 1; }
.px-kind, .px-chip { display: inline-block; font-size: 12px; padding: 1px 7px; border-radius: 999px; background: var(--px-chip); color: var(--px-muted); }
.px-close { font: inherit; font-size: 18px; line-height: 1; border: 1px solid transparent; background: none; color: var(--px-fg); cursor: pointer; padding: 2px 6px; border-radius: 6px; }
.px-close:hover, .px-close:focus-visible { border-color: var(--px-border); }
.px-muted { color: var(--px-muted); }
.px-list { list-style: none; margin: 8px 0 0; padding: 0; }
.px-list > li { margin: 0 0 10px; padding: 0 0 8px; border-bottom: 1px solid var(--px-border); }
.px-list > li:last-child { border-bottom: none; }
.px-source { font-weight: 600; }
.px-quote { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid var(--px-border); }
.px-facts { margin: 6px 0 0; padding-left: 18px; }
.px-disagree { color: var(--px-warn); font-weight: 600; }
.px-diff ins { text-decoration: underline; background: var(--px-add-bg); color: var(--px-add-fg); }
.px-diff del { text-decoration: line-through; background: var(--px-del-bg); color: var(--px-del-fg); }
.px-small { font-size: 12px; }
h1, h2, h3 { font: inherit; font-weight: 700; margin: 12px 0 4px; }
h1 { font-size: 17px; } h2 { font-size: 15px; } h3 { font-size: 14px; }
button.px-button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--px-accent); background: var(--px-accent); color: var(--px-bg); cursor: pointer; }
button.px-button:disabled { opacity: 0.6; cursor: default; }
a { color: var(--px-accent); }
/* Verbatim cells stay readable as text: the link is a dotted underline, in the accent colour on hover and focus. */
a.px-cell-link { color: inherit; text-decoration: underline dotted var(--px-accent); text-decoration-thickness: 1px; text-underline-offset: 3px; }
a.px-cell-link:hover, a.px-cell-link:focus-visible { color: var(--px-accent); text-decoration-style: solid; }
a:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--px-accent); outline-offset: 2px; }
.px-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
mark.px-mark { background: var(--px-mark-bg); color: var(--px-fg); border-bottom: 2px solid var(--px-warn); padding: 0 1px; }
mark.px-mark-hedge, mark.px-mark-name, mark.px-mark-only { border-bottom-style: dashed; }
mark.px-mark-bound { border-bottom-style: dotted; }
mark.px-mark-elsewhere { border-bottom: 2px solid var(--px-accent); }
.px-said { margin: 4px 0; }
.px-pair { margin: 6px 0; }
.px-pair dt { font-size: 12px; font-weight: 600; color: var(--px-muted); margin-top: 4px; }
.px-pair dd { margin: 2px 0 0; }
button.px-toggle, button.px-link { font: inherit; font-size: 12px; background: none; border: none; padding: 2px 0; color: var(--px-accent); text-decoration: underline; cursor: pointer; }
button.px-link { font-size: inherit; }
.px-map { float: right; width: 150px; margin: 2px 0 6px 10px; }
.px-map svg { display: block; width: 100%; height: auto; border: 1px solid var(--px-border); border-radius: 6px; }
.px-map figcaption { margin-top: 2px; font-size: 11px; line-height: 1.3; }
.px-card section, .px-card details { clear: both; }
.px-map-sea { fill: var(--px-sea); }
.px-map-land { fill: var(--px-land); }
.px-map-border { fill: none; stroke: var(--px-map-line); stroke-width: 0.6; }
.px-map-place { fill: var(--px-place); fill-opacity: 0.45; stroke: var(--px-place); stroke-width: 1; }
.px-map-dot { fill: var(--px-place); stroke: var(--px-bg); stroke-width: 1.5; }
.px-map-halo { fill: var(--px-place); fill-opacity: 0.3; }
.px-timeline { margin: 4px 0 8px; padding-left: 18px; }
.px-timeline li { margin: 2px 0; }
.px-timeline .px-when { font-weight: 600; }
.px-timeline .px-on-page .px-what { text-decoration: underline; text-decoration-color: var(--px-accent); }
details > summary { cursor: pointer; color: var(--px-accent); margin: 8px 0 4px; }
`;
