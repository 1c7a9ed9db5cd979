import { describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.ts';
import { RuleStateStore } from '../../../alerts/rule-state-store.ts';

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
