// Modal dialogs (centered) and the right-side drawer.
import { h } from './dom.js';

const stack = [];

document.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Escape' || !stack.length) return;
  const top = stack[stack.length - 1];
  if (top.dismissable) { ev.preventDefault(); top.close(); }
});

/**
 * openDialog({ title, body, footer, width, dismissable, onClose, className })
 * Returns { el, close }. body/footer are nodes (or arrays of nodes).
 */
export function openDialog({ title, body, footer, width = 480, dismissable = true, onClose, className = '' }) {
  const closeBtn = dismissable ? h('button', { type: 'button', class: 'dialog-close', 'aria-label': '关闭', onclick: () => close() }, '×') : null;
  const box = h('div', { class: `dialog ${className}`, role: 'dialog', 'aria-modal': 'true', style: { width: `min(${width}px, 94vw)` } },
    h('div', { class: 'dialog-head' }, h('h3', {}, title || ''), closeBtn),
    h('div', { class: 'dialog-body' }, body),
    footer ? h('div', { class: 'dialog-foot' }, footer) : null,
  );
  const mask = h('div', { class: 'mask dialog-mask' }, box);
  if (dismissable) mask.addEventListener('mousedown', (ev) => { if (ev.target === mask) close(); });
  document.body.append(mask);
  let closed = false;
  const entry = { dismissable, close };
  stack.push(entry);
  function close(result) {
    if (closed) return;
    closed = true;
    const i = stack.indexOf(entry);
    if (i >= 0) stack.splice(i, 1);
    mask.remove();
    if (onClose) onClose(result);
  }
  requestAnimationFrame(() => {
    const f = box.querySelector('[autofocus], .dialog-body input:not([type=hidden]):not([disabled]), .dialog-body select, .dialog-body textarea, .dialog-foot .btn-primary');
    if (f) f.focus();
  });
  return { el: box, mask, close };
}

export function confirmDialog(message, { title = '提示', okText = '确定', cancelText = '取消', danger = false } = {}) {
  return new Promise((resolve) => {
    let result = false;
    const ok = h('button', { type: 'button', class: `btn ${danger ? 'btn-danger' : 'btn-primary'}`, id: 'confirm-ok', onclick: () => { result = true; d.close(); } }, okText);
    const cancel = h('button', { type: 'button', class: 'btn', id: 'confirm-cancel', onclick: () => d.close() }, cancelText);
    const d = openDialog({
      title,
      width: 420,
      className: 'dialog-confirm',
      body: h('div', { class: 'confirm-body' }, h('i', { class: `confirm-icon ${danger ? 'is-danger' : ''}`, 'aria-hidden': 'true' }, '!'), h('p', {}, message)),
      footer: [cancel, ok],
      onClose: () => resolve(result),
    });
    setTimeout(() => ok.focus(), 0);
  });
}

export function alertDialog(title, body, { okText = '我知道了', width = 480, dismissable = true } = {}) {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => d.close() }, okText);
    const d = openDialog({ title, body, footer: [ok], width, dismissable, onClose: () => resolve() });
  });
}

/**
 * openDrawer({ title, body, footer, width, onClose }) — right-side panel.
 * Returns { el, body, footer, setTitle, close }.
 */
export function openDrawer({ title, width = 640, onClose, beforeClose }) {
  const titleEl = h('h3', {}, title || '');
  const bodyEl = h('div', { class: 'drawer-body' });
  const footEl = h('div', { class: 'drawer-foot' });
  const panel = h('aside', { class: 'drawer', role: 'dialog', 'aria-modal': 'true', style: { width: `min(${width}px, 96vw)` } },
    h('div', { class: 'drawer-head' }, titleEl, h('button', { type: 'button', class: 'dialog-close', 'aria-label': '关闭', onclick: () => tryClose() }, '×')),
    bodyEl, footEl);
  const mask = h('div', { class: 'mask drawer-mask' }, panel);
  mask.addEventListener('mousedown', (ev) => { if (ev.target === mask) tryClose(); });
  document.body.append(mask);
  requestAnimationFrame(() => mask.classList.add('open'));
  let closed = false;
  const entry = { dismissable: true, close: () => tryClose() };
  stack.push(entry);
  async function tryClose() {
    if (beforeClose && !(await beforeClose())) return;
    close();
  }
  function close() {
    if (closed) return;
    closed = true;
    const i = stack.indexOf(entry);
    if (i >= 0) stack.splice(i, 1);
    mask.remove();
    if (onClose) onClose();
  }
  return { el: panel, body: bodyEl, footer: footEl, setTitle: (t) => { titleEl.textContent = t; }, close, isClosed: () => closed };
}
