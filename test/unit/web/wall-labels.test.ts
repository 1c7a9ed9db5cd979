import { describe, expect, it } from 'vitest';
// @ts-expect-error: the wall is plain browser JavaScript without type declarations
import { alarmTypeLabel, alarmHandlingState, setAlarmTypeLabels } from '../../../web/public/wall/labels.js';

describe('wall labels', () => {
  it('name alarm types with the names loaded from the server, the level for thresholds and the code until loaded', () => {
    expect(alarmTypeLabel({ type: 'terminal_rollover' })).toBe('terminal_rollover');
    setAlarmTypeLabels({ threshold: '超限报警', terminal_rollover: '终端侧翻预警' });
    expect(alarmTypeLabel({ type: 'terminal_rollover' })).toBe('终端侧翻预警');
    expect(alarmTypeLabel({ type: 'threshold' })).toBe('超限报警');
    expect(alarmTypeLabel({ type: 'threshold', level: 'high_high' })).toBe('高高报');
  });

  it('derive the handling state shown as data-state', () => {
    const a = { active: true, acknowledged: false, disposedAt: null, closedAt: null };
    expect(alarmHandlingState(a)).toBe('active-unacked');
    expect(alarmHandlingState({ ...a, acknowledged: true })).toBe('active-acked');
    expect(alarmHandlingState({ ...a, active: false })).toBe('cleared-unacked');
    expect(alarmHandlingState({ ...a, active: false, acknowledged: true })).toBe('cleared-acked');
    expect(alarmHandlingState({ ...a, acknowledged: true, disposedAt: '2026-01-01T00:00:00Z' })).toBe('disposed');
    expect(alarmHandlingState({ ...a, acknowledged: true, disposedAt: 'x', closedAt: '2026-01-01T01:00:00Z' })).toBe('closed');
  });
});
