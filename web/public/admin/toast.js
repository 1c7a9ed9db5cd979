// Transient notifications in #toasts.

export function toast(message, kind = 'info', ms = 4000) {
  const box = document.getElementById('toasts');
  if (!box) return;
  const div = document.createElement('div');
  div.className = `toast toast-${kind}`;
  div.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const icon = document.createElement('i');
  icon.className = 'toast-icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = kind === 'success' ? '✓' : kind === 'error' ? '!' : kind === 'warning' ? '!' : 'i';
  const text = document.createElement('span');
  text.textContent = message;
  div.append(icon, text);
  box.append(div);
  while (box.children.length > 5) box.firstElementChild.remove();
  setTimeout(() => {
    div.classList.add('toast-out');
    setTimeout(() => div.remove(), 300);
  }, kind === 'error' ? Math.max(ms, 6000) : ms);
}

/** Toast for a failed call; 401 and password_change_required are handled globally. */
export function toastError(err, prefix = '') {
  if (err && err.status === 401) return;
  if (err && err.status === 403 && err.body && err.body.error === 'password_change_required') return;
  const msg = (err && err.message) || '操作失败';
  toast(prefix ? `${prefix}：${msg}` : msg, 'error');
}
