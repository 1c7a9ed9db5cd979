import type { SensorReading, VehiclePosition } from '../ingest/telemetry-events.ts';
import type { AlarmEngine } from '../alerts/alarm-engine.ts';
import type { SensorInfo } from '../platform/registries/registry-directory.ts';
import type { TelemetryWriter } from './telemetry-store/telemetry-writer.ts';
import type { SensorLiveState } from './live-state/sensor-live-state.ts';
import type { VehicleLiveState } from './live-state/vehicle-live-state.ts';
import type { LiveChannel } from './live-push/live-channel.ts';
import type { StaleDetector } from './live-state/stale-detector.ts';

/**
 * Where accepted telemetry goes, in this order: stored (history keeps everything, late points included),
 * applied to live state, evaluated by the alarm rules (only when it is news), and pushed to the wall.
 */
export class TelemetryPipeline {
  constructor(
    private readonly writer: TelemetryWriter,
    private readonly sensors: SensorLiveState,
    private readonly vehicles: VehicleLiveState,
    private readonly alarms: AlarmEngine,
    private readonly live: LiveChannel | null,
    private readonly freshness?: StaleDetector,
  ) {}

  /** Resolves once the readings are durable (spooled); live state and rules follow only then. */
  async acceptReadings(readings: ReadonlyArray<{ reading: SensorReading; sensor: SensorInfo }>): Promise<void> {
    await this.writer.writeReadings(readings.map((r) => r.reading));
    // A batch may list a sensor's readings out of order; apply them oldest first so every step sees them in time order.
    const inTimeOrder = [...readings].sort((a, b) => a.reading.ts.getTime() - b.reading.ts.getTime());
    for (const { reading, sensor } of inTimeOrder) {
      this.freshness?.seen(reading.sensorId);
      if (!this.sensors.apply(reading)) continue;
      this.alarms.onReading(reading, sensor);
      this.live?.reading(reading, {
        sensorId: reading.sensorId,
        tankId: reading.tankId,
        value: reading.value,
        ts: reading.ts.toISOString(),
        quality: reading.quality,
      });
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
