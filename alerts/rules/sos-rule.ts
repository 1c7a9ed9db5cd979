import type { RuleStep } from './rule-outcome.ts';

/** SOS (terminal alarm bit 0): the alarm is open while the terminal keeps the bit set. */
export function evaluateSos(wasActive: boolean, sosBit: boolean): RuleStep<boolean> {
  if (sosBit === wasActive) return { state: wasActive, outcomes: [] };
  return { state: sosBit, outcomes: [{ type: 'sos', kind: sosBit ? 'raise' : 'clear', value: null }] };
}
