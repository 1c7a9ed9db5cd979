// REST client for the admin console; the session is shared with the wall (../shared/session.js).

import { ApiError, clearSession, getStoredUser, getToken, setSession, updateStoredUser } from '../shared/session.js';

export { ApiError, clearSession, getStoredUser, getToken, setSession, updateStoredUser };

let unauthorizedHandler = () => {};
let passwordChangeHandler = () => {};
export function setUnauthorizedHandler(fn) { unauthorizedHandler = fn; }
export function setPasswordChangeHandler(fn) { passwordChangeHandler = fn; }

export function defaultMessage(status) {
  if (status === 400) return '提交的数据有误，请检查后重试';
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的资源不存在';
  if (status === 409) return '数据冲突，请检查后重试';
  if (status === 413) return '文件过大，服务器拒绝接收';
  if (status === 415) return '不支持的文件格式';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return `服务器错误（HTTP ${status}）`;
  return `请求失败（HTTP ${status}）`;
}

/** Builds "path?a=1&b=2", skipping empty values. */
export function withQuery(path, params = {}) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.append(k, String(v));
  }
  const qs = sp.toString();
  if (!qs) return path;
  return path + (path.includes('?') ? '&' : '?') + qs;
}

async function rawFetch(method, path, { body, headers = {}, auth = true, timeoutMs = 30000 } = {}) {
  const h = { ...headers };
  if (auth) {
    const token = getToken();
    if (!token) {
      unauthorizedHandler();
      throw new ApiError(401, null, defaultMessage(401));
    }
    h.Authorization = `Bearer ${token}`;
  }
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    return await fetch(path, { method, headers: h, body, cache: 'no-store', signal: ctrl.signal });
  } catch {
    throw new ApiError(0, null, '无法连接服务器，请检查网络');
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(res) {
  const text = await res.text().catch(() => '');
  if (!text) return null;
  try { return JSON.parse(text); } catch { return null; }
}

function failure(res, data, auth) {
  if (res.status === 401 && auth) unauthorizedHandler();
  if (res.status === 403 && data && data.error === 'password_change_required') passwordChangeHandler();
  const msg = data && typeof data.message === 'string' && data.message ? data.message : defaultMessage(res.status);
  return new ApiError(res.status, data, msg);
}

export async function request(method, path, body, { auth = true, timeoutMs } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await rawFetch(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body), headers, auth, timeoutMs,
  });
  const data = await readBody(res);
  if (!res.ok) throw failure(res, data, auth);
  return data;
}

/** Downloads a file with the token and saves it under fileName. */
export async function download(path, fileName) {
  const res = await rawFetch('GET', path, { timeoutMs: 120000 });
  if (!res.ok) throw failure(res, await readBody(res), true);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(url); a.remove(); }, 2000);
}

/** Posts a raw file body (e.g. .xlsx). */
export async function upload(path, file, contentType) {
  const res = await rawFetch('POST', path, {
    body: file,
    headers: { Accept: 'application/json', 'Content-Type': contentType },
    timeoutMs: 180000,
  });
  const data = await readBody(res);
  if (!res.ok) throw failure(res, data, true);
  return data;
}

export const api = {
  login: (username, password) => request('POST', '/api/auth/login', { username, password }, { auth: false }),
  logout: () => request('POST', '/api/auth/logout', {}),
  me: () => request('GET', '/api/auth/me'),
  changePassword: (oldPassword, newPassword) => request('POST', '/api/auth/change-password', { oldPassword, newPassword }),
  modules: () => request('GET', '/api/modules'),
  list: (path, params) => request('GET', withQuery(path, params)),
  get: (path, id) => request('GET', `${path}/${encodeURIComponent(id)}`),
  create: (path, record) => request('POST', path, record),
  update: (path, id, record) => request('PUT', `${path}/${encodeURIComponent(id)}`, record),
  remove: (path, id) => request('DELETE', `${path}/${encodeURIComponent(id)}`),
  action: (path, id, name) => request('POST', `${path}/${encodeURIComponent(id)}/${name}`, {}),
  audit: (params) => request('GET', withQuery('/api/audit', params)),
  loginLog: (params) => request('GET', withQuery('/api/auth/login-log', params)),
  users: (params) => request('GET', withQuery('/api/users', params)),
  createUser: (u) => request('POST', '/api/users', u),
  updateUser: (id, u) => request('PUT', `/api/users/${encodeURIComponent(id)}`, u),
  resetPassword: (id) => request('POST', `/api/users/${encodeURIComponent(id)}/reset-password`, {}),
  organizations: () => request('GET', '/api/organizations'),
  moveRegion: (id, body) => request('POST', `/api/enterprises/${encodeURIComponent(id)}/move-region`, body),
  enterpriseStats: (by) => request('GET', withQuery('/api/enterprises/stats', { by })),
  expiryWarnings: (withinDays) => request('GET', withQuery('/api/expiry-warnings', { withinDays })),
};
