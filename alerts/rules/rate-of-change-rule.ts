import type { RuleStep } from './rule-outcome.ts';

export interface RateState {
  readonly last: { readonly value: number; readonly at: number } | null;
  readonly active: boolean;
}
export const initialRateState: RateState = { last: null, active: false };

/**
 * Pure step over consecutive trustworthy readings: a rise or fall faster than its limit (units per minute) raises,
 * a rate back within both limits clears. Readings out of time order are ignored.
 */
export function evaluateRateOfChange(
  state: RateState,
  e: { value: number; at: number },
  p: { maxRisePerMin: number | null; maxFallPerMin: number | null },
): RuleStep<RateState> {
  if (state.last && e.at <= state.last.at) return { state, outcomes: [] };
  const next = { value: e.value, at: e.at };
  if (!state.last) return { state: { last: next, active: state.active }, outcomes: [] };
  const perMin = ((e.value - state.last.value) / (e.at - state.last.at)) * 60_000;
  const over = (p.maxRisePerMin !== null && perMin > p.maxRisePerMin) || (p.maxFallPerMin !== null && -perMin > p.maxFallPerMin);
  if (over === state.active) return { state: { last: next, active: over }, outcomes: [] };
  return { state: { last: next, active: over }, outcomes: [{ type: 'rate_of_change', kind: over ? 'raise' : 'clear', value: Math.round(perMin * 1000) / 1000 }] };
}
