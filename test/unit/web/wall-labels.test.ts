import { describe, expect, it } from 'vitest';
import { alarmTypeLabel } from '../../../alerts/alarm-labels.ts';
// @ts-expect-error: the wall is plain browser JavaScript without type declarations
import { ALARM_TYPE, alarmTypeLabel as wallTypeLabel, alarmHandlingState } from '../../../web/public/wall/labels.js';

describe('wall labels', () => {
  it('name every alarm type the engine raises exactly as the server does', () => {
    for (const [type, label] of Object.entries(alarmTypeLabel)) expect(ALARM_TYPE[type], type).toBe(label);
    expect(wallTypeLabel({ type: 'terminal_rollover' })).toBe('终端侧翻预警');
    expect(wallTypeLabel({ type: 'threshold', level: 'high_high' })).toBe('高高报');
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
