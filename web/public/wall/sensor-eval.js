// Client-side evaluation of a sensor value against its thresholds (colour only;
// the server stays the authority for alarms) and the bar range for display.
import { isNum } from './dom.js';

/**
 * Threshold level for a value with deadband hysteresis.
 * Returns 'high_high' | 'high' | 'low_low' | 'low' | null.
 */
export function evalLevel(sensor, value, prevLevel = null) {
  if (!isNum(value)) return null;
  const t = sensor.thresholds || {};
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

/**
 * Display state for a sensor: 'normal' | 'alarm' | 'stale' | 'nodata' | 'fault'
 * plus the threshold level used to pick the alarm colour.
 */
export function displayState(sensor, prevLevel = null) {
  const level = evalLevel(sensor, sensor.value, prevLevel);
  if (sensor.quality === 'fault') return { state: 'fault', level };
  const s = sensor.state;
  if (s === 'stale' || s === 'nodata') return { state: s, level };
  if (!isNum(sensor.value)) return { state: 'nodata', level: null };
  if (s === 'alarm') return { state: 'alarm', level };
  if (s === 'normal') return { state: 'normal', level: null };
  return { state: level ? 'alarm' : 'normal', level };
}

function niceCeil(v) {
  if (v <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * Instrument range [min, max] for the bar. Uses sensor.rangeMin/rangeMax (or
 * range {min,max}) when the server provides them, otherwise derives a span
 * from unit/thresholds.
 */
export function sensorRange(sensor) {
  if (isNum(sensor.rangeMin) && isNum(sensor.rangeMax) && sensor.rangeMax > sensor.rangeMin) return [sensor.rangeMin, sensor.rangeMax];
  const r = sensor.range;
  if (r && isNum(r.min) && isNum(r.max) && r.max > r.min) return [r.min, r.max];
  const unit = String(sensor.unit || '').toLowerCase();
  const t = sensor.thresholds || {};
  if (unit.includes('lel')) return [0, 100];
  if (sensor.kind === 'oxygen' && unit.includes('%')) return [0, 25];
  if (sensor.kind === 'level' && unit === '%') return [0, 100];
  const vals = [t.lowLow, t.low, t.high, t.highHigh].filter(isNum);
  let min = 0;
  let max;
  if (vals.length) {
    max = niceCeil(Math.max(...vals) * 1.2);
    const lo = Math.min(...vals);
    if (lo < 0) min = -niceCeil(-lo * 1.2);
  } else {
    max = niceCeil(isNum(sensor.value) ? Math.abs(sensor.value) * 1.5 : 100);
  }
  if (isNum(sensor.value)) {
    if (sensor.value > max) max = niceCeil(sensor.value * 1.1);
    if (sensor.value < min) min = -niceCeil(-sensor.value * 1.1);
  }
  if (max <= min) max = min + 1;
  return [min, max];
}

export function pct(value, [min, max]) {
  if (!isNum(value)) return 0;
  return Math.max(0, Math.min(100, ((value - min) / (max - min)) * 100));
}
