// DOM helpers both pages use.

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
