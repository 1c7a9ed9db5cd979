import { describe, expect, it } from 'vitest';
import { evaluateOffline } from '../../../alerts/rules/offline-rule.ts';
import { evaluateTerminalAlarms, terminalAlarmTypes } from '../../../alerts/rules/terminal-alarm-rule.ts';
import { alarmTypeLabel } from '../../../alerts/alarm-labels.ts';

describe('offline rule', () => {
  it('raises once a vehicle is silent past its timeout, and clears when it is heard again', () => {
    const seen = evaluateOffline(undefined, { kind: 'seen', at: 0 }, { timeoutS: 180 });
    expect(evaluateOffline(seen.state, { kind: 'sweep', at: 179_000 }, { timeoutS: 180 }).outcomes).toEqual([]);
    const off = evaluateOffline(seen.state, { kind: 'sweep', at: 180_000 }, { timeoutS: 180 });
    expect(off.outcomes).toEqual([{ type: 'offline', kind: 'raise', value: 180 }]);
    expect(evaluateOffline(off.state, { kind: 'sweep', at: 400_000 }, { timeoutS: 180 }).outcomes).toEqual([]);
    expect(evaluateOffline(off.state, { kind: 'seen', at: 401_000 }, { timeoutS: 180 }).outcomes).toEqual([{ type: 'offline', kind: 'clear', value: null }]);
  });

  it('a vehicle never heard from is not offline', () => {
    expect(evaluateOffline(undefined, { kind: 'sweep', at: 1e12 }, { timeoutS: 1 }).outcomes).toEqual([]);
  });
});

describe('terminal alarm bits', () => {
  it('maps each bit to its type, raising on set and clearing on drop; SOS (bit 0) and ignored bits are left out', () => {
    const first = evaluateTerminalAlarms(0, (1 << 0) | (1 << 8) | (1 << 29) | (1 << 7), { ignoredBits: [7] });
    expect(first.outcomes.map((o) => `${o.type}:${o.kind}`)).toEqual(['terminal_power_cut:raise', 'terminal_collision:raise']);
    const second = evaluateTerminalAlarms(first.state, (1 << 29) | (1 << 31), { ignoredBits: [7] });
    expect(second.outcomes.map((o) => `${o.type}:${o.kind}`)).toEqual(['terminal_power_cut:clear', 'terminal_illegal_door_open:raise']);
    expect(evaluateTerminalAlarms(second.state, (1 << 29) | (1 << 31), { ignoredBits: [] }).outcomes).toEqual([]);
  });
});

describe('alarm type labels', () => {
  it('name every terminal bit type in Chinese', () => {
    expect(alarmTypeLabel.terminal_collision).toBe('终端碰撞预警');
    expect(Object.values(terminalAlarmTypes).every((t) => alarmTypeLabel[t])).toBe(true);
  });
});
