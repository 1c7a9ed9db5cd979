import type { RuleStep } from './rule-outcome.ts';

export type SensorFaultCause = 'flag' | 'not_finite' | 'below_range' | 'above_range';

/** Why a reading cannot be trusted, or null when it can. */
export function sensorFaultCause(r: { value: number; quality: 'good' | 'fault' }, range: { rangeMin: number | null; rangeMax: number | null }): SensorFaultCause | null {
  if (r.quality === 'fault') return 'flag';
  if (!Number.isFinite(r.value)) return 'not_finite';
  if (range.rangeMin !== null && r.value < range.rangeMin) return 'below_range';
  if (range.rangeMax !== null && r.value > range.rangeMax) return 'above_range';
  return null;
}

/** Pure step: a faulty reading raises, the next trustworthy one clears. */
export function evaluateSensorFault(active: boolean, cause: SensorFaultCause | null, value: number): RuleStep<boolean> {
  const faulty = cause !== null;
  if (faulty === active) return { state: active, outcomes: [] };
  return { state: faulty, outcomes: [{ type: 'sensor_fault', kind: faulty ? 'raise' : 'clear', value: Number.isFinite(value) ? value : null }] };
}
