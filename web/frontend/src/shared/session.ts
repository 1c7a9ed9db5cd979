// The login session shared by every page of a tab: one login serves the wall and the admin console.
import { reactive } from 'vue';

const TOKEN_KEY = 'hazwatch.token';
const USER_KEY = 'hazwatch.user';

export interface SessionUser {
  username: string;
  displayName?: string | null;
  role: string;
  mustChangePassword?: boolean;
}

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage unavailable (private mode): the session lives as long as the page */
  }
}

export const session = reactive({
  token: read<string>(TOKEN_KEY),
  user: read<SessionUser>(USER_KEY),
  /** Why the user was sent back to the login form, shown there once. */
  notice: '',
});

export function startSession(token: string, user: SessionUser): void {
  session.token = token;
  session.user = user;
  session.notice = '';
  write(TOKEN_KEY, token);
  write(USER_KEY, user);
}

export function updateSessionUser(user: SessionUser): void {
  session.user = user;
  write(USER_KEY, user);
}

/** Ends the session locally; `notice` tells the login form why (e.g. 登录已失效). */
export function endSession(notice = ''): void {
  session.token = null;
  session.user = null;
  session.notice = notice;
  write(TOKEN_KEY, null);
  write(USER_KEY, null);
}

const LAST_USER_KEY = 'hazwatch.lastUser';
export const lastUsername = (): string => {
  try {
    return localStorage.getItem(LAST_USER_KEY) ?? '';
  } catch {
    return '';
  }
};
export const rememberUsername = (username: string): void => {
  try {
    localStorage.setItem(LAST_USER_KEY, username);
  } catch {
    /* storage unavailable */
  }
};
