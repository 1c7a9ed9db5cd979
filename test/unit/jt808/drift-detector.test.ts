import { describe, it, expect } from 'vitest';
import { DriftDetector, distanceKm } from '../../../ingest/jt808/gateway/drift-detector.ts';

const t0 = Date.UTC(2026, 10, 23, 1, 0, 0);
const fix = (lat: number, lon: number, s: number, fixed = true) => ({ lat, lon, ts: new Date(t0 + s * 1000), fixed });

describe('drift detector', () => {
  it('flags no fix and 0/0 as drift', () => {
    const d = new DriftDetector();
    expect(d.check(1, fix(32, 118, 0, false), false)).toBe(true);
    expect(d.check(1, fix(0, 0, 0), false)).toBe(true);
    expect(d.check(1, fix(32, 118, 0), false)).toBe(false);
  });

  it('measures the implied speed from the last good fix, not from the drift', () => {
    const d = new DriftDetector();
    expect(d.check(1, fix(32, 118, 0), false)).toBe(false);
    // 1 km in 10 s = 360 km/h.
    expect(d.check(1, fix(32.009, 118, 10), false)).toBe(true);
    // 1 km in 20 s from the last good fix = 180 km/h: fine.
    expect(d.check(1, fix(32.009, 118, 20), false)).toBe(false);
  });

  it('judges a re-upload against the reference by time distance, and never moves the reference with it', () => {
    const d = new DriftDetector();
    d.check(1, fix(32, 118, 3600), false);
    // An hour earlier 100 km away is plausible driving.
    expect(d.check(1, fix(32.9, 118, 0), true)).toBe(false);
    // 100 km a second before is not.
    expect(d.check(1, fix(32.9, 118, 3599), true)).toBe(true);
    expect(d.check(1, fix(32.0001, 118, 3601), false)).toBe(false);
  });

  it('keeps vehicles apart', () => {
    const d = new DriftDetector();
    d.check(1, fix(32, 118, 0), false);
    expect(d.check(2, fix(40, 116, 1), false)).toBe(false);
  });

  it('distance is about 111 km per degree of latitude', () => {
    expect(distanceKm({ lat: 32, lon: 118 }, { lat: 33, lon: 118 })).toBeCloseTo(111.2, 0);
  });
});
