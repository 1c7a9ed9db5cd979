import { describe, expect, it } from 'vitest';
import { gaugeBands } from '../../../web/frontend/src/wall/detail/gauge-option.ts';

const t = (lowLow: number | null, low: number | null, high: number | null, highHigh: number | null) => ({ lowLow, low, high, highHigh, deadband: 0 });

describe('sensor gauge bands', () => {
  it('colours low-low and high-high red, low and high amber, the rest normal, at their place on the range', () => {
    expect(gaugeBands({ rangeMin: 0, rangeMax: 20, thresholds: t(2, 4, 15, 17) }).bands).toEqual([
      [0.1, '#ff4d4f'],
      [0.2, '#faad14'],
      [0.75, '#2f9bff'],
      [0.85, '#faad14'],
      [1, '#ff4d4f'],
    ]);
  });

  it('keeps the stops in order whichever thresholds are set', () => {
    for (const th of [t(null, null, null, 17), t(null, null, 15, null), t(2, null, null, null), t(null, 4, null, null), t(null, null, null, null)]) {
      const fractions = gaugeBands({ rangeMin: 0, rangeMax: 20, thresholds: th }).bands.map(([f]) => f);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(fractions.at(-1)).toBe(1);
    }
    expect(gaugeBands({ rangeMin: 0, rangeMax: 20, thresholds: t(null, null, null, 17) }).bands).toEqual([[0.85, '#2f9bff'], [1, '#ff4d4f']]);
  });

  it('finds a range from the thresholds when the sensor has none', () => {
    expect(gaugeBands({ rangeMin: null, rangeMax: null, thresholds: t(null, null, 50, 100) })).toMatchObject({ min: 0, max: 120 });
  });
});
