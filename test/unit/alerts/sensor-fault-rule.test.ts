import { describe, expect, it } from 'vitest';
import { evaluateSensorFault, sensorFaultCause } from '../../../alerts/rules/sensor-fault-rule.ts';
import { evaluateRateOfChange, initialRateState } from '../../../alerts/rules/rate-of-change-rule.ts';

const range = { rangeMin: 0, rangeMax: 20 };

describe('sensor fault rule', () => {
  it('names the cause: fault flag, non-finite, outside the instrument range; none inside it', () => {
    expect(sensorFaultCause({ value: 5, quality: 'fault' }, range)).toBe('flag');
    expect(sensorFaultCause({ value: NaN, quality: 'good' }, range)).toBe('not_finite');
    expect(sensorFaultCause({ value: -0.1, quality: 'good' }, range)).toBe('below_range');
    expect(sensorFaultCause({ value: 20.1, quality: 'good' }, range)).toBe('above_range');
    expect(sensorFaultCause({ value: 20, quality: 'good' }, range)).toBeNull();
    expect(sensorFaultCause({ value: 1e6, quality: 'good' }, { rangeMin: null, rangeMax: null })).toBeNull();
  });

  it('raises once on the first faulty reading and clears on the next good one', () => {
    let active = false;
    const log: string[] = [];
    for (const cause of [null, 'above_range', 'above_range', null] as const) {
      const step = evaluateSensorFault(active, cause, 25);
      active = step.state;
      log.push(step.outcomes.map((o) => o.kind).join());
    }
    expect(log).toEqual(['', 'raise', '', 'clear']);
  });
});

describe('rate of change rule', () => {
  const p = { maxRisePerMin: 0.1, maxFallPerMin: null };
  it('raises when the level rises faster than allowed per minute and clears when it slows', () => {
    let s = initialRateState;
    const log: string[] = [];
    for (const [t, v] of [[0, 5], [60, 5.05], [120, 5.5], [180, 5.55]] as const) {
      const step = evaluateRateOfChange(s, { value: v, at: t * 1000 }, p);
      s = step.state;
      log.push(...step.outcomes.map((o) => `${t}:${o.kind}:${o.value}`));
    }
    expect(log).toEqual(['120:raise:0.45', '180:clear:0.05']);
  });
  it('a fall is not limited unless maxFallPerMin is set', () => {
    const s = evaluateRateOfChange(initialRateState, { value: 10, at: 0 }, p).state;
    expect(evaluateRateOfChange(s, { value: 1, at: 60_000 }, p).outcomes).toEqual([]);
    expect(evaluateRateOfChange(s, { value: 1, at: 60_000 }, { ...p, maxFallPerMin: 1 }).outcomes.map((o) => o.kind)).toEqual(['raise']);
  });
});
