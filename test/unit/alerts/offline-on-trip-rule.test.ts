import { describe, expect, it } from 'vitest';
import { evaluateOfflineOnTrip } from '../../../alerts/rules/offline-on-trip-rule.ts';
import { alarmTypeLabel } from '../../../alerts/alarm-labels.ts';

describe('offline on trip rule', () => {
  const sweep = (offline: boolean, waybill: string | undefined, silentS = 200) => ({ kind: 'sweep' as const, offline, silentS, waybill });

  it('raises once for an offline vehicle on an in-transit waybill, and clears when it is heard again', () => {
    expect(evaluateOfflineOnTrip(false, sweep(false, 'YD1'))).toEqual({ state: false, outcomes: [] });
    const raised = evaluateOfflineOnTrip(false, sweep(true, 'YD1', 185));
    expect(raised).toEqual({ state: true, outcomes: [{ type: 'offline_on_trip', kind: 'raise', value: 185 }] });
    expect(evaluateOfflineOnTrip(raised.state, sweep(true, 'YD1', 400))).toEqual({ state: true, outcomes: [] });
    expect(evaluateOfflineOnTrip(raised.state, { kind: 'seen' })).toEqual({ state: false, outcomes: [{ type: 'offline_on_trip', kind: 'clear', value: null }] });
  });

  it('an offline vehicle without an in-transit waybill raises nothing; one whose trip starts while it is silent does', () => {
    expect(evaluateOfflineOnTrip(false, sweep(true, undefined))).toEqual({ state: false, outcomes: [] });
    expect(evaluateOfflineOnTrip(false, sweep(true, 'YD2', 900)).outcomes).toEqual([{ type: 'offline_on_trip', kind: 'raise', value: 900 }]);
    expect(evaluateOfflineOnTrip(false, { kind: 'seen' })).toEqual({ state: false, outcomes: [] });
  });

  it('has its Chinese name', () => {
    expect(alarmTypeLabel.offline_on_trip).toBe('运输途中失联');
  });
});
