import type { SensorReading, VehiclePosition } from '../ingest/ports.ts';
import type { SensorInfo } from '../registry/registry-directory.ts';
import type { TelemetryWriter } from './telemetry-store/telemetry-writer.ts';
import type { SensorLiveState } from './live-state/sensor-live-state.ts';
import type { VehicleLiveState } from './live-state/vehicle-live-state.ts';
import type { StaleDetector } from './live-state/stale-detector.ts';

/** The rules step, after live state: it sees only news. */
export interface TelemetryRules {
  onReading(reading: SensorReading, sensor: SensorInfo): void;
  onPosition(position: VehiclePosition): void;
}

/** Who may see a pushed item: the enterprise and region it belongs to. */
export interface PushScope {
  enterpriseId: number | null;
  regionCode: string | null;
}

/** The push step, last: what changed on the live picture, for the clients allowed to see it. */
export interface TelemetryPush {
  reading<P extends { sensorId: number }>(scoped: PushScope, payload: P): void;
  position(vehicleId: number, scoped: PushScope, payload: object): void;
}

/**
 * Where accepted telemetry goes, in this order: stored (history keeps everything, late points included),
 * applied to live state, evaluated by the alarm rules (only when it is news), and pushed to the wall.
 */
export class TelemetryPipeline {
  constructor(
    private readonly writer: TelemetryWriter,
    private readonly sensors: SensorLiveState,
    private readonly vehicles: VehicleLiveState,
    private readonly alarms: TelemetryRules,
    private readonly live: TelemetryPush | null,
    private readonly freshness?: StaleDetector,
  ) {}

  /** Resolves once the readings are durable (spooled); live state and rules follow only then. sensors[i] is the sensor of readings[i]. */
  async acceptReadings(readings: readonly SensorReading[], sensors: readonly SensorInfo[]): Promise<void> {
    await this.writer.writeReadings(readings);
    // A batch may list a sensor's readings out of order; apply them oldest first so every step sees them in time order.
    let order: number[] | null = null;
    for (let i = 1; i < readings.length; i++) {
      if (readings[i].ts.getTime() < readings[i - 1].ts.getTime()) {
        order = readings.map((_, k) => k).sort((a, b) => readings[a].ts.getTime() - readings[b].ts.getTime());
        break;
      }
    }
    // Liveness goes by receive time, so the order within the message does not matter here.
    this.freshness?.seen(readings);
    for (let k = 0; k < readings.length; k++) {
      const i = order ? order[k] : k;
      const reading = readings[i];
      if (!this.sensors.apply(reading)) continue;
      this.alarms.onReading(reading, sensors[i]);
      // ts stays a Date until the push tick serialises it (as ISO-8601), so readings superseded within a tick cost no formatting.
      this.live?.reading(reading, { sensorId: reading.sensorId, tankId: reading.tankId, value: reading.value, ts: reading.ts, quality: reading.quality });
    }
  }

  acceptPosition(p: VehiclePosition): void {
    this.writer.writePosition(p);
    const live = this.vehicles.apply(p);
    if (!p.reupload) this.alarms.onPosition(p);
    if (live) {
      this.live?.position(p.vehicleId, live, {
        vehicleId: live.vehicleId,
        plate: live.plate,
        lat: live.lat,
        lon: live.lon,
        speedKmh: live.speedKmh,
        direction: live.direction,
        ts: live.ts.toISOString(),
      });
    }
  }
}
