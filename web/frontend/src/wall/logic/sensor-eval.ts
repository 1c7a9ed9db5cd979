// Client-side evaluation of a sensor value against its thresholds: colour only, the server stays the authority for
// alarms. Pure: `now` is passed in, so staleness is testable on any clock.
import type { Sensor, ThresholdLevel, Thresholds } from '../live/types';
import { isNum, toNum } from './numbers';

/** A sensor with no reading for this long shows 数据中断 even before the server says so; its own timeout wins. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

export type DisplayState = 'normal' | 'alarm' | 'stale' | 'nodata' | 'fault';

/** Threshold level of a value, with deadband hysteresis from the previous level. */
export function evalLevel(t: Partial<Thresholds>, value: number | null, prevLevel: ThresholdLevel | null = null): ThresholdLevel | null {
  if (!isNum(value)) return null;
  const db = isNum(t.deadband) ? Math.abs(t.deadband) : 0;
  const { highHigh: hh, high: h, low: l, lowLow: ll } = t;
  if (isNum(hh) && value >= hh) return 'high_high';
  if (isNum(ll) && value <= ll) return 'low_low';
  if (prevLevel === 'high_high' && isNum(hh) && value > hh - db) return 'high_high';
  if (prevLevel === 'low_low' && isNum(ll) && value < ll + db) return 'low_low';
  if (isNum(h) && value >= h) return 'high';
  if (isNum(l) && value <= l) return 'low';
  if ((prevLevel === 'high' || prevLevel === 'high_high') && isNum(h) && value > h - db) return 'high';
  if ((prevLevel === 'low' || prevLevel === 'low_low') && isNum(l) && value < l + db) return 'low';
  return null;
}

const staleAfter = (s: Pick<Sensor, 'interruptionTimeoutS'>) =>
  isNum(s.interruptionTimeoutS) && s.interruptionTimeoutS > 0 ? s.interruptionTimeoutS * 1000 : STALE_AFTER_MS;

/** What a sensor row shows, and the threshold level that picks the alarm colour. */
/**
 * `alarmOpen`: the sensor has an open alarm in the list. A reading pushed before the alarm engine decided carries the
 * server's state of that moment ('normal'), and a gateway that disconnects right after its reading marks the sensor
 * stale; the open alarm overrides both, so the row shows the alarm without waiting for the next reading.
 */
export function displayState(s: Sensor, prevLevel: ThresholdLevel | null, now: number, alarmOpen = false): { state: DisplayState; level: ThresholdLevel | null } {
  const out = baseState(s, prevLevel, alarmOpen);
  if (out.state === 'normal' && s.ts && now - new Date(s.ts).getTime() > staleAfter(s)) out.state = 'stale';
  return out;
}

function baseState(s: Sensor, prevLevel: ThresholdLevel | null, alarmOpen: boolean): { state: DisplayState; level: ThresholdLevel | null } {
  const level = evalLevel(s.thresholds, s.value, prevLevel);
  if (s.quality === 'fault') return { state: 'fault', level };
  // An open alarm on a last value beyond a limit outranks a gateway gone quiet: the operator must still see the alarm.
  if (alarmOpen && level && isNum(s.value)) return { state: 'alarm', level };
  if (s.state === 'stale' || s.state === 'nodata') return { state: s.state, level };
  if (!isNum(s.value)) return { state: 'nodata', level: null };
  if (s.state === 'alarm') return { state: 'alarm', level };
  if (s.state === 'normal') return alarmOpen && level ? { state: 'alarm', level } : { state: 'normal', level: null };
  return { state: level ? 'alarm' : 'normal', level };
}

const TANK_RANK: Record<DisplayState, number> = { alarm: 4, fault: 3, stale: 2, nodata: 1, normal: 0 };

/** A tank's worst sensor state; one unwired sensor does not grey the tank. `severe` = a high-high/low-low alarm. */
export function tankState(rows: { state: DisplayState; level: ThresholdLevel | null }[]): { state: DisplayState; severe: boolean } {
  let worst: DisplayState = 'normal';
  let anyData = false;
  let severe = false;
  for (const r of rows) {
    if (r.state !== 'nodata') anyData = true;
    if (r.state === 'alarm' && (r.level === 'high_high' || r.level === 'low_low' || !r.level)) severe = true;
    if (r.state === 'nodata') continue;
    if (TANK_RANK[r.state] > TANK_RANK[worst]) worst = r.state;
  }
  if (!anyData && rows.length) worst = 'nodata';
  return { state: worst, severe: worst === 'alarm' && severe };
}

function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Instrument range [min, max] for the bar: the sensor's own, else derived from unit and thresholds. */
export function sensorRange(s: Pick<Sensor, 'rangeMin' | 'rangeMax' | 'unit' | 'kind' | 'thresholds' | 'value'>): [number, number] {
  if (isNum(s.rangeMin) && isNum(s.rangeMax) && s.rangeMax > s.rangeMin) return [s.rangeMin, s.rangeMax];
  const unit = String(s.unit ?? '').toLowerCase();
  const t = s.thresholds;
  if (unit.includes('lel')) return [0, 100];
  if (s.kind === 'oxygen' && unit.includes('%')) return [0, 25];
  if (s.kind === 'level' && unit === '%') return [0, 100];
  const vals = [t.lowLow, t.low, t.high, t.highHigh].filter(isNum);
  let min = 0;
  let max: number;
  if (vals.length) {
    max = niceCeil(Math.max(...vals) * 1.2);
    const lo = Math.min(...vals);
    if (lo < 0) min = -niceCeil(-lo * 1.2);
  } else {
    max = niceCeil(isNum(s.value) ? Math.abs(s.value) * 1.5 : 100);
  }
  if (isNum(s.value)) {
    if (s.value > max) max = niceCeil(s.value * 1.1);
    if (s.value < min) min = -niceCeil(-s.value * 1.1);
  }
  if (max <= min) max = min + 1;
  return [min, max];
}

/** Position of a value in a range as 0–100 (clamped). */
export function pct(value: number | null, [min, max]: [number, number]): number {
  if (!isNum(value)) return 0;
  return Math.max(0, Math.min(100, ((value - min) / (max - min)) * 100));
}

/** Decimal places per unit, so the digits of a live value stay steady. */
export function decimalsFor(s: Pick<Sensor, 'unit' | 'thresholds'>): number {
  const u = String(s.unit ?? '').toLowerCase();
  if (u === 'mpa') return 3;
  if (u === 'm' || u === 'bar') return 2;
  if (u === 'kpa' || u.includes('lel') || u.includes('%') || ['℃', '°c', 'c', 'degc'].includes(u)) return 1;
  if (u === 'ppm' || u === 'mg/m3' || u === 'mg/m³') return 1;
  const t = s.thresholds;
  const ref = [t.highHigh, t.high, t.low, t.lowLow].filter(isNum).map(Math.abs);
  const m = ref.length ? Math.max(...ref) : 100;
  return m < 2 ? 3 : m < 20 ? 2 : 1;
}

/** The API may send numeric columns as strings: coerce once on arrival. */
export function normalizeSensor(s: Sensor): Sensor {
  const t = s.thresholds ?? ({} as Thresholds);
  return {
    ...s,
    value: toNum(s.value),
    rangeMin: toNum(s.rangeMin),
    rangeMax: toNum(s.rangeMax),
    interruptionTimeoutS: toNum(s.interruptionTimeoutS),
    thresholds: { lowLow: toNum(t.lowLow), low: toNum(t.low), high: toNum(t.high), highHigh: toNum(t.highHigh), deadband: toNum(t.deadband) },
  };
}
