import type { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import type { SensorState } from '../../monitor/live-state/sensor-state.ts';

export type SensorRow = Record<string, number | string | null>;

/** A sensor as the wall shows it: range, thresholds, current value and state. */
export function sensorView(s: SensorRow, live: SensorLiveState, inAlarm: boolean, now: number) {
  const current = live.get(s.id as number);
  const stale = current && (current.stale === true || now - current.ts.getTime() > (s.interruption_timeout_s as number) * 1000);
  const state: SensorState = !current ? 'nodata' : inAlarm ? 'alarm' : stale ? 'stale' : 'normal';
  return {
    id: s.id as number,
    code: s.code as string,
    kind: s.kind as string,
    unit: s.unit as string,
    rangeMin: s.range_min as number | null,
    rangeMax: s.range_max as number | null,
    deviceId: s.device_id as number | null,
    interruptionTimeoutS: s.interruption_timeout_s as number,
    thresholds: { lowLow: s.low_low as number | null, low: s.low as number | null, high: s.high as number | null, highHigh: s.high_high as number | null, deadband: s.deadband as number },
    value: current?.value ?? null,
    ts: current?.ts.toISOString() ?? null,
    quality: current?.quality ?? null,
    state,
  };
}
