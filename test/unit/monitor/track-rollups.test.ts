import { describe, expect, it } from 'vitest';
import type { VehiclePosition } from '../../../ingest/ports.ts';
import { TrackRollups } from '../../../monitor/telemetry-store/track-rollups.ts';

// Any whole hour works: the rollups never look at the clock except to age partials out of memory.
const T0 = Date.UTC(2031, 4, 6, 3, 0, 0);
const pos = (s: number, over: Partial<VehiclePosition> = {}): VehiclePosition => ({
  vehicleId: 5, plate: '辽N00005', enterpriseId: 2, regionCode: '211321', lat: 41 + s / 1000, lon: 120 + s / 1000, altitude: 0, speedKmh: s % 50, direction: s % 360,
  ts: new Date(T0 + s * 1000), alarmBits: 0, statusBits: 0, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false, ...over,
});
const fields = (line: string) => Object.fromEntries(line.split(' ')[1].split(',').map((kv) => kv.split('=')));

describe('track rollups', () => {
  it('writes each level’s whole bucket aggregate, first and last by the position’s time whatever the arrival order', () => {
    const r = new TrackRollups(() => T0, () => 42);
    r.add(pos(20, { speedKmh: 30 }));
    r.add(pos(40, { speedKmh: 60, reupload: true }));
    const [minute, quarter] = r.add(pos(10, { speedKmh: 0 }));
    expect(minute.startsWith('position_1m,enterprise_id=2,vehicle_id=5 ')).toBe(true);
    expect(quarter.startsWith('position_15m,enterprise_id=2,vehicle_id=5 ')).toBe(true);
    // Keyed on the first received point's millisecond, plus the slot, in nanoseconds.
    expect(minute.split(' ')[2]).toBe(`${T0 + 20_000}000042`);
    expect(fields(minute)).toMatchObject({
      n: '3i', reupload: '1i', drift: '0i', first_ts: `${T0 + 10_000}i`, first_lat: '41.01', last_ts: `${T0 + 40_000}i`, last_lat: '41.04', max_speed: '60', speed_sum: '90',
    });
  });

  it('counts drift without letting it move the position or the speed', () => {
    const r = new TrackRollups(() => T0, () => 1);
    const [onlyDrift] = r.add(pos(5, { drift: true, speedKmh: 300 }));
    expect(fields(onlyDrift)).toEqual({ drift: '1i', n: '0i', reupload: '0i' });
    const [minute] = r.add(pos(6, { speedKmh: 20 }));
    expect(fields(minute)).toMatchObject({ drift: '1i', n: '1i', max_speed: '20', first_lat: '41.006' });
  });

  it('puts each position in its own minute and quarter hour', () => {
    const r = new TrackRollups(() => T0, () => 0);
    const a = r.add(pos(59));
    const b = r.add(pos(60));
    expect(a[0].split(' ')[2]).not.toBe(b[0].split(' ')[2]);
    expect(fields(b[0]).n).toBe('1i');
    expect(fields(b[1]).n).toBe('2i');
  });

  it('forgets idle partials, and a late point then starts a new partial under a new key instead of rewriting the old one', () => {
    let now = T0;
    let slot = 0;
    const r = new TrackRollups(() => now, () => ++slot);
    const [first] = r.add(pos(10));
    r.add(pos(20));
    expect(r.openPartials).toBe(2);
    now += 30 * 60_000;
    const [late] = r.add(pos(30, { reupload: true }));
    expect(r.openPartials).toBe(2);
    expect(late.split(' ')[2]).not.toBe(first.split(' ')[2]);
    expect(fields(late)).toMatchObject({ n: '1i', reupload: '1i' });
  });
});
