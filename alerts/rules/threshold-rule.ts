import type { Severity, ThresholdLevel } from '../alarm-decision.ts';
import type { RuleStep } from './rule-outcome.ts';

export interface Thresholds {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
  deadband: number;
  delayS: number;
}

/** Per-sensor memory of the rule: the level currently alarmed, and a level waiting out its delay. */
export interface ThresholdState {
  readonly level: ThresholdLevel | null;
  readonly pending: { readonly level: ThresholdLevel; readonly since: number } | null;
}

export const initialThresholdState: ThresholdState = { level: null, pending: null };

export type ThresholdOutcome =
  | { kind: 'raise'; level: ThresholdLevel }
  | { kind: 'change'; from: ThresholdLevel; to: ThresholdLevel }
  | { kind: 'clear'; from: ThresholdLevel };

export const severityOf: Record<ThresholdLevel, Severity> = { high_high: 'critical', low_low: 'critical', high: 'major', low: 'major' };
const rank: Record<ThresholdLevel, number> = { high: 1, low: 1, high_high: 2, low_low: 2 };
const isHighSide = (l: ThresholdLevel) => l === 'high' || l === 'high_high';

/** The level the value reaches on its own, ignoring history. */
function reachedLevel(v: number, t: Thresholds): ThresholdLevel | null {
  if (t.highHigh !== null && v >= t.highHigh) return 'high_high';
  if (t.high !== null && v >= t.high) return 'high';
  if (t.lowLow !== null && v <= t.lowLow) return 'low_low';
  if (t.low !== null && v <= t.low) return 'low';
  return null;
}

/** Whether an alarmed level still holds, given the deadband that keeps it from chattering. */
function holds(level: ThresholdLevel, v: number, t: Thresholds): boolean {
  const limit = { high_high: t.highHigh, high: t.high, low: t.low, low_low: t.lowLow }[level];
  if (limit === null) return false;
  return isHighSide(level) ? v > limit - t.deadband : v < limit + t.deadband;
}

function effectiveLevel(current: ThresholdLevel | null, v: number, t: Thresholds): ThresholdLevel | null {
  const reached = reachedLevel(v, t);
  if (current === null) return reached;
  if (reached !== null && (isHighSide(reached) !== isHighSide(current) || rank[reached] >= rank[current])) return reached;
  const ladder: ThresholdLevel[] = isHighSide(current) ? ['high_high', 'high'] : ['low_low', 'low'];
  return ladder.filter((l) => rank[l] <= rank[current]).find((l) => holds(l, v, t)) ?? null;
}

/** Pure step: (state, reading) → (next state, at most one outcome). A new or escalated level must persist for delayS before it fires. */
export function evaluateThreshold(state: ThresholdState, value: number, at: number, t: Thresholds): RuleStep<ThresholdState, ThresholdOutcome> {
  const target = effectiveLevel(state.level, value, t);
  // The same object when nothing changed: the engine then knows without comparing that there is nothing to save.
  if (target === state.level) return { state: state.pending === null ? state : { level: state.level, pending: null }, outcomes: [] };

  const worsening = target !== null && (state.level === null || rank[target] > rank[state.level] || isHighSide(target) !== isHighSide(state.level));
  if (worsening && t.delayS > 0) {
    const since = state.pending?.level === target ? state.pending.since : at;
    if (at - since < t.delayS * 1000) return { state: { level: state.level, pending: { level: target, since } }, outcomes: [] };
  }

  const next: ThresholdState = { level: target, pending: null };
  if (state.level === null) return { state: next, outcomes: [{ kind: 'raise', level: target! }] };
  if (target === null) return { state: next, outcomes: [{ kind: 'clear', from: state.level }] };
  return { state: next, outcomes: [{ kind: 'change', from: state.level, to: target }] };
}
