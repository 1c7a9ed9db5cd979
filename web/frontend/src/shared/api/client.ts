// The one API client of every page: typed from the server's OpenAPI spec (schema.d.ts, `npm run api-types`).
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { endSession, session } from '../session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The server's machine-readable reason (`error` in the body), e.g. validation_failed. */
  get code(): string | undefined {
    return typeof this.body === 'object' && this.body !== null && 'error' in this.body ? String((this.body as { error: unknown }).error) : undefined;
  }
  /** Per-field messages of a 400 validation_failed answer. */
  get fields(): { path: string; message: string }[] {
    const f = typeof this.body === 'object' && this.body !== null ? (this.body as { fields?: unknown }).fields : undefined;
    return Array.isArray(f) ? (f as { path: string; message: string }[]) : [];
  }
}

export function defaultMessage(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络';
  if (status === 400) return '提交的数据有误，请检查后重试';
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的资源不存在';
  if (status === 409) return '数据冲突，请刷新后重试';
  if (status === 413) return '文件过大，服务器拒绝接收';
  if (status === 415) return '不支持的文件格式';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return `服务器错误（HTTP ${status}）`;
  return `请求失败（HTTP ${status}）`;
}

function errorFrom(status: number, body: unknown): ApiError {
  const message = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : '';
  return new ApiError(status, body, message || defaultMessage(status));
}

/** A 401 on an authenticated call ends the session; a 403 password_change_required sends the user to change it. */
async function reactToFailure(response: Response, authenticated: boolean): Promise<void> {
  if (response.status === 401 && authenticated) endSession('登录已失效，请重新登录');
  if (response.status === 403 && session.user) {
    const body = await response.clone().json().catch(() => null);
    if (body?.error === 'password_change_required') session.user = { ...session.user, mustChangePassword: true };
  }
}

const authentication: Middleware = {
  onRequest({ request }) {
    if (session.token) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (!response.ok) await reactToFailure(response, request.headers.has('Authorization'));
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(authentication);

/** The data of an openapi-fetch answer, or an ApiError with the server's Chinese message. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (err) {
    throw err instanceof ApiError ? err : new ApiError(0, null, defaultMessage(0));
  }
  if (!result.response.ok) throw errorFrom(result.response.status, result.error);
  return result.data as T;
}

/** For bodies the spec does not type (files): a raw authorised fetch with the same error handling. */
export async function fetchRaw(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session.token) headers.set('Authorization', `Bearer ${session.token}`);
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store', ...init, headers });
  } catch {
    throw new ApiError(0, null, defaultMessage(0));
  }
  if (!response.ok) {
    await reactToFailure(response, headers.has('Authorization'));
    throw errorFrom(response.status, await response.json().catch(() => null));
  }
  return response;
}

/** Downloads an authorised file (links cannot carry the bearer token) and saves it as `fileName`. */
export async function download(path: string, fileName: string): Promise<void> {
  const blob = await (await fetchRaw(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => (URL.revokeObjectURL(url), a.remove()), 2000);
}

/** Posts a file as the raw body (Excel import, attachments); the name travels URL-encoded in X-File-Name. */
export async function upload<T>(path: string, file: File | Blob, contentType = (file as File).type || 'application/octet-stream'): Promise<T> {
  const name = (file as File).name ?? '';
  const response = await fetchRaw(path, { method: 'POST', body: file, headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-File-Name': encodeURIComponent(name) } });
  return (await response.json()) as T;
}
