import type { RuleStep } from './rule-outcome.ts';

export interface OfflineState {
  readonly lastSeen: number;
  readonly active: boolean;
}

/** Pure step: any traffic marks the vehicle seen (and clears an open alarm); a sweep raises once it is silent past `timeoutS`. */
export function evaluateOffline(
  state: OfflineState | undefined,
  e: { kind: 'seen' | 'sweep'; at: number },
  p: { timeoutS: number },
): RuleStep<OfflineState | undefined> {
  if (e.kind === 'seen') return { state: { lastSeen: e.at, active: false }, outcomes: state?.active ? [{ type: 'offline', kind: 'clear', value: null }] : [] };
  if (!state || state.active || e.at - state.lastSeen < p.timeoutS * 1000) return { state, outcomes: [] };
  return { state: { ...state, active: true }, outcomes: [{ type: 'offline', kind: 'raise', value: Math.round((e.at - state.lastSeen) / 1000) }] };
}
