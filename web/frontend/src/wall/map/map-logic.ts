// Pure decisions of the wall map: how a vehicle is coloured, when trucks are clustered, how a cluster is shown,
// and the colours of hazard-source levels. No Leaflet here, so it is unit-tested directly.
import { isNum } from '../logic/numbers';

/** The server's four states (monitor/live-state/vehicle-state.ts): in alarm wins over offline, offline over moving or stopped. */
export type VehicleMapState = 'moving' | 'stopped' | 'offline' | 'alarm';
export const VEHICLE_STATES: readonly VehicleMapState[] = ['alarm', 'offline', 'moving', 'stopped'];

/** Same threshold as the server: GNSS jitter keeps a parked truck at 1–3 km/h. */
export const STOPPED_BELOW_KMH = 5;

/**
 * A truck's state on the map. An online terminal whose last fix is stale (定位中断) is drawn as offline: the
 * operator cannot see where it is now.
 */
export function vehicleMapState(v: { online: boolean; speedKmh: number | null }, flags: { alarm: boolean; stale: boolean }): VehicleMapState {
  if (flags.alarm) return 'alarm';
  if (!v.online || flags.stale) return 'offline';
  return isNum(v.speedKmh) && v.speedKmh >= STOPPED_BELOW_KMH ? 'moving' : 'stopped';
}

export const VEHICLE_COLORS: Record<VehicleMapState, string> = {
  moving: '#37d67a',
  stopped: '#3da5ff',
  offline: '#6b7685',
  alarm: '#ff4d4f',
};

/** 一级 (most severe) to 四级, in the red/orange/yellow/blue order of the provincial warning colours. */
export const HAZARD_LEVEL_COLORS: Record<1 | 2 | 3 | 4, string> = { 1: '#ff4d4f', 2: '#ff9a2e', 3: '#ffd43b', 4: '#4c9bff' };
export const HAZARD_UNGRADED_COLOR = '#8c96a3';
export const hazardLevelColor = (level: number | null | undefined): string =>
  level === 1 || level === 2 || level === 3 || level === 4 ? HAZARD_LEVEL_COLORS[level] : HAZARD_UNGRADED_COLOR;

/**
 * When to cluster trucks. Few trucks are drawn one by one at every zoom (a park's fleet, a county's), so nothing
 * hides behind a count. Many are clustered up to CLUSTER_MAX_ZOOM; past that a street-level view shows each truck
 * of the viewport.
 */
export const CLUSTER_ABOVE = 300;
export const CLUSTER_MAX_ZOOM = 16;
/** The map's own minimum zoom (a province); no index levels below it. */
export const CLUSTER_MIN_ZOOM = 4;
export const CLUSTER_RADIUS_PX = 60;

export function clusterMode(locatedCount: number): 'individual' | 'clustered' {
  return locatedCount > CLUSTER_ABOVE ? 'clustered' : 'individual';
}

/** Per-cluster tallies (supercluster map/reduce). */
export interface StateTally {
  moving: number;
  stopped: number;
  offline: number;
  alarm: number;
}

export const tallyOf = (state: VehicleMapState): StateTally => ({ moving: 0, stopped: 0, offline: 0, alarm: 0, [state]: 1 });

export function mergeTally(into: StateTally, other: Readonly<StateTally>): void {
  into.moving += other.moving;
  into.stopped += other.stopped;
  into.offline += other.offline;
  into.alarm += other.alarm;
}

/** A cluster takes the colour of its most urgent member: one truck in alarm makes the whole bubble red. */
export function clusterState(t: StateTally): VehicleMapState {
  if (t.alarm > 0) return 'alarm';
  if (t.moving > 0) return 'moving';
  if (t.stopped > 0) return 'stopped';
  return 'offline';
}

/** Bubble diameter grows with the log of the count so 10,000 is not ten times 1,000. */
export function clusterSizePx(count: number, basePx: number): number {
  return Math.round(basePx * (1 + Math.min(1.2, Math.log10(Math.max(1, count)) * 0.4)));
}

/** Shown count: 12 / 986 / 1.2万 (Chinese wall convention for ten-thousands). */
export function clusterLabel(count: number): string {
  return count >= 10_000 ? `${(count / 10_000).toFixed(count >= 100_000 ? 0 : 1)}万` : String(count);
}

/** Region levels above a park show the region outline; park and enterprise levels keep the park's base map. */
export const isParkLevel = (level: string | undefined): boolean => level === 'park' || level === 'enterprise';
