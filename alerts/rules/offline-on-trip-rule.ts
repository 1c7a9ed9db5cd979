import type { RuleStep } from './rule-outcome.ts';

/**
 * Pure step on top of the offline verdict: a vehicle offline while it has an in-transit waybill raises
 * `offline_on_trip` once (also when the trip starts while it is already silent); its next traffic clears it.
 */
export function evaluateOfflineOnTrip(
  active: boolean,
  e: { kind: 'seen' } | { kind: 'sweep'; offline: boolean; silentS: number; waybill: string | undefined },
): RuleStep<boolean> {
  if (e.kind === 'seen') return { state: false, outcomes: active ? [{ type: 'offline_on_trip', kind: 'clear', value: null }] : [] };
  if (active || !e.offline || e.waybill === undefined) return { state: active, outcomes: [] };
  return { state: true, outcomes: [{ type: 'offline_on_trip', kind: 'raise', value: e.silentS }] };
}
