// What the wall's panels share, provided by WallScreen.
import { inject, type InjectionKey, type Ref } from 'vue';
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

export interface WallContext {
  tanks: TanksStore;
  vehicles: VehiclesStore;
  alarms: AlarmsStore;
  /** Shanghai-calendar comparisons and "ago" texts use this clock (ticks every second). */
  now: Ref<number>;
  describeSource(a: Alarm): SourceText;
}

export const WALL: InjectionKey<WallContext> = Symbol('wall');

export function useWall(): WallContext {
  const ctx = inject(WALL);
  if (!ctx) throw new Error('wall context missing');
  return ctx;
}
