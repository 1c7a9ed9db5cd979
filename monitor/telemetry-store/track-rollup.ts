import type { VehiclePosition } from '../../ingest/ports.ts';

/**
 * Pre-aggregated track levels, finest first. Each is 15× the one before, so a replay that reads the coarsest level
 * whose bucket fits scans at most 15 rollup points per drawn point; 15 min covers the 190-day retention in
 * 18k points per vehicle, so no third level is needed.
 */
export const ROLLUP_LEVELS = [
  { measurement: 'position_1m', seconds: 60 },
  { measurement: 'position_15m', seconds: 900 },
] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];

/**
 * What one partial aggregate of a bucket holds. A bucket may have several partials (one per writer session, and
 * one more for each time a late point reopens an evicted bucket); readers always merge them with GROUP BY time.
 * Drift is counted but left out of positions and speeds.
 */
export interface RollupPartial {
  vehicleId: number;
  enterpriseId: number;
  /** Nanosecond timestamp, as digits: the first received point's millisecond plus a random sub-millisecond slot. */
  key: string;
  firstTs: number;
  firstLat: number;
  firstLon: number;
  firstDir: number;
  lastTs: number;
  lastLat: number;
  lastLon: number;
  lastDir: number;
  maxSpeed: number;
  speedSum: number;
  /** Positions that are not drift. */
  n: number;
  reupload: number;
  drift: number;
}

export const bucketStart = (tsMs: number, level: RollupLevel) => Math.floor(tsMs / (level.seconds * 1000)) * level.seconds * 1000;

/** A new partial keyed inside its bucket; `slot` in [0, 1e6) keeps partials begun on the same millisecond apart. */
export function newPartial(p: VehiclePosition, slot: number): RollupPartial {
  return {
    vehicleId: p.vehicleId, enterpriseId: p.enterpriseId, key: `${p.ts.getTime()}${String(Math.trunc(slot) % 1_000_000).padStart(6, '0')}`,
    firstTs: Infinity, firstLat: 0, firstLon: 0, firstDir: 0, lastTs: -Infinity, lastLat: 0, lastLon: 0, lastDir: 0,
    maxSpeed: 0, speedSum: 0, n: 0, reupload: 0, drift: 0,
  };
}

/** Folds a position into a partial in any arrival order: first and last go by the position's own time. */
export function addToPartial(a: RollupPartial, p: VehiclePosition): void {
  if (p.drift) {
    a.drift++;
    return;
  }
  const t = p.ts.getTime();
  if (t < a.firstTs) Object.assign(a, { firstTs: t, firstLat: p.lat, firstLon: p.lon, firstDir: p.direction });
  if (t >= a.lastTs) Object.assign(a, { lastTs: t, lastLat: p.lat, lastLon: p.lon, lastDir: p.direction });
  if (a.n === 0 || p.speedKmh > a.maxSpeed) a.maxSpeed = p.speedKmh;
  a.speedSum += p.speedKmh;
  a.n++;
  if (p.reupload) a.reupload++;
}

/** Line protocol in nanoseconds; the whole aggregate every time, so a rewrite replaces the partial in InfluxDB. */
export function rollupLine(level: RollupLevel, a: RollupPartial): string {
  const counts = `drift=${a.drift}i,n=${a.n}i,reupload=${a.reupload}i`;
  const fields =
    a.n === 0
      ? counts
      : `${counts},first_dir=${a.firstDir}i,first_lat=${a.firstLat},first_lon=${a.firstLon},first_ts=${a.firstTs}i,` +
        `last_dir=${a.lastDir}i,last_lat=${a.lastLat},last_lon=${a.lastLon},last_ts=${a.lastTs}i,max_speed=${a.maxSpeed},speed_sum=${a.speedSum}`;
  return `${level.measurement},enterprise_id=${a.enterpriseId},vehicle_id=${a.vehicleId} ${fields} ${a.key}`;
}
