import { readFileSync } from 'node:fs';

/** Quantile of numbers (nearest rank); NaN for none. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export const ms = (v: number) => `${Math.round(v)} ms`;
export const p50p95 = (values: number[]) => `p50 ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}`;
export const sleep = (msToWait: number) => new Promise((r) => setTimeout(r, msToWait));

/** How long this process's main thread has waited, runnable, for a CPU (ms; Linux); NaN elsewhere. */
export function runQueueWaitMs(): number {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}
