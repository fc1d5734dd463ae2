/*
 * Injected into every test page before its own scripts (Playwright
 * addInitScript / Puppeteer evaluateOnNewDocument), in the page's main world.
 * Plain JavaScript read as text on purpose: functions serialized from
 * TypeScript by tsx/vitest can carry bundler helpers (`__name`) that do not
 * exist in the page.
 *
 * It records every DOM mutation after DOMContentLoaded (Parallax's content
 * script runs at document_idle, later) and offers read-only probes on
 * `window.__parallaxProbe`:
 *   highlights()     registered CSS highlights and their ranges
 *   domAudit()       what changed in the DOM since DOMContentLoaded
 *   card()           the Parallax host's dialog, if open
 *   rangePoint(k, s) viewport point at the centre of a highlighted range
 */
(() => {
  if (window.__parallaxProbe) return;
  const state = { ready: false, before: null, records: [] };
  const observer = new MutationObserver((list) => {
    if (state.ready) state.records.push(...list);
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      observer.takeRecords();
      state.before = document.documentElement.outerHTML;
      state.ready = true;
    },
    { once: true, capture: true },
  );

  const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), script, style, noscript';

  function asRange(r) {
    if (r instanceof Range) return r;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }
  function elementOf(node) {
    return node && (node.nodeType === 1 ? node : node.parentElement);
  }
  function describeRange(r) {
    const range = asRange(r);
    const el = elementOf(range.startContainer);
    const rect = range.getClientRects()[0];
    return {
      text: range.toString(),
      connected: range.startContainer.isConnected,
      inEditable: !!(el && (el.closest(EDITABLE) || el.isContentEditable)),
      inSvg: !!(el && el.closest('svg')),
      rect: rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null,
    };
  }
  function highlights() {
    const out = {};
    if (!globalThis.CSS || !CSS.highlights) return out;
    for (const [name, highlight] of CSS.highlights) out[name] = [...highlight].map(describeRange);
    return out;
  }
  /** Elements added after DOMContentLoaded that are still attached (the Parallax host should be the only one). */
  function addedElements() {
    const added = new Set();
    for (const m of state.records) for (const n of m.addedNodes) if (n.nodeType === 1 && n.isConnected) added.add(n);
    return [...added].filter((n) => ![...added].some((other) => other !== n && other.contains(n)));
  }
  function pathOf(node) {
    const path = [];
    for (let n = node; n && n !== document.documentElement; n = n.parentNode) path.unshift([...n.parentNode.childNodes].indexOf(n));
    return path;
  }
  function domAudit() {
    state.records.push(...observer.takeRecords());
    const hosts = addedElements();
    const insideHost = (n) => hosts.some((h) => h.contains(n));
    const changes = [];
    for (const m of state.records) {
      if (m.type === 'childList') {
        for (const n of m.removedNodes) changes.push(`removed ${n.nodeName} from ${m.target.nodeName}`);
        for (const n of m.addedNodes) if (!hosts.includes(n) && !insideHost(n)) changes.push(`added ${n.nodeName} to ${m.target.nodeName}`);
      } else if (!insideHost(m.target) && !(m.type === 'attributes' && hosts.includes(m.target))) {
        changes.push(`${m.type} ${m.attributeName || ''} on ${m.target.nodeName}`);
      }
    }
    const clone = document.documentElement.cloneNode(true);
    for (const host of hosts) {
      let n = clone;
      for (const i of pathOf(host)) n = n.childNodes[i];
      n.remove();
    }
    const after = clone.outerHTML;
    return {
      ready: state.ready,
      hosts: hosts.map((h) => ({ tag: h.localName, parent: h.parentNode.nodeName, shadow: h.shadowRoot ? 'open' : 'none-or-closed' })),
      changes: changes.slice(0, 20),
      changeCount: changes.length,
      unchanged: state.before === after,
      beforeLength: state.before ? state.before.length : 0,
      afterLength: after.length,
    };
  }
  function card() {
    for (const host of addedElements()) {
      const root = host.shadowRoot;
      if (!root) continue;
      const dialog = root.querySelector('[role="dialog"]');
      if (!dialog || dialog.getClientRects().length === 0) continue;
      return {
        host: host.localName,
        label: dialog.getAttribute('aria-label') || '',
        labelledBy: dialog.getAttribute('aria-labelledby')
          ? (root.getElementById(dialog.getAttribute('aria-labelledby')) || {}).textContent || ''
          : '',
        text: dialog.textContent || '',
      };
    }
    return null;
  }
  function rangePoint(kind, includes) {
    const highlight = globalThis.CSS && CSS.highlights && CSS.highlights.get(kind);
    if (!highlight) return null;
    for (const r of highlight) {
      const range = asRange(r);
      if (!range.toString().includes(includes)) continue;
      const el = elementOf(range.startContainer);
      if (el) el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, text: range.toString() };
    }
    return null;
  }
  Object.defineProperty(window, '__parallaxProbe', {
    value: Object.freeze({ highlights, domAudit, card, rangePoint }),
    enumerable: false,
  });
})();
