import type { RuleStep } from './rule-outcome.ts';

/** Per-vehicle memory: the last point's time, when the speed first went over the limit, and whether the alarm is open. */
export interface OverspeedState {
  readonly lastAt: number | null;
  readonly since: number | null;
  readonly active: boolean;
}
export const initialOverspeedState: OverspeedState = { lastAt: null, since: null, active: false };

/** Pure step: over `limitKmh` continuously for `sustainS` raises; back at or under the limit clears. Late points are ignored. */
export function evaluateOverspeed(
  state: OverspeedState,
  e: { speedKmh: number; at: number; limitKmh: number },
  params: { sustainS: number },
): RuleStep<OverspeedState> {
  if (state.lastAt !== null && e.at <= state.lastAt) return { state, outcomes: [] };
  if (e.speedKmh <= e.limitKmh) {
    return { state: { lastAt: e.at, since: null, active: false }, outcomes: state.active ? [{ type: 'overspeed', kind: 'clear', value: e.speedKmh }] : [] };
  }
  const since = state.since ?? e.at;
  if (state.active || e.at - since < params.sustainS * 1000) return { state: { lastAt: e.at, since, active: state.active }, outcomes: [] };
  return { state: { lastAt: e.at, since, active: true }, outcomes: [{ type: 'overspeed', kind: 'raise', value: e.speedKmh }] };
}
