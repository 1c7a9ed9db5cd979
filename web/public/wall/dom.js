// Small DOM helpers shared by the wall modules.

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for use inside HTML markup / attribute values. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Escape a value for use inside a CSS attribute selector. */
export function cssEscape(value) {
  const s = String(value);
  return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\\]]/g, '\\$&');
}

/** Restart a one-shot CSS animation class on an element. */
export function pulseClass(node, cls, ms) {
  if (!node) return;
  node.classList.remove(cls);
  void node.offsetWidth; // force reflow so the animation restarts
  node.classList.add(cls);
  clearTimeout(node[`_${cls}Timer`]);
  node[`_${cls}Timer`] = setTimeout(() => node.classList.remove(cls), ms);
}

export const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

/** Number or null; accepts numeric strings (e.g. SQL numeric columns). */
export function toNum(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
