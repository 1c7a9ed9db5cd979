import type { RuleOutcome } from './rule-outcome.ts';

/** Per-vehicle memory: when the speed first went over the limit, and whether the alarm is open. */
export interface OverspeedState {
  readonly since: number | null;
  readonly active: boolean;
}
export const initialOverspeedState: OverspeedState = { since: null, active: false };

/** Pure step: over `limitKmh` continuously for `sustainS` raises; back at or under the limit clears. */
export function evaluateOverspeed(
  state: OverspeedState,
  e: { speedKmh: number; at: number; limitKmh: number },
  params: { sustainS: number },
): { state: OverspeedState; outcomes: RuleOutcome[] } {
  if (e.speedKmh <= e.limitKmh) {
    return { state: initialOverspeedState, outcomes: state.active ? [{ type: 'overspeed', kind: 'clear', value: e.speedKmh }] : [] };
  }
  const since = state.since ?? e.at;
  if (state.active || e.at - since < params.sustainS * 1000) return { state: { since, active: state.active }, outcomes: [] };
  return { state: { since, active: true }, outcomes: [{ type: 'overspeed', kind: 'raise', value: e.speedKmh }] };
}
