import { describe, expect, it } from 'vitest';
import { evaluateSos } from '../../../alerts/rules/sos-rule.ts';

describe('SOS rule', () => {
  it('raises once when the bit appears, stays quiet while it holds, clears when it drops', () => {
    const bits = [false, true, true, true, false, false];
    let active = false;
    const outcomes = bits.map((bit) => {
      const step = evaluateSos(active, bit);
      active = step.state;
      return step.outcomes.map((o) => o.kind).join() || 'none';
    });
    expect(outcomes).toEqual(['none', 'raise', 'none', 'none', 'clear', 'none']);
  });
});
