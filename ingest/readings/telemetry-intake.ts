import type { DeviceInfo, SensorInfo } from '../../registry/registry-directory.ts';
import type { DeviceDirectory, ReadingSink, SensorReading } from '../ports.ts';
import { parseTelemetryPayload, type ParsedReading } from './telemetry-payload.ts';
import { convertUnit } from './unit-conversion.ts';
import { windowBounds, type TimestampWindow } from '../timestamp-window.ts';

export type IntakeError = 'oversize' | 'malformed_json' | 'schema' | 'non_finite' | 'unknown_sensor' | 'unknown_unit' | 'timestamp_out_of_range';

export type IntakeResult = { ok: true; accepted: number } | { ok: false; error: IntakeError; message: string; details?: unknown };

/**
 * Turns one device message into readings bound to registered sensors, in the sensor's unit.
 * All or nothing: a bad message changes nothing.
 */
export class TelemetryIntake {
  constructor(
    private readonly directory: DeviceDirectory,
    private readonly sink: ReadingSink,
    private readonly window: TimestampWindow,
  ) {}

  async accept(device: DeviceInfo, payload: Buffer, receivedAt: Date): Promise<IntakeResult> {
    const parsed = parseTelemetryPayload(payload, receivedAt);
    if (!parsed.ok) return parsed;
    const sensors = await this.directory.sensorsOfDevice(device.id);
    const { earliest, latest } = windowBounds(this.window, receivedAt);
    const readings = new Array<SensorReading>(parsed.readings.length);
    const bound = new Array<SensorInfo>(parsed.readings.length);
    for (let i = 0; i < parsed.readings.length; i++) {
      const r = parsed.readings[i];
      const sensor = sensors.get(r.sensor);
      const t = r.ts.getTime();
      const value = sensor === undefined || t < earliest || t > latest ? null : r.unit === undefined ? r.value : convertUnit(r.value, r.unit, sensor.unit);
      if (value === null) return refusal(device, parsed.readings, sensors, receivedAt, earliest, latest);
      bound[i] = sensor!;
      readings[i] = { sensorId: sensor!.id, tankId: sensor!.tankId, enterpriseId: sensor!.enterpriseId, regionCode: sensor!.regionCode, deviceId: device.id, value, ts: r.ts, quality: r.quality };
    }
    await this.sink.acceptReadings(readings, bound);
    return { ok: true, accepted: readings.length };
  }
}

/** Why a message is refused, checked in this order over all its readings, so the device hears every offending one. */
function refusal(device: DeviceInfo, readings: readonly ParsedReading[], sensors: Map<string, SensorInfo>, receivedAt: Date, earliest: number, latest: number): IntakeResult & { ok: false } {
  const unknown = [...new Set(readings.filter((r) => !sensors.has(r.sensor)).map((r) => r.sensor))];
  if (unknown.length > 0) {
    return { ok: false, error: 'unknown_sensor', message: `sensor(s) not bound to device ${device.code}: ${unknown.join(', ')}`, details: { sensors: unknown } };
  }
  const outOfRange = readings.filter((r) => r.ts.getTime() < earliest || r.ts.getTime() > latest);
  if (outOfRange.length > 0) {
    return {
      ok: false,
      error: 'timestamp_out_of_range',
      message: `reading time must lie between ${new Date(earliest).toISOString()} and ${new Date(latest).toISOString()} (receive time ${receivedAt.toISOString()})`,
      details: { readings: outOfRange.map((r) => ({ sensor: r.sensor, ts: r.ts.toISOString() })) },
    };
  }
  const r = readings.find((r) => r.unit !== undefined && convertUnit(r.value, r.unit, sensors.get(r.sensor)!.unit) === null)!;
  const sensorUnit = sensors.get(r.sensor)!.unit;
  return { ok: false, error: 'unknown_unit', message: `unit ${JSON.stringify(r.unit)} cannot be converted to ${JSON.stringify(sensorUnit)} for sensor ${r.sensor}`, details: { sensor: r.sensor, unit: r.unit, sensorUnit } };
}
