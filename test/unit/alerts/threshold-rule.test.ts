import { describe, expect, it } from 'vitest';
import { evaluateThreshold, initialThresholdState, type ThresholdOutcome, type Thresholds } from '../../../alerts/rules/threshold-rule.ts';

const t: Thresholds = { lowLow: 1, low: 2, high: 10, highHigh: 12, deadband: 0.5, delayS: 0 };

/** Feeds values one second apart and collects every non-trivial outcome. */
function run(values: number[], thresholds: Thresholds = t): ThresholdOutcome[] {
  let state = initialThresholdState;
  const out: ThresholdOutcome[] = [];
  values.forEach((v, i) => {
    const step = evaluateThreshold(state, v, i * 1000, thresholds);
    state = step.state;
    out.push(...step.outcomes);
  });
  return out;
}

describe('threshold rule', () => {
  it('raises at the high threshold and clears only below threshold minus deadband', () => {
    expect(run([9, 10])).toEqual([{ kind: 'raise', level: 'high' }]);
    expect(run([9, 10.2, 9.6, 9.5])).toEqual([{ kind: 'raise', level: 'high' }, { kind: 'clear', from: 'high' }]);
  });

  it('does not flap while the value chatters inside the deadband', () => {
    expect(run([10.1, 9.9, 10.05, 9.7, 10.2, 9.8])).toEqual([{ kind: 'raise', level: 'high' }]);
  });

  it('escalates high → high-high as a change of the same alarm, and steps back down with the deadband', () => {
    expect(run([10.5, 12.1, 11.8, 11.4, 9.4])).toEqual([
      { kind: 'raise', level: 'high' },
      { kind: 'change', from: 'high', to: 'high_high' },
      { kind: 'change', from: 'high_high', to: 'high' },
      { kind: 'clear', from: 'high' },
    ]);
  });

  it('jumps straight to high-high, and a drop far below clears at once', () => {
    expect(run([5, 13, 5])).toEqual([{ kind: 'raise', level: 'high_high' }, { kind: 'clear', from: 'high_high' }]);
  });

  it('handles the low side symmetrically', () => {
    expect(run([3, 2, 0.9, 1.2, 1.6, 2.4, 2.6])).toEqual([
      { kind: 'raise', level: 'low' },
      { kind: 'change', from: 'low', to: 'low_low' },
      { kind: 'change', from: 'low_low', to: 'low' },
      { kind: 'clear', from: 'low' },
    ]);
  });

  it('waits out the delay: a condition shorter than the delay never fires', () => {
    const delayed = { ...t, delayS: 3 };
    expect(run([11, 11, 11, 9], delayed)).toEqual([]);
    expect(run([11, 11, 11, 11], delayed)).toEqual([{ kind: 'raise', level: 'high' }]);
  });

  it('ignores thresholds that are not configured', () => {
    expect(run([100, -100], { lowLow: null, low: null, high: null, highHigh: null, deadband: 0, delayS: 0 })).toEqual([]);
  });
});
