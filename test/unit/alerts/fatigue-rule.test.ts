import { describe, expect, it } from 'vitest';
import { evaluateFatigue, initialFatigueState, type FatigueState } from '../../../alerts/rules/fatigue-rule.ts';
import type { RuleOutcome } from '../../../alerts/rules/rule-outcome.ts';

const params = { continuousS: 4 * 3600, restS: 20 * 60, dailyS: 8 * 3600, drivingSpeedKmh: 5 };
const MIN = 60_000;
// 2026-11-23 08:00 Asia/Shanghai
const T0 = Date.parse('2026-11-23T08:00:00+08:00');

/** Feeds one position per minute: each segment is [minutes, speed]. */
function drive(segments: Array<[number, number]>, start = T0, state: FatigueState = initialFatigueState) {
  const outcomes: Array<RuleOutcome & { at: number }> = [];
  let at = start;
  for (const [minutes, speed] of segments) {
    for (let i = 0; i < minutes; i++) {
      const step = evaluateFatigue(state, { speedKmh: speed, at }, params);
      state = step.state;
      outcomes.push(...step.outcomes.map((o) => ({ ...o, at })));
      at += MIN;
    }
  }
  return { state, outcomes, end: at };
}

describe('fatigue rule (platform-computed, speed-based)', () => {
  it('raises once continuous driving reaches 4 h, not before', () => {
    const under = drive([[240, 60]]); // points at 0..239 min: 239 min of driving
    expect(under.outcomes).toEqual([]);
    const { outcomes } = drive([[242, 60]]);
    expect(outcomes).toEqual([{ type: 'fatigue_continuous', kind: 'raise', value: 4, at: T0 + 240 * MIN }]);
  });

  it('a 19-minute stop does not reset the clock; a 20-minute one does', () => {
    const short = drive([[200, 60], [19, 0], [45, 60]]);
    expect(short.outcomes.filter((o) => o.kind === 'raise').map((o) => o.type)).toEqual(['fatigue_continuous']);
    const rested = drive([[200, 60], [20, 0], [45, 60]]);
    expect(rested.outcomes).toEqual([]);
    expect(rested.state.continuousMs).toBe(44 * MIN);
  });

  it('clears the continuous alarm after a full rest', () => {
    const { outcomes } = drive([[250, 60], [21, 0]]);
    expect(outcomes.map((o) => `${o.type}:${o.kind}`)).toEqual(['fatigue_continuous:raise', 'fatigue_continuous:clear']);
  });

  it('ACC on while standing still is not driving', () => {
    expect(drive([[300, 3]]).outcomes).toEqual([]);
  });

  it('a silent gap as long as the minimum rest counts as rest', () => {
    const first = drive([[200, 60]]);
    const after = drive([[60, 60]], first.end + 25 * MIN, first.state);
    expect(after.outcomes).toEqual([]);
  });

  it('daily cumulative driving over the limit raises, and the next Shanghai day clears it', () => {
    // four stints of 2 h 10 min with 30 min rests: 8 h 40 min of driving in one day
    const day = drive([[131, 60], [30, 0], [131, 60], [30, 0], [131, 60], [30, 0], [131, 60]], Date.parse('2026-11-23T05:00:00+08:00'));
    const raises = day.outcomes.filter((o) => o.kind === 'raise');
    expect(raises.map((o) => o.type)).toEqual(['fatigue_daily']);
    const nextDay = drive([[2, 0]], Date.parse('2026-11-24T00:05:00+08:00'), day.state);
    expect(nextDay.outcomes.map((o) => `${o.type}:${o.kind}`)).toEqual(['fatigue_daily:clear']);
  });

  it('a stretch across midnight counts toward the new day from 00:00 on', () => {
    // 22:00–02:00 in one stint with points every 10 minutes: 2 h of it belong to the 24th
    const tenMinutes = (from: number, n: number, state: FatigueState = initialFatigueState) => {
      for (let i = 0; i < n; i++) state = evaluateFatigue(state, { speedKmh: 60, at: from + i * 10 * MIN }, params).state;
      return state;
    };
    const before = tenMinutes(Date.parse('2026-11-23T22:00:00+08:00'), 12); // last point 23:50
    expect(before.dailyMs).toBe(110 * MIN);
    const across = evaluateFatigue(before, { speedKmh: 60, at: Date.parse('2026-11-24T00:05:00+08:00') }, params).state;
    expect(across).toMatchObject({ day: '2026-11-24', dailyMs: 5 * MIN, continuousMs: 125 * MIN });
    const after = tenMinutes(Date.parse('2026-11-24T00:15:00+08:00'), 11, across); // to 01:55
    expect(after.dailyMs).toBe(115 * MIN);
  });

    it('ignores points out of time order', () => {
    const { state } = drive([[10, 60]]);
    expect(evaluateFatigue(state, { speedKmh: 60, at: T0 }, params)).toEqual({ state, outcomes: [] });
  });

  it('resumes from a persisted (JSON round-tripped) state as if never interrupted', () => {
    const before = drive([[200, 60]]);
    const restored = JSON.parse(JSON.stringify(before.state)) as FatigueState;
    const after = drive([[42, 60]], before.end, restored);
    expect(after.outcomes.map((o) => o.type)).toEqual(['fatigue_continuous']);
  });
});
