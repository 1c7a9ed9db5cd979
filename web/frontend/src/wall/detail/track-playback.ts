// Pure parts of track replay: where the truck is at a moment, and how the path splits into what is drawn how.
import type { ReplayPoint } from './detail-types';

export interface Fix {
  t: number;
  lat: number;
  lon: number;
  speedKmh: number;
  direction: number;
}

/** The drawable fixes in time order: drift points only when asked for. */
export function playable(points: readonly ReplayPoint[], withDrift: boolean): Fix[] {
  return points
    .filter((p) => withDrift || !p.drift)
    .map((p) => ({ t: Date.parse(p.ts), lat: p.lat, lon: p.lon, speedKmh: p.speedKmh, direction: p.direction }))
    .sort((a, b) => a.t - b.t);
}

/** The position at time t, interpolated between the fixes around it; clamped to the ends. */
export function positionAt(fixes: readonly Fix[], t: number): Fix | null {
  if (!fixes.length) return null;
  if (t <= fixes[0].t) return fixes[0];
  const last = fixes[fixes.length - 1];
  if (t >= last.t) return last;
  let lo = 0;
  let hi = fixes.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fixes[mid].t <= t) lo = mid;
    else hi = mid;
  }
  const a = fixes[lo];
  const b = fixes[hi];
  const f = (t - a.t) / (b.t - a.t || 1);
  return { t, lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f, speedKmh: a.speedKmh + (b.speedKmh - a.speedKmh) * f, direction: a.direction };
}

export type RunKind = 'live' | 'reupload' | 'drift';
export interface Run {
  kind: RunKind;
  points: ReplayPoint[];
}

/** Consecutive points of one kind, each run sharing its first point with the previous run so the line stays joined. */
export function runs(points: readonly ReplayPoint[], withDrift: boolean): Run[] {
  const out: Run[] = [];
  for (const p of points) {
    if (p.drift && !withDrift) continue;
    const kind: RunKind = p.drift ? 'drift' : p.reupload ? 'reupload' : 'live';
    const current = out.at(-1);
    if (current?.kind === kind) current.points.push(p);
    else out.push({ kind, points: current ? [current.points.at(-1)!, p] : [p] });
  }
  return out;
}

export const PLAY_SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;
