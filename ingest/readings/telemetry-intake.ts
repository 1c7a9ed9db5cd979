import type { DeviceInfo, RegistryDirectory, SensorInfo } from '../../platform/registries/registry-directory.ts';
import type { SensorReading } from '../telemetry-events.ts';
import { parseTelemetryPayload } from './telemetry-payload.ts';
import { convertUnit } from './unit-conversion.ts';

export interface ReadingSink {
  /** Resolves once the readings are durable; a rejection means they were not taken (e.g. the spool is full). */
  acceptReadings(readings: ReadonlyArray<{ reading: SensorReading; sensor: SensorInfo }>): Promise<void>;
}

export type IntakeError = 'oversize' | 'malformed_json' | 'schema' | 'non_finite' | 'unknown_sensor' | 'unknown_unit' | 'timestamp_out_of_range';

export type IntakeResult = { ok: true; accepted: number } | { ok: false; error: IntakeError; message: string; details?: unknown };

export interface TimestampWindow {
  /** How far ahead of the receive time a gateway clock may run. */
  maxFutureMs: number;
  /** Older than this the reading would fall outside the retention period at once. */
  maxAgeMs: number;
}

/**
 * Turns one device message into readings bound to registered sensors, in the sensor's unit.
 * All or nothing: a bad message changes nothing.
 */
export class TelemetryIntake {
  constructor(
    private readonly directory: RegistryDirectory,
    private readonly sink: ReadingSink,
    private readonly window: TimestampWindow,
  ) {}

  async accept(device: DeviceInfo, payload: Buffer, receivedAt: Date): Promise<IntakeResult> {
    const parsed = parseTelemetryPayload(payload, receivedAt);
    if (!parsed.ok) return parsed;
    const sensors = await this.directory.sensorsOfDevice(device.id);
    const unknown = [...new Set(parsed.readings.filter((r) => !sensors.has(r.sensor)).map((r) => r.sensor))];
    if (unknown.length > 0) {
      return { ok: false, error: 'unknown_sensor', message: `sensor(s) not bound to device ${device.code}: ${unknown.join(', ')}`, details: { sensors: unknown } };
    }
    const earliest = receivedAt.getTime() - this.window.maxAgeMs;
    const latest = receivedAt.getTime() + this.window.maxFutureMs;
    const outOfRange = parsed.readings.filter((r) => r.ts.getTime() < earliest || r.ts.getTime() > latest);
    if (outOfRange.length > 0) {
      return {
        ok: false,
        error: 'timestamp_out_of_range',
        message: `reading time must lie between ${new Date(earliest).toISOString()} and ${new Date(latest).toISOString()} (receive time ${receivedAt.toISOString()})`,
        details: { readings: outOfRange.map((r) => ({ sensor: r.sensor, ts: r.ts.toISOString() })) },
      };
    }
    const readings: Array<{ reading: SensorReading; sensor: SensorInfo }> = [];
    for (const r of parsed.readings) {
      const sensor = sensors.get(r.sensor)!;
      const value = r.unit === undefined ? r.value : convertUnit(r.value, r.unit, sensor.unit);
      if (value === null) {
        return { ok: false, error: 'unknown_unit', message: `unit ${JSON.stringify(r.unit)} cannot be converted to ${JSON.stringify(sensor.unit)} for sensor ${r.sensor}`, details: { sensor: r.sensor, unit: r.unit, sensorUnit: sensor.unit } };
      }
      readings.push({
        sensor,
        reading: {
          sensorId: sensor.id,
          tankId: sensor.tankId,
          enterpriseId: sensor.enterpriseId,
          regionCode: sensor.regionCode,
          deviceId: device.id,
          value,
          ts: r.ts,
          quality: r.quality,
        },
      });
    }
    await this.sink.acceptReadings(readings);
    return { ok: true, accepted: readings.length };
  }
}
