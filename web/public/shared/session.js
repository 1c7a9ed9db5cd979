// The login session shared by the monitoring wall and the admin console: one login serves both pages in a tab.

const TOKEN_KEY = 'hazwatch.wall.token';
const USER_KEY = 'hazwatch.wall.user';

export class ApiError extends Error {
  constructor(status, body, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export function getToken() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
}

export function getStoredUser() {
  try { return JSON.parse(sessionStorage.getItem(USER_KEY) || 'null'); } catch { return null; }
}

export function setSession(token, user) {
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user ?? null));
  } catch { /* storage unavailable */ }
}

export function updateStoredUser(user) {
  try { sessionStorage.setItem(USER_KEY, JSON.stringify(user ?? null)); } catch { /* storage unavailable */ }
}

export function clearSession() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  } catch { /* storage unavailable */ }
}
