// Transient notifications of the wall (the big-screen styling, not the console's).
import { reactive } from 'vue';

export type ToastKind = 'info' | 'ok' | 'error' | 'critical';
export interface Toast {
  id: number;
  text: string;
  kind: ToastKind;
}

let seq = 0;
export const toasts = reactive<Toast[]>([]);

export function toast(text: string, kind: ToastKind = 'info', ms = 6000): void {
  const id = ++seq;
  toasts.unshift({ id, text, kind });
  toasts.splice(5);
  setTimeout(() => {
    const i = toasts.findIndex((t) => t.id === id);
    if (i >= 0) toasts.splice(i, 1);
  }, ms);
}
