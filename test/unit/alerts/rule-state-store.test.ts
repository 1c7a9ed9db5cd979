import { describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.ts';
import pino from 'pino';
import { RuleStateStore } from '../../../alerts/rule-state-store.ts';
import { AlarmEngine } from '../../../alerts/alarm-engine.ts';
import type { AlarmStore } from '../../../alerts/alarm-store.ts';

/** Records the rows each write-behind upsert carries. */
function recordingDb() {
  const writes: Array<Array<{ kind: string; id: number; state: unknown }>> = [];
  const db = {
    query: async (_sql: string, params?: readonly unknown[]) => {
      writes.push(JSON.parse(String(params![0])));
      return [];
    },
  } as unknown as Database;
  return { db, writes };
}

describe('rule state write-behind', () => {
  it('writes only what changed: a fresh but equal object (any key order) is not a change; a nested value or a date is', async () => {
    const { db, writes } = recordingDb();
    const store = new RuleStateStore(db, { debounceMs: 60_000 });
    store.set('fatigue', 'vehicle', 1, { drivingSince: 1000, day: { date: '2026-11-23', s: 60 } });
    store.set('offline', 'vehicle', 1, { at: new Date('2026-11-23T00:00:00Z') });
    await store.flush();
    expect(writes.flat().map((r) => r.kind).sort()).toEqual(['fatigue', 'offline']);

    store.set('fatigue', 'vehicle', 1, { day: { s: 60, date: '2026-11-23' }, drivingSince: 1000 });
    store.set('offline', 'vehicle', 1, { at: new Date('2026-11-23T00:00:00Z') });
    await store.flush();
    expect(writes).toHaveLength(1);

    store.set('fatigue', 'vehicle', 1, { drivingSince: 1000, day: { date: '2026-11-23', s: 61 } });
    store.set('offline', 'vehicle', 1, { at: new Date('2026-11-23T00:00:01Z') });
    await store.flush();
    expect(writes[1].map((r) => [r.kind, r.state]).sort()).toEqual([
      ['fatigue', { drivingSince: 1000, day: { date: '2026-11-23', s: 61 } }],
      ['offline', { at: '2026-11-23T00:00:01.000Z' }],
    ]);
    expect(store.get('fatigue', 'vehicle', 1)).toEqual({ drivingSince: 1000, day: { date: '2026-11-23', s: 61 } });
  });
});

describe('offline clock in rule state', () => {
  it('a vehicle heard from again moves its offline clock in memory without a write; the first sighting is written', async () => {
    const { db, writes } = recordingDb();
    const state = new RuleStateStore(db, { debounceMs: 60_000 });
    let now = Date.parse('2026-11-23T10:00:00+08:00');
    const engine = new AlarmEngine({} as AlarmStore, pino({ level: 'silent' }), state, { now: () => now });
    const report = () =>
      engine.onPosition({
        vehicleId: 1, plate: '辽N·D2871', enterpriseId: 1, regionCode: '211321', lat: 41.52, lon: 120.4, altitude: 0, speedKmh: 0, direction: 0,
        ts: new Date(now), alarmBits: 0, statusBits: 3, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false,
      });
    report();
    await state.flush();
    const offlineWrites = () => writes.flat().filter((r) => r.kind === 'offline');
    expect(offlineWrites()).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      now += 1000;
      report();
    }
    await state.flush();
    expect(offlineWrites()).toHaveLength(1);
    expect(state.entries<{ rule: { lastSeen: number } }>('offline')[0].state.rule.lastSeen).toBe(now);
  });
});
