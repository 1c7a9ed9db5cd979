import { describe, expect, it } from 'vitest';
import { evaluateOverspeed, initialOverspeedState, type OverspeedState } from '../../../alerts/rules/overspeed-rule.ts';

function run(points: Array<[number, number]>, limitKmh = 60, sustainS = 10, state: OverspeedState = initialOverspeedState) {
  const out: string[] = [];
  for (const [s, speedKmh] of points) {
    const step = evaluateOverspeed(state, { speedKmh, at: s * 1000, limitKmh }, { sustainS });
    state = step.state;
    out.push(...step.outcomes.map((o) => `${s}:${o.kind}`));
  }
  return { out, state };
}

describe('overspeed rule (platform-computed)', () => {
  it('raises only once the speed stays over the limit for the sustain time', () => {
    expect(run([[0, 70], [5, 72], [9, 75]]).out).toEqual([]);
    expect(run([[0, 70], [5, 72], [10, 75], [15, 80]]).out).toEqual(['10:raise']);
  });

  it('a dip to the limit restarts the duration', () => {
    expect(run([[0, 70], [5, 60], [6, 70], [15, 70], [16, 70]]).out).toEqual(['16:raise']);
  });

  it('clears when back at or under the limit', () => {
    expect(run([[0, 70], [10, 70], [20, 59]]).out).toEqual(['10:raise', '20:clear']);
  });

  it('a late point (older than the last) neither restarts nor completes the duration', () => {
    expect(run([[0, 70], [8, 70], [5, 40], [10, 70]]).out).toEqual(['10:raise']);
  });

  it('a duration in progress survives a restart (state persisted as JSON)', () => {
    const before = run([[0, 90], [6, 90]]);
    const after = run([[10, 90]], 60, 10, JSON.parse(JSON.stringify(before.state)));
    expect(after.out).toEqual(['10:raise']);
  });
});
