import { describe, expect, it } from 'vitest';
import { evaluateGeofence, initialGeofenceState, type FenceSituation } from '../../../alerts/rules/geofence-rule.ts';
import { GeofenceIndex, type Fence } from '../../../alerts/geofence-index.ts';
import { inTimeWindows } from '../../../alerts/rules/time-window.ts';

const params = { parkingMaxS: 600, parkingSpeedKmh: 5 };
const none: FenceSituation = { forbidden: [], outsideAllowedArea: null, offRoute: null, sensitive: [] };
const zone = { id: 1, name: '水源保护区' };

const fence = (f: Partial<Fence> & Pick<Fence, 'id' | 'geometry' | 'rule'>): Fence => ({
  name: `围栏${f.id}`,
  regionCode: '320116',
  enterpriseId: null,
  speedLimitKmh: null,
  timeWindows: [],
  ...f,
});
const vehicle = { enterpriseId: 7, regionCode: '320116' };
const at = (local: string) => Date.parse(`${local}+08:00`);

describe('geofence rule', () => {
  it('entering a forbidden zone raises at once, leaving clears', () => {
    let s = initialGeofenceState;
    const kinds: string[] = [];
    for (const [i, fences] of [none, { ...none, forbidden: [zone] }, { ...none, forbidden: [zone] }, none].entries()) {
      const step = evaluateGeofence(s, { at: i * 1000, speedKmh: 40, fences }, params);
      s = step.state;
      kinds.push(step.outcomes.map((o) => `${o.type}:${o.kind}`).join());
    }
    expect(kinds).toEqual(['', 'geofence_forbidden:raise', '', 'geofence_forbidden:clear']);
  });

  it('parking in a sensitive zone raises after parkingMaxS, not before; moving off clears', () => {
    let s = initialGeofenceState;
    const inside = { ...none, sensitive: [zone] };
    const log: string[] = [];
    for (const [t, v] of [[0, 0], [599, 0], [600, 0], [700, 30]] as const) {
      const step = evaluateGeofence(s, { at: t * 1000, speedKmh: v, fences: inside }, params);
      s = step.state;
      log.push(...step.outcomes.map((o) => `${t}:${o.type}:${o.kind}`));
    }
    expect(log).toEqual(['600:parking_overtime:raise', '700:parking_overtime:clear']);
  });

  it('a late point does not flip a zone state', () => {
    const inside = evaluateGeofence(initialGeofenceState, { at: 10_000, speedKmh: 40, fences: { ...none, forbidden: [zone] } }, params);
    expect(evaluateGeofence(inside.state, { at: 5_000, speedKmh: 40, fences: none }, params).outcomes).toEqual([]);
  });

  it('leaving the allowed area and deviating from the route are separate alarms', () => {
    const step = evaluateGeofence(initialGeofenceState, { at: 0, speedKmh: 50, fences: { ...none, outsideAllowedArea: true, offRoute: true } }, params);
    expect(step.outcomes.map((o) => o.type)).toEqual(['geofence_outside', 'route_deviation']);
  });
});

describe('time windows (Asia/Shanghai)', () => {
  const weekdayDay = [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }];
  it('uses Shanghai local time, not UTC', () => {
    // Monday 2026-11-23 07:30 in Shanghai is Sunday 23:30 UTC
    expect(inTimeWindows(weekdayDay, at('2026-11-23T07:30:00'))).toBe(true);
    expect(inTimeWindows(weekdayDay, at('2026-11-23T06:59:00'))).toBe(false);
    expect(inTimeWindows(weekdayDay, at('2026-11-23T19:00:00'))).toBe(false);
    expect(inTimeWindows(weekdayDay, at('2026-11-22T10:00:00'))).toBe(false); // Sunday
  });
  it('a window past midnight belongs to the day it starts', () => {
    const night = [{ days: [5], from: '22:00', to: '06:00' }]; // Friday night
    expect(inTimeWindows(night, at('2026-11-27T23:00:00'))).toBe(true);
    expect(inTimeWindows(night, at('2026-11-28T05:59:00'))).toBe(true); // Saturday morning
    expect(inTimeWindows(night, at('2026-11-28T23:00:00'))).toBe(false);
  });
  it('no windows means always', () => {
    expect(inTimeWindows([], 0)).toBe(true);
  });
});

describe('geofence index', () => {
  const square = (x: number, y: number, d: number): [number, number][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d]];
  const index = new GeofenceIndex([
    fence({ id: 1, rule: 'forbidden', geometry: { type: 'polygon', coordinates: square(118.7, 32.0, 0.01) }, timeWindows: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }] }),
    fence({ id: 2, rule: 'speed_limit', speedLimitKmh: 80, geometry: { type: 'corridor', line: [[118.6, 32.1], [118.9, 32.1]], widthM: 100 } }),
    fence({ id: 3, rule: 'allowed_only', enterpriseId: 7, geometry: { type: 'circle', center: [118.75, 32.05], radiusM: 20_000 } }),
    fence({ id: 4, rule: 'allowed_only', enterpriseId: 8, geometry: { type: 'circle', center: [100, 30], radiusM: 1000 } }),
  ]);
  const weekdayNoon = at('2026-11-23T12:00:00');
  const sunday = at('2026-11-22T12:00:00');

  it('a forbidden zone counts inside its time window only', () => {
    const p = { lon: 118.705, lat: 32.005, ...vehicle };
    expect(index.situation(p, weekdayNoon).forbidden.map((f) => f.id)).toEqual([1]);
    expect(index.situation(p, sunday).forbidden).toEqual([]);
  });

  it('a speed-limit corridor gives its limit within its width only', () => {
    expect(index.situation({ lon: 118.75, lat: 32.1005, ...vehicle }, weekdayNoon).zoneLimitKmh).toBe(80); // ~55 m off the line
    expect(index.situation({ lon: 118.75, lat: 32.102, ...vehicle }, weekdayNoon).zoneLimitKmh).toBeNull(); // ~220 m off
  });

  it('a fence turf cannot build is set aside, the others keep working', () => {
    const broken = new GeofenceIndex([
      fence({ id: 8, rule: 'forbidden', geometry: { type: 'polygon', coordinates: [[118, 32], [118, 32], [118, 32]] } }),
      fence({ id: 9, rule: 'forbidden', geometry: { type: 'circle', center: [118, 32], radiusM: 100 } }),
    ]);
    expect(broken.unusable).toEqual([8]);
    expect(broken.containing(118, 32).map((f) => f.id)).toEqual([9]);
  });

  it('allowed areas bind only their enterprise; outside all of them is a violation', () => {
    expect(index.situation({ lon: 118.75, lat: 32.05, ...vehicle }, weekdayNoon).outsideAllowedArea).toBe(false);
    expect(index.situation({ lon: 119.5, lat: 32.05, ...vehicle }, weekdayNoon).outsideAllowedArea).toBe(true);
    expect(index.situation({ lon: 119.5, lat: 32.05, enterpriseId: 9, regionCode: '320116' }, weekdayNoon).outsideAllowedArea).toBeNull();
  });
});
