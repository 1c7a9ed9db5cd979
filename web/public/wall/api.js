// REST client: bearer token in sessionStorage, 401 -> unauthorized handler.

import { ApiError, clearSession, getStoredUser, getToken, setSession } from '../shared/session.js';

export { ApiError, clearSession, getToken, setSession };
export const getUser = getStoredUser;

let unauthorizedHandler = () => {};
export function setUnauthorizedHandler(fn) { unauthorizedHandler = fn; }

function defaultMessage(status) {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的资源不存在';
  if (status === 409) return '操作冲突，请刷新后重试';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return `服务器错误（HTTP ${status}）`;
  return `请求失败（HTTP ${status}）`;
}

async function request(method, path, body, { auth = true, timeoutMs = 15000 } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) {
    const token = getToken();
    if (!token) {
      unauthorizedHandler();
      throw new ApiError(401, null, defaultMessage(401));
    }
    headers.Authorization = `Bearer ${token}`;
  }
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal: ctrl.signal,
    });
  } catch {
    throw new ApiError(0, null, '无法连接服务器，请检查网络');
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  const text = await res.text().catch(() => '');
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (res.status === 401 && auth) unauthorizedHandler();
  if (!res.ok) {
    const msg = data && typeof data.message === 'string' && data.message ? data.message : defaultMessage(res.status);
    throw new ApiError(res.status, data, msg);
  }
  return data;
}

export const api = {
  login: (username, password) => request('POST', '/api/auth/login', { username, password }, { auth: false }),
  tanks: () => request('GET', '/api/monitor/tanks'),
  vehicles: () => request('GET', '/api/monitor/vehicles'),
  openAlarms: () => request('GET', '/api/alarms?state=open'),
  alarmTypes: () => request('GET', '/api/alarms/types'),
  logout: () => request('POST', '/api/auth/logout', {}),
  ackAlarm: (id, body = {}) => request('POST', `/api/alarms/${encodeURIComponent(id)}/ack`, body),
  alarm: (id) => request('GET', `/api/alarms/${encodeURIComponent(id)}`),
  alarmEvents: (id) => request('GET', `/api/alarms/${encodeURIComponent(id)}/events`),
  /** step: clear | dispose | close | review; answered {alarm, cursor}, 409 with a Chinese message out of order. */
  alarmStep: (id, step, body = {}) => request('POST', `/api/alarms/${encodeURIComponent(id)}/${step}`, body),
  alarmChanges: (since, limit = 500) => request('GET', `/api/alarms/changes?since=${encodeURIComponent(since)}&limit=${limit}`),
  uploadAttachment: (id, file) => sendFile(`/api/alarms/${encodeURIComponent(id)}/attachments`, file),
  fetchBlob: (path) => fetchBlob(path),
};

function authHeaders() {
  const token = getToken();
  if (!token) {
    unauthorizedHandler();
    throw new ApiError(401, null, defaultMessage(401));
  }
  return { Authorization: `Bearer ${token}` };
}

async function failure(res) {
  if (res.status === 401) unauthorizedHandler();
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  const msg = data && typeof data.message === 'string' && data.message ? data.message : defaultMessage(res.status);
  return new ApiError(res.status, data, msg);
}

/** Raw file body upload (Content-Type from the file, name URL-encoded in X-File-Name). */
async function sendFile(path, file) {
  let res;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { ...authHeaders(), Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name || '') },
      body: file,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null, '无法连接服务器，请检查网络');
  }
  if (!res.ok) throw await failure(res);
  return res.json();
}

/** An authorised download (links cannot carry the bearer token). */
async function fetchBlob(path) {
  let res;
  try {
    res = await fetch(path, { headers: authHeaders(), cache: 'no-store' });
  } catch {
    throw new ApiError(0, null, '无法连接服务器，请检查网络');
  }
  if (!res.ok) throw await failure(res);
  return res.blob();
}
