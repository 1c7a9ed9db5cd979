import type { DeviceInfo, RegistryDirectory, SensorInfo } from '../../platform/registries/registry-directory.ts';
import type { SensorReading } from '../telemetry-events.ts';
import { parseTelemetryPayload } from './telemetry-payload.ts';

export interface ReadingSink {
  acceptReadings(readings: ReadonlyArray<{ reading: SensorReading; sensor: SensorInfo }>): void;
}

export type IntakeResult =
  | { ok: true; accepted: number }
  | { ok: false; error: 'oversize' | 'malformed_json' | 'schema' | 'unknown_sensor'; message: string; details?: unknown };

/** Turns one device message into readings bound to registered sensors. All or nothing: a bad message changes nothing. */
export class TelemetryIntake {
  constructor(
    private readonly directory: RegistryDirectory,
    private readonly sink: ReadingSink,
  ) {}

  async accept(device: DeviceInfo, payload: Buffer, receivedAt: Date): Promise<IntakeResult> {
    const parsed = parseTelemetryPayload(payload, receivedAt);
    if (!parsed.ok) return parsed;
    const sensors = await this.directory.sensorsOfDevice(device.id);
    const unknown = [...new Set(parsed.readings.filter((r) => !sensors.has(r.sensor)).map((r) => r.sensor))];
    if (unknown.length > 0) {
      return { ok: false, error: 'unknown_sensor', message: `sensor(s) not bound to device ${device.code}: ${unknown.join(', ')}`, details: { sensors: unknown } };
    }
    const readings = parsed.readings.map((r) => {
      const sensor = sensors.get(r.sensor)!;
      const reading: SensorReading = {
        sensorId: sensor.id,
        tankId: sensor.tankId,
        enterpriseId: sensor.enterpriseId,
        regionCode: sensor.regionCode,
        deviceId: device.id,
        value: r.value,
        ts: r.ts,
        quality: r.quality,
      };
      return { reading, sensor };
    });
    this.sink.acceptReadings(readings);
    return { ok: true, accepted: readings.length };
  }
}
