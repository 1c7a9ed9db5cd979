import { describe, expect, it } from 'vitest';
import { TelemetryIntake } from '../../../ingest/readings/telemetry-intake.ts';
import type { SensorReading } from '../../../ingest/ports.ts';
import type { RegistryDirectory, SensorInfo } from '../../../registry/registry-directory.ts';

const sensor = (id: number, code: string, unit: string): SensorInfo => ({
  id, code, unit, kind: 'pressure', deviceId: 7, tankId: 1, tankName: '1#罐', enterpriseId: 1, regionCode: '320116',
  rangeMin: null, rangeMax: null, lowLow: null, low: null, high: null, highHigh: null, deadband: 0, delayS: 0, interruptionTimeoutS: 300,
});
const sensors = new Map([
  ['PT1', sensor(1, 'PT1', 'MPa')],
  ['TT1', sensor(2, 'TT1', '°C')],
]);
const directory = { sensorsOfDevice: async () => sensors } as unknown as RegistryDirectory;
const device = { id: 7, code: 'GW-1', enterpriseId: 1 };
const now = new Date('2026-11-23T08:00:00Z');

function setup() {
  const taken: SensorReading[] = [];
  const intake = new TelemetryIntake(directory, { acceptReadings: async (rs) => void taken.push(...rs) }, { maxFutureMs: 300_000, maxAgeMs: 90 * 86_400_000 });
  const accept = (body: unknown) => intake.accept(device, Buffer.from(JSON.stringify(body)), now);
  return { taken, accept };
}

describe('telemetry intake', () => {
  it('converts a known unit to the sensor unit and keeps the gateway timestamp', async () => {
    const { taken, accept } = setup();
    const result = await accept({ readings: [{ sensor: 'PT1', value: 1500, unit: 'kPa', ts: '2026-11-23T15:59:00+08:00' }, { sensor: 'TT1', value: 68, unit: '°F' }] });
    expect(result).toEqual({ ok: true, accepted: 2 });
    expect(taken.map((r) => [r.sensorId, r.value, r.ts.toISOString()])).toEqual([
      [1, 1.5, '2026-11-23T07:59:00.000Z'],
      [2, 20, now.toISOString()],
    ]);
  });

  it.each([
    ['an unknown unit', { sensor: 'PT1', value: 1, unit: 'psi' }, 'unknown_unit'],
    ['a unit of another dimension', { sensor: 'TT1', value: 1, unit: 'kPa' }, 'unknown_unit'],
    ['a reading 10 minutes in the future', { sensor: 'PT1', value: 1, ts: now.getTime() + 600_000 }, 'timestamp_out_of_range'],
    ['a reading older than the retention', { sensor: 'PT1', value: 1, ts: now.getTime() - 91 * 86_400_000 }, 'timestamp_out_of_range'],
    ['a foreign or unknown sensor', { sensor: 'OTHER', value: 1 }, 'unknown_sensor'],
  ])('rejects %s and takes nothing from the message', async (_what, bad, error) => {
    const { taken, accept } = setup();
    const result = await accept({ readings: [{ sensor: 'PT1', value: 1 }, bad] });
    expect(result).toMatchObject({ ok: false, error });
    expect(taken).toEqual([]);
  });

  it('names every offending reading, unknown sensors before times before units, whatever their order in the batch', async () => {
    const { taken, accept } = setup();
    const badUnit = { sensor: 'PT1', value: 1, unit: 'psi' };
    const future = { sensor: 'TT1', value: 1, ts: now.getTime() + 600_000 };
    expect(await accept({ readings: [badUnit, future, { sensor: 'X1', value: 1 }, { sensor: 'X2', value: 1 }] })).toMatchObject({ error: 'unknown_sensor', details: { sensors: ['X1', 'X2'] } });
    expect(await accept({ readings: [badUnit, future, { ...future, sensor: 'PT1' }] })).toMatchObject({ error: 'timestamp_out_of_range', details: { readings: [{ sensor: 'TT1' }, { sensor: 'PT1' }] } });
    expect(await accept({ readings: [{ sensor: 'TT1', value: 1 }, badUnit] })).toMatchObject({ error: 'unknown_unit', details: { sensor: 'PT1', unit: 'psi', sensorUnit: 'MPa' } });
    expect(taken).toEqual([]);
  });

  it('accepts a reading a little in the future (gateway clock skew)', async () => {
    const { accept } = setup();
    expect(await accept({ sensor: 'PT1', value: 1, ts: now.getTime() + 60_000 })).toEqual({ ok: true, accepted: 1 });
  });
});
