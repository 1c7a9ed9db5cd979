import type { Page } from 'playwright-core';

export interface FrameTimes {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  fps: number;
  longTasks: number;
  longTaskMs: number;
}

// Runs in the page: requestAnimationFrame deltas and long tasks over `seconds`.
const inPage = `(seconds) => new Promise((resolve) => {
  const deltas = [];
  let long = 0, longMs = 0;
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) { long++; longMs += e.duration; } });
  try { obs.observe({ entryTypes: ['longtask'] }); } catch {}
  let last = performance.now();
  const end = last + seconds * 1000;
  const step = (t) => {
    deltas.push(t - last);
    last = t;
    if (t < end) requestAnimationFrame(step);
    else { obs.disconnect(); resolve({ deltas, long, longMs }); }
  };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(step); });
})`;

/** Frame times of the page over `seconds`, as the page's own requestAnimationFrame sees them. */
export async function frameTimes(page: Page, seconds: number): Promise<FrameTimes> {
  const r = await page.evaluate<{ deltas: number[]; long: number; longMs: number }>(`(${inPage})(${seconds})`);
  const d = [...r.deltas].sort((a, b) => a - b);
  const q = (p: number) => d[Math.min(d.length - 1, Math.floor(p * d.length))];
  return { n: d.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: d[d.length - 1], fps: d.length / seconds, longTasks: r.long, longTaskMs: r.longMs };
}

export const fmtFrames = (f: FrameTimes) =>
  `frame p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(0)} ms, ${f.fps.toFixed(1)} frames/s, ${f.longTasks} long tasks (${f.longTaskMs.toFixed(0)} ms)`;
