// Login overlay: #login-form, #username, #password, #login-submit, #login-error.
import { api, setSession } from './api.js';
import { unlockAudio } from './toast.js';

const LAST_USER_KEY = 'hazwatch.wall.lastUser';

export function initLogin({ onLoggedIn }) {
  const form = document.getElementById('login-form');
  const username = document.getElementById('username');
  const password = document.getElementById('password');
  const submit = document.getElementById('login-submit');

  try {
    const last = localStorage.getItem(LAST_USER_KEY);
    if (last && !username.value) username.value = last;
  } catch { /* ignore */ }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    unlockAudio();
    const u = username.value.trim();
    const p = password.value;
    if (!u || !p) {
      setError(!u ? '请输入用户名' : '请输入密码');
      (!u ? username : password).focus();
      return;
    }
    setError('');
    submit.disabled = true;
    const label = submit.textContent;
    submit.textContent = '登录中…';
    try {
      const res = await api.login(u, p);
      if (!res || !res.token) throw new Error('登录响应无效');
      setSession(res.token, res.user ?? { username: u });
      try { localStorage.setItem(LAST_USER_KEY, u); } catch { /* ignore */ }
      password.value = '';
      onLoggedIn(res.user ?? { username: u });
    } catch (err) {
      setError(loginErrorText(err));
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

function setError(text) {
  const el = document.getElementById('login-error');
  el.textContent = text;
  el.hidden = !text;
}

export function showLogin(message = '') {
  document.getElementById('wall').hidden = true;
  document.getElementById('login').hidden = false;
  setError(message);
  const username = document.getElementById('username');
  const password = document.getElementById('password');
  (username.value ? password : username).focus();
}

export function hideLogin() {
  document.getElementById('login').hidden = true;
  document.getElementById('wall').hidden = false;
}
