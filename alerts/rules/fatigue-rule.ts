import { shanghaiClock } from '../../platform/time/shanghai-calendar.ts';
import type { RuleOutcome, RuleStep } from './rule-outcome.ts';

export interface FatigueParams {
  continuousS: number;
  restS: number;
  dailyS: number;
  drivingSpeedKmh: number;
}

/** Per-vehicle driving clocks, in ms; persisted so a restart keeps them. */
export interface FatigueState {
  readonly lastAt: number | null;
  readonly lastDriving: boolean;
  readonly continuousMs: number;
  readonly restSince: number | null;
  readonly day: string | null;
  readonly dailyMs: number;
  readonly continuousActive: boolean;
  readonly dailyActive: boolean;
}

export const initialFatigueState: FatigueState = {
  lastAt: null,
  lastDriving: false,
  continuousMs: 0,
  restSince: null,
  day: null,
  dailyMs: 0,
  continuousActive: false,
  dailyActive: false,
};

/**
 * Pure step over one live position. "Driving" is speed above `drivingSpeedKmh` (not ACC); the interval since the
 * previous point counts as that point's state. A stop of `restS` or more (or a silent gap that long, usually the
 * ignition off) resets continuous driving; a shorter stop does not. Daily driving sums per Asia/Shanghai calendar day
 * (JT/T 808 "当天累计驾驶"), a stretch across midnight split at 00:00.
 */
export function evaluateFatigue(state: FatigueState, e: { speedKmh: number; at: number }, p: FatigueParams): RuleStep<FatigueState> {
  if (state.lastAt !== null && e.at <= state.lastAt) return { state, outcomes: [] };
  const outcomes: RuleOutcome[] = [];
  const driving = e.speedKmh > p.drivingSpeedKmh;
  const restMs = p.restS * 1000;
  const gap = state.lastAt === null ? 0 : e.at - state.lastAt;
  let { continuousMs, restSince, dailyMs, continuousActive, dailyActive } = state;

  const day = shanghaiClock(e.at).date;
  if (state.day !== null && day !== state.day) {
    dailyMs = 0;
    if (dailyActive) outcomes.push({ type: 'fatigue_daily', kind: 'clear', value: null });
    dailyActive = false;
  }

  if (gap >= restMs) {
    continuousMs = 0;
    restSince = null;
  } else if (state.lastDriving) {
    continuousMs += gap;
    // A stretch across midnight counts toward the new day from 00:00 on.
    dailyMs += state.day === day ? gap : Math.min(gap, e.at - Date.parse(`${day}T00:00:00+08:00`));
  } else if (restSince !== null && e.at - restSince >= restMs) {
    continuousMs = 0;
  }
  if (continuousMs === 0 && continuousActive) {
    outcomes.push({ type: 'fatigue_continuous', kind: 'clear', value: null });
    continuousActive = false;
  }
  restSince = driving ? null : (restSince ?? e.at);

  if (!continuousActive && continuousMs >= p.continuousS * 1000) {
    continuousActive = true;
    outcomes.push({ type: 'fatigue_continuous', kind: 'raise', value: hours(continuousMs) });
  }
  if (!dailyActive && dailyMs > p.dailyS * 1000) {
    dailyActive = true;
    outcomes.push({ type: 'fatigue_daily', kind: 'raise', value: hours(dailyMs) });
  }
  return { state: { lastAt: e.at, lastDriving: driving, continuousMs, restSince, day, dailyMs, continuousActive, dailyActive }, outcomes };
}

const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;

/** Driving time as of `now`, for a vehicle page: the stored clocks plus the stretch since the last position. */
export function drivingClocks(state: FatigueState, now: number, p: FatigueParams): { continuousS: number; dailyS: number; driving: boolean } {
  if (state.lastAt === null) return { continuousS: 0, dailyS: 0, driving: false };
  const restMs = p.restS * 1000;
  const gap = Math.max(0, now - state.lastAt);
  const today = shanghaiClock(now).date;
  const silentRest = gap >= restMs;
  const stoppedRest = !state.lastDriving && state.restSince !== null && now - state.restSince >= restMs;
  const running = state.lastDriving && !silentRest ? gap : 0;
  const continuousMs = silentRest || stoppedRest ? 0 : state.continuousMs + running;
  const sinceMidnight = now - Date.parse(`${today}T00:00:00+08:00`);
  const dailyMs = (state.day === today ? state.dailyMs : 0) + Math.min(running, sinceMidnight);
  return { continuousS: Math.round(continuousMs / 1000), dailyS: Math.round(dailyMs / 1000), driving: state.lastDriving && !silentRest };
}
