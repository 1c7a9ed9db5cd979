import type { Vehicle } from '../live/types';
import { isNum } from './numbers';

/** No position for this long: shown greyed as 定位中断 although the terminal is still online. */
export const VEHICLE_STALE_MS = 5 * 60 * 1000;

export const hasPosition = (v: Pick<Vehicle, 'lat' | 'lon'>): v is Vehicle & { lat: number; lon: number } => isNum(v.lat) && isNum(v.lon);
export const isMoving = (v: Pick<Vehicle, 'speedKmh'>): boolean => isNum(v.speedKmh) && v.speedKmh > 0.5;

const DIRS = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
/** Compass name of a heading in degrees. */
export function headingLabel(deg: number | null | undefined): string {
  if (!isNum(deg)) return '--';
  return DIRS[Math.round((((deg % 360) + 360) % 360) / 45) % 8];
}
