import { describe, expect, it } from 'vitest';
import { TelemetryPipeline } from '../../../monitor/telemetry-pipeline.ts';
import { SensorLiveState } from '../../../monitor/live-state/sensor-live-state.ts';
import type { SensorReading } from '../../../ingest/ports.ts';
import type { SensorInfo } from '../../../registry/registry-directory.ts';

const sensor = (id: number): SensorInfo => ({
  id, code: `S${id}`, unit: 'm', kind: 'level', deviceId: 7, tankId: 1, tankName: '1#罐', enterpriseId: 1, regionCode: '320116',
  rangeMin: null, rangeMax: null, lowLow: null, low: null, high: null, highHigh: null, deadband: 0, delayS: 0, interruptionTimeoutS: 300,
});
const reading = (sensorId: number, at: number, value: number): SensorReading => ({ sensorId, tankId: 1, enterpriseId: 1, regionCode: '320116', deviceId: 7, value, ts: new Date(at), quality: 'good' });

function setup() {
  const stored: SensorReading[][] = [];
  const evaluated: Array<[number, number]> = [];
  const pushed: Array<{ sensorId: number; value: number; ts: unknown }> = [];
  const live = new SensorLiveState();
  const pipeline = new TelemetryPipeline(
    { writeReadings: async (rs: readonly SensorReading[]) => void stored.push([...rs]) } as never,
    live,
    {} as never,
    { onReading: (r: SensorReading, s: SensorInfo) => evaluated.push([s.id, r.value]) } as never,
    { reading: (_scoped: unknown, payload: { sensorId: number; value: number; ts: unknown }) => pushed.push(payload) } as never,
  );
  return { pipeline, stored, evaluated, pushed, live };
}

describe('TelemetryPipeline', () => {
  it('stores a batch as sent, then applies it oldest first, and a late reading is history, not news', async () => {
    const { pipeline, stored, evaluated, pushed, live } = setup();
    const batch = [reading(1, 3000, 30), reading(2, 1000, 1), reading(1, 1000, 10), reading(1, 2000, 20)];
    await pipeline.acceptReadings(batch, batch.map((r) => sensor(r.sensorId)));
    expect(stored).toEqual([batch]);
    expect(evaluated).toEqual([[2, 1], [1, 10], [1, 20], [1, 30]]);
    expect(live.get(1)).toMatchObject({ value: 30, ts: new Date(3000) });

    await pipeline.acceptReadings([reading(1, 2500, 25)], [sensor(1)]);
    expect(live.get(1)).toMatchObject({ value: 30 });
    expect(evaluated).toHaveLength(4);
    // The push payload serialises its Date as ISO-8601, as the wall expects.
    expect(JSON.parse(JSON.stringify(pushed.at(-1)))).toEqual({ sensorId: 1, tankId: 1, value: 30, ts: new Date(3000).toISOString(), quality: 'good' });
  });
});
