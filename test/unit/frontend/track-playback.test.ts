import { describe, expect, it } from 'vitest';
import { playable, positionAt, runs } from '../../../web/frontend/src/wall/detail/track-playback.ts';
import type { ReplayPoint } from '../../../web/frontend/src/wall/detail/detail-types.ts';

const T0 = Date.parse('2030-03-01T00:00:00Z');
const p = (s: number, lat: number, flags: Partial<Pick<ReplayPoint, 'reupload' | 'drift'>> = {}): ReplayPoint => ({
  ts: new Date(T0 + s * 1000).toISOString(), lat, lon: 120, speedKmh: lat * 10, direction: 90, reupload: false, drift: false, points: 1, ...flags,
});

describe('track replay playback', () => {
  it('interpolates between the fixes around a moment and clamps to the ends', () => {
    const fixes = playable([p(0, 1), p(10, 2), p(20, 4)], false);
    expect(positionAt(fixes, T0 + 5000)).toMatchObject({ lat: 1.5, speedKmh: 15 });
    expect(positionAt(fixes, T0 + 15_000)).toMatchObject({ lat: 3 });
    expect(positionAt(fixes, T0 - 1)).toMatchObject({ lat: 1 });
    expect(positionAt(fixes, T0 + 99_000)).toMatchObject({ lat: 4 });
    expect(positionAt([], T0)).toBeNull();
  });

  it('leaves drift points out unless asked for them', () => {
    const points = [p(0, 1), p(10, 9, { drift: true }), p(20, 2)];
    expect(playable(points, false).map((f) => f.lat)).toEqual([1, 2]);
    expect(playable(points, true).map((f) => f.lat)).toEqual([1, 9, 2]);
  });

  it('splits the path into joined runs of live, re-uploaded and drift points', () => {
    const points = [p(0, 1), p(10, 2), p(20, 3, { reupload: true }), p(30, 4, { reupload: true }), p(40, 5), p(50, 6, { drift: true }), p(60, 7)];
    expect(runs(points, false).map((r) => [r.kind, r.points.map((x) => x.lat)])).toEqual([
      ['live', [1, 2]],
      ['reupload', [2, 3, 4]],
      ['live', [4, 5, 7]],
    ]);
    expect(runs(points, true).map((r) => r.kind)).toEqual(['live', 'reupload', 'live', 'drift', 'live']);
  });
});
