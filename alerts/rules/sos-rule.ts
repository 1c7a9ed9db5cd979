/** SOS (terminal alarm bit 0): the alarm is open while the terminal keeps the bit set. */
export type SosOutcome = { kind: 'none' } | { kind: 'raise' } | { kind: 'clear' };

export function evaluateSos(wasActive: boolean, sosBit: boolean): { active: boolean; outcome: SosOutcome } {
  if (sosBit === wasActive) return { active: wasActive, outcome: { kind: 'none' } };
  return { active: sosBit, outcome: { kind: sosBit ? 'raise' : 'clear' } };
}
