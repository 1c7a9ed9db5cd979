// What the wall's panels share, provided by WallScreen.
import { inject, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import type { AlarmsStore } from './live/useAlarms';
import type { TanksStore } from './live/useTanks';
import type { VehiclesStore } from './live/useVehicles';
import type { Alarm } from './live/types';

export interface SourceText {
  title: string;
  sub?: string;
  unit?: string;
  decimals?: number;
}

/** Anything on the map that has a detail to show. */
export type DetailKind = 'tank' | 'vehicle' | 'hazardSource' | 'enterprise' | 'resource' | 'geofence' | 'camera';
export interface DetailTarget {
  kind: DetailKind;
  id: number;
}

/** What the map offers the other panels (set by ParkMap once mounted). */
export interface WallMap {
  /** Flies the map to a source and flashes it; false when it has no position on the map. */
  focus(target: DetailTarget): Promise<boolean>;
  /** A camera started or stopped publishing (Socket.IO video_state). */
  setCameraLive(id: number, live: boolean): void;
}

export interface WallContext {
  tanks: TanksStore;
  vehicles: VehiclesStore;
  alarms: AlarmsStore;
  /** Shanghai-calendar comparisons and "ago" texts use this clock (ticks every second). */
  now: Ref<number>;
  describeSource(a: Alarm): SourceText;
  /** Clicking anything on the map calls this: the detail panels show it, a simple popup shows the rest. */
  openDetail(target: DetailTarget): void;
  /** The map, once mounted: `wall.map.value?.focus({ kind: 'vehicle', id })`. */
  map: ShallowRef<WallMap | null>;
}

export const WALL: InjectionKey<WallContext> = Symbol('wall');

export function useWall(): WallContext {
  const ctx = inject(WALL);
  if (!ctx) throw new Error('wall context missing');
  return ctx;
}
