// The login form both pages use: #login (overlay), #login-form, #username, #password, #login-submit, #login-error.
import { setSession } from './session.js';

/**
 * Binds the form. `login(u, p)` is the API call; `onLoggedIn(user)` runs after the session is stored.
 * `beforeSubmit` runs inside the click (e.g. to unlock audio, which browsers allow only on a gesture).
 */
export function bindLoginForm({ login, onLoggedIn, lastUserKey, beforeSubmit = () => {} }) {
  const form = document.getElementById('login-form');
  const username = document.getElementById('username');
  const password = document.getElementById('password');
  const submit = document.getElementById('login-submit');
  try {
    const last = localStorage.getItem(lastUserKey);
    if (last && !username.value) username.value = last;
  } catch { /* storage unavailable */ }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    beforeSubmit();
    const u = username.value.trim();
    const p = password.value;
    if (!u || !p) {
      setLoginError(!u ? '请输入用户名' : '请输入密码');
      (!u ? username : password).focus();
      return;
    }
    setLoginError('');
    submit.disabled = true;
    const label = submit.textContent;
    submit.textContent = '登录中…';
    try {
      const res = await login(u, p);
      if (!res || !res.token) throw new Error('登录响应无效');
      const user = res.user ?? { username: u };
      setSession(res.token, user);
      try { localStorage.setItem(lastUserKey, u); } catch { /* storage unavailable */ }
      password.value = '';
      await onLoggedIn(user);
    } catch (err) {
      setLoginError(loginErrorText(err));
      password.select();
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = label;
    }
  });
}

function loginErrorText(err) {
  const status = err && err.status;
  const serverMsg = err && err.body && typeof err.body.message === 'string' ? err.body.message : '';
  if (status === 401) return serverMsg || '用户名或密码错误';
  if (status === 429) return serverMsg || '登录尝试过于频繁，请稍后再试';
  if (status === 0) return '无法连接服务器，请检查网络';
  if (serverMsg) return serverMsg;
  return status ? `登录失败（HTTP ${status}）` : (err && err.message) || '登录失败';
}

export function setLoginError(text) {
  const el = document.getElementById('login-error');
  el.textContent = text;
  el.hidden = !text;
}

/** Shows the login overlay over the page root `rootId`, with an optional message. */
export function showLoginOver(rootId, message = '') {
  document.getElementById(rootId).hidden = true;
  document.getElementById('login').hidden = false;
  setLoginError(message);
  const username = document.getElementById('username');
  const password = document.getElementById('password');
  (username.value ? password : username).focus();
}
