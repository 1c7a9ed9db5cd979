import { describe, expect, it } from 'vitest';
import { convertUnit } from '../../../ingest/readings/unit-conversion.ts';

describe('unit conversion into the sensor unit', () => {
  it.each([
    [1500, 'kPa', 'MPa', 1.5],
    [1.6, 'MPa', 'kPa', 1600],
    [16, 'bar', 'MPa', 1.6],
    [1234, 'mm', 'm', 1.234],
    [942, 'cm', 'm', 9.42],
    [300, 'K', '°C', 26.85],
    [98.6, '°F', '°C', 37],
    [20, '℃', '°C', 20],
    [2.5, '%VOL', 'ppm', 25000],
    [7, '%LEL', '%LEL', 7],
  ])('%s %s → %s %s', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });

  it.each([
    ['psi', 'MPa'],
    ['m', 'MPa'],
    ['ppm', '%LEL'],
    ['%LEL', '%OEL'],
    ['°C', 'm'],
  ])('refuses %s → %s (unknown or not exactly convertible)', (from, to) => {
    expect(convertUnit(1, from, to)).toBeNull();
  });
});
