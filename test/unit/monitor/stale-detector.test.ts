import { describe, expect, it } from 'vitest';
import { StaleDetector } from '../../../monitor/live-state/stale-detector.ts';
import type { DataInterruptionEvent } from '../../../ingest/ports.ts';

function setup() {
  let now = 1_000_000;
  const detector = new StaleDetector(() => now);
  const events: DataInterruptionEvent[] = [];
  detector.onEvent((e) => events.push(e));
  detector.watch([
    { id: 1, deviceId: 10, interruptionTimeoutS: 60 },
    { id: 2, deviceId: 10, interruptionTimeoutS: 300 },
    { id: 3, deviceId: 20, interruptionTimeoutS: 60 },
    { id: 4, deviceId: null, interruptionTimeoutS: 60 },
  ]);
  return { detector, events, advance: (s: number) => (now += s * 1000), now: () => now };
}

describe('data interruption', () => {
  it('marks a sensor stale once when silent past its own timeout, and restores it on the next reading', () => {
    const { detector, events, advance, now } = setup();
    detector.seen([{ sensorId: 1 }]);
    events.length = 0;
    const lastSeen = now();
    advance(60);
    detector.check();
    expect(events).toEqual([]);
    advance(1);
    detector.check();
    detector.check();
    expect(events).toEqual([
      { kind: 'data_interruption', sensorId: 1, since: new Date(lastSeen), cause: 'silence' },
      { kind: 'data_interruption', sensorId: 3, since: new Date(lastSeen), cause: 'silence' },
    ]);
    expect(detector.isStale(1)).toBe(true);
    expect(detector.isStale(2)).toBe(false);
    events.length = 0;
    detector.seen([{ sensorId: 1 }]);
    expect(events).toEqual([{ kind: 'data_restored', sensorId: 1, at: new Date(now()) }]);
    expect(detector.isStale(1)).toBe(false);
  });

  it('a gateway disconnect interrupts all its sensors at once, and only its own', () => {
    const { detector, events, now } = setup();
    detector.seen([{ sensorId: 1 }]);
    detector.seen([{ sensorId: 2 }]);
    detector.seen([{ sensorId: 3 }]);
    events.length = 0;
    detector.deviceDisconnected(10);
    detector.deviceDisconnected(10);
    expect(events).toEqual([
      { kind: 'data_interruption', sensorId: 1, since: new Date(now()), cause: 'disconnect' },
      { kind: 'data_interruption', sensorId: 2, since: new Date(now()), cause: 'disconnect' },
    ]);
  });

  it('reports a restore on the first reading after start, so an alarm left open by an earlier run is cleared', () => {
    const { detector, events } = setup();
    detector.seen([{ sensorId: 2 }]);
    detector.seen([{ sensorId: 2 }]);
    expect(events.map((e) => [e.kind, e.sensorId])).toEqual([['data_restored', 2]]);
  });

  it('ignores sensors without a device and stops watching removed ones', () => {
    const { detector, events, advance } = setup();
    detector.watch([{ id: 1, deviceId: 10, interruptionTimeoutS: 60 }]);
    advance(3600);
    detector.check();
    expect(events.map((e) => e.sensorId)).toEqual([1]);
  });
});
