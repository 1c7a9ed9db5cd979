// Login, logout and password change: the one place the pages talk to /api/auth.
import { api, ApiError, call } from './api/client';
import { endSession, rememberUsername, session, startSession, updateSessionUser, type SessionUser } from './session';

export async function login(username: string, password: string): Promise<SessionUser> {
  const { token, user } = await call(api.POST('/api/auth/login', { body: { username, password } }));
  startSession(token, user);
  rememberUsername(username);
  return user;
}

export async function logout(): Promise<void> {
  if (session.token) await call(api.POST('/api/auth/logout')).catch(() => undefined);
  endSession();
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  await call(api.POST('/api/auth/change-password', { body: { oldPassword, newPassword } }));
  if (session.user) updateSessionUser({ ...session.user, mustChangePassword: false });
}

/** The Chinese message a login failure shows. */
export function loginErrorText(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : '登录失败';
  if (err.status === 401) return err.message || '用户名或密码错误';
  if (err.status === 429) return err.message || '登录尝试过于频繁，请稍后再试';
  return err.message;
}
