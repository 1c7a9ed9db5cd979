/** How a vehicle is drawn on the map: in alarm wins over offline, offline over moving or stopped. */
export const vehicleStateLabels = {
  moving: '行驶',
  stopped: '停车',
  offline: '离线',
  alarm: '报警',
} as const;

export type VehicleState = keyof typeof vehicleStateLabels;

/** Below this speed a vehicle counts as stopped (GNSS jitter keeps a parked truck at 1–3 km/h). */
export const STOPPED_BELOW_KMH = 5;

export function vehicleState(v: { online: boolean; inAlarm: boolean; speedKmh: number | null }): VehicleState {
  if (v.inAlarm) return 'alarm';
  if (!v.online) return 'offline';
  return (v.speedKmh ?? 0) >= STOPPED_BELOW_KMH ? 'moving' : 'stopped';
}
