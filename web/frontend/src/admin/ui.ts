// Console-wide dialogs with stable test hooks: confirmation, and a value shown once (a new secret or password).
import { reactive } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError } from '../shared/api/client';
import type { Reveal } from './meta';

export const confirmState = reactive({ open: false, title: '', message: '', okText: '确定', danger: false, resolve: (_ok: boolean) => {} });

export function confirm(message: string, opts: { title?: string; okText?: string; danger?: boolean } = {}): Promise<boolean> {
  confirmState.resolve(false);
  return new Promise((resolve) => {
    Object.assign(confirmState, { open: true, title: opts.title ?? '提示', message, okText: opts.okText ?? '确定', danger: opts.danger ?? false });
    confirmState.resolve = (ok: boolean) => {
      confirmState.open = false;
      confirmState.resolve = () => {};
      resolve(ok);
    };
  });
}

export const revealState = reactive({ open: false, title: '', warning: '', subject: '', value: '' });

export function reveal(r: Reveal, answer: unknown, subject = ''): void {
  const value = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[r.field] : undefined;
  if (value === undefined || value === null) return;
  Object.assign(revealState, { open: true, title: r.title, warning: r.warning, subject, value: String(value) });
}

export const toast = (message: string, type: 'success' | 'error' | 'info' | 'warning' = 'success') => ElMessage({ message, type, grouping: true });
export const toastError = (err: unknown, prefix = '') => toast(`${prefix ? `${prefix}：` : ''}${err instanceof Error ? err.message : String(err)}`, 'error');

/** Per-field messages of a 400/409 answer, keyed by field; null when the error is not about fields. */
export function fieldErrors(err: unknown): Record<string, string> | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 400 && err.fields.length) {
    const out: Record<string, string> = {};
    for (const f of err.fields) {
      const [top = '', ...rest] = String(f.path).split('.');
      // sensors.0.high → 第 1 项 · high：message, under the top-level field
      const where = rest.map((seg) => (/^\d+$/.test(seg) ? `第 ${Number(seg) + 1} 项` : seg)).join(' · ');
      const text = where ? `${where}：${f.message}` : f.message;
      out[top] = out[top] ? `${out[top]}；${text}` : text;
    }
    return out;
  }
  const field = typeof err.body === 'object' && err.body !== null ? (err.body as { field?: unknown }).field : undefined;
  if (err.status === 409 && typeof field === 'string') return { [field]: err.message };
  return null;
}
