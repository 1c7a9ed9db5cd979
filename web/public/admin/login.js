// Login screen (#login-form) and the change-password dialog (#change-password-form).
import { api } from './api.js';
import { bindLoginForm, showLoginOver } from '../shared/login-form.js';
import { h } from './dom.js';
import { openDialog } from './dialog.js';
import { toast } from './toast.js';

export function initLogin({ onLoggedIn }) {
  bindLoginForm({ login: api.login, onLoggedIn, lastUserKey: 'hazwatch.admin.lastUser' });
}

export function showLogin(message = '') {
  showLoginOver('admin', message);
}

export function hideLogin() {
  document.getElementById('login').hidden = true;
}

let pwDialog = null;

/**
 * Change-password dialog. forced: cannot be dismissed (initial/expired password); offers 退出登录 instead.
 * Resolves true when the password was changed.
 */
export function openChangePassword({ forced = false, onLogout } = {}) {
  if (pwDialog) return pwDialog.promise;
  let resolveFn;
  const promise = new Promise((r) => { resolveFn = r; });
  let changed = false;

  const field = (id, name, label, autocomplete) => h('div', { class: 'form-item is-required is-wide', dataset: { field: name } },
    h('label', { class: 'form-label', for: id }, label),
    h('div', { class: 'form-control' },
      h('input', { id, name, type: 'password', class: 'input', autocomplete, required: true }),
      h('div', { class: 'field-error', dataset: { field: name }, role: 'alert' })));

  const general = h('div', { class: 'form-general-error', hidden: true, role: 'alert' });
  const form = h('form', { id: 'change-password-form', class: 'record-form cols-1', novalidate: true },
    forced ? h('div', { class: 'alert alert-warning' }, h('b', {}, '为保障账号安全，请先修改密码'), h('div', {}, '您正在使用初始密码或密码已超过 90 天未修改，修改后才能继续使用系统。')) : null,
    general,
    h('div', { class: 'form-grid' },
      field('old-password', 'oldPassword', '当前密码', 'current-password'),
      field('new-password', 'newPassword', '新密码', 'new-password'),
      field('new-password-confirm', 'newPasswordConfirm', '确认新密码', 'new-password')),
    h('p', { class: 'form-help' }, '新密码不少于 8 位，需包含字母和数字，且不能与当前密码相同。'));

  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'change-password-submit', form: 'change-password-form' }, '确认修改');
  const footer = [
    forced
      ? h('button', { type: 'button', class: 'btn', id: 'change-password-logout', onclick: () => { d.close(); if (onLogout) onLogout(); } }, '退出登录')
      : h('button', { type: 'button', class: 'btn', onclick: () => d.close() }, '取消'),
    submit,
  ];
  const d = openDialog({
    title: forced ? '修改初始密码' : '修改密码',
    body: form,
    footer,
    width: 460,
    dismissable: !forced,
    className: 'dialog-password',
    onClose: () => { pwDialog = null; resolveFn(changed); },
  });
  pwDialog = { promise, close: d.close };

  const setErr = (name, msg) => {
    const el = form.querySelector(`.field-error[data-field="${name}"]`);
    if (el) {
      el.textContent = msg;
      el.closest('.form-item').classList.toggle('has-error', Boolean(msg));
    } else if (msg) {
      general.hidden = false;
      general.textContent = msg;
    }
  };
  const clearErrs = () => {
    for (const n of ['oldPassword', 'newPassword', 'newPasswordConfirm']) setErr(n, '');
    general.hidden = true;
    general.textContent = '';
  };
  form.addEventListener('input', (ev) => { if (ev.target.name) setErr(ev.target.name, ''); });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrs();
    const oldPassword = form.elements.oldPassword.value;
    const newPassword = form.elements.newPassword.value;
    const confirm = form.elements.newPasswordConfirm.value;
    let bad = false;
    if (!oldPassword) { setErr('oldPassword', '请输入当前密码'); bad = true; }
    if (!newPassword) { setErr('newPassword', '请输入新密码'); bad = true; }
    else if (newPassword === oldPassword) { setErr('newPassword', '新密码不能与当前密码相同'); bad = true; }
    if (!confirm) { setErr('newPasswordConfirm', '请再次输入新密码'); bad = true; }
    else if (newPassword && confirm !== newPassword) { setErr('newPasswordConfirm', '两次输入的新密码不一致'); bad = true; }
    if (bad) return;
    submit.disabled = true;
    submit.textContent = '提交中…';
    try {
      await api.changePassword(oldPassword, newPassword);
      changed = true;
      toast('密码修改成功', 'success');
      d.close();
    } catch (err) {
      const body = err && err.body;
      if (body && Array.isArray(body.fields) && body.fields.length) {
        for (const f of body.fields) setErr(String(f.path || f.field || ''), f.message || '格式不正确');
      } else if (err && err.status === 401 && !forced) {
        setErr('oldPassword', (body && body.message) || '当前密码不正确');
      } else {
        general.hidden = false;
        general.textContent = err.message || '修改失败';
      }
    } finally {
      submit.disabled = false;
      submit.textContent = '确认修改';
    }
  });
  return promise;
}

export function closeChangePassword() {
  if (pwDialog) pwDialog.close();
}
