// Small DOM helpers shared by the wall modules.

export { $, $$, esc, cssEscape } from '../shared/dom.js';

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
