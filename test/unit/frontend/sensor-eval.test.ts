import { describe, expect, it } from 'vitest';
import { decimalsFor, displayState, evalLevel, normalizeSensor, pct, sensorRange, STALE_AFTER_MS, tankState } from '../../../web/frontend/src/wall/logic/sensor-eval.ts';
import type { Sensor } from '../../../web/frontend/src/wall/live/types.ts';

const thresholds = { lowLow: 1, low: 2, high: 15, highHigh: 17, deadband: 0.5 };
const NOW = Date.parse('2031-02-28T15:59:00Z'); // any fixed instant: the clock is an input
const sensor = (over: Partial<Sensor> = {}): Sensor => ({
  id: 1, code: 'LT1', kind: 'level', unit: 'm', rangeMin: 0, rangeMax: 20, deviceId: 7, interruptionTimeoutS: null,
  thresholds, value: 10, ts: new Date(NOW - 1000).toISOString(), quality: 'good', state: null, ...over,
});

describe('wall sensor evaluation', () => {
  it('grades a value against its thresholds, with deadband hysteresis on the way back', () => {
    expect(evalLevel(thresholds, 10)).toBeNull();
    expect(evalLevel(thresholds, 15)).toBe('high');
    expect(evalLevel(thresholds, 17.2)).toBe('high_high');
    expect(evalLevel(thresholds, 16.8, 'high_high')).toBe('high_high'); // inside the deadband
    expect(evalLevel(thresholds, 16.4, 'high_high')).toBe('high');
    expect(evalLevel(thresholds, 14.7, 'high')).toBe('high');
    expect(evalLevel(thresholds, 14.4, 'high')).toBeNull();
    expect(evalLevel(thresholds, 0.9)).toBe('low_low');
    expect(evalLevel(thresholds, null)).toBeNull();
  });

  it('shows fault, no data, the server\'s state and staleness on the injected clock', () => {
    expect(displayState(sensor({ value: 17.6 }), null, NOW)).toEqual({ state: 'alarm', level: 'high_high' });
    expect(displayState(sensor({ quality: 'fault' }), null, NOW).state).toBe('fault');
    expect(displayState(sensor({ value: null }), null, NOW)).toEqual({ state: 'nodata', level: null });
    expect(displayState(sensor({ state: 'stale' }), null, NOW).state).toBe('stale');
    expect(displayState(sensor({ state: 'normal', value: 16 }), null, NOW)).toEqual({ state: 'normal', level: null });
    // A reading pushed before the alarm was decided says normal; the open alarm in the list wins.
    expect(displayState(sensor({ state: 'normal', value: 17.6 }), null, NOW, true)).toEqual({ state: 'alarm', level: 'high_high' });
    expect(displayState(sensor({ state: 'normal', value: 10 }), null, NOW, true)).toEqual({ state: 'normal', level: null });
    // The gateway went offline just after its alarming reading: the alarm stays in view; without one, 中断.
    expect(displayState(sensor({ state: 'stale', value: 17.6 }), null, NOW, true)).toEqual({ state: 'alarm', level: 'high_high' });
    expect(displayState(sensor({ state: 'stale', value: 17.6 }), null, NOW).state).toBe('stale');
    const old = new Date(NOW - STALE_AFTER_MS - 1).toISOString();
    expect(displayState(sensor({ ts: old }), null, NOW).state).toBe('stale');
    expect(displayState(sensor({ ts: old }), null, NOW - 2).state).toBe('normal');
    expect(displayState(sensor({ ts: new Date(NOW - 61_000).toISOString(), interruptionTimeoutS: 60 }), null, NOW).state).toBe('stale');
  });

  it('gives a tank its worst sensor state, ignoring one unwired sensor', () => {
    expect(tankState([{ state: 'normal', level: null }, { state: 'nodata', level: null }])).toEqual({ state: 'normal', severe: false });
    expect(tankState([{ state: 'nodata', level: null }])).toEqual({ state: 'nodata', severe: false });
    expect(tankState([{ state: 'stale', level: null }, { state: 'alarm', level: 'high' }])).toEqual({ state: 'alarm', severe: false });
    expect(tankState([{ state: 'alarm', level: 'low_low' }, { state: 'fault', level: null }])).toEqual({ state: 'alarm', severe: true });
  });

  it('derives a bar range and steady decimals, and coerces numeric strings', () => {
    expect(sensorRange(sensor())).toEqual([0, 20]);
    expect(sensorRange(sensor({ rangeMin: null, rangeMax: null }))).toEqual([0, 25]);
    expect(sensorRange(sensor({ rangeMin: null, rangeMax: null, unit: '%LEL' }))).toEqual([0, 100]);
    expect(pct(25, [0, 20])).toBe(100);
    expect(pct(5, [0, 20])).toBe(25);
    expect(decimalsFor(sensor())).toBe(2);
    expect(decimalsFor(sensor({ unit: 'MPa' }))).toBe(3);
    expect(normalizeSensor(sensor({ value: '12.5' as unknown as number })).value).toBe(12.5);
  });
});
