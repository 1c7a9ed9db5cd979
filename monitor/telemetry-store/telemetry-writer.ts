import { Point, type WriteApi } from '@influxdata/influxdb-client';
import type { Logger } from 'pino';
import type { InfluxConnection, TelemetryStoreSpec } from '../../platform/influx/influx-connection.ts';
import type { SensorReading, VehiclePosition } from '../../ingest/telemetry-events.ts';
import { MEASUREMENT_POSITION, MEASUREMENT_READING } from './telemetry-schema.ts';

export interface WriterStats {
  pointsWritten: number;
  pointsFailed: number;
  lastError: string | null;
}

/** Batches telemetry into InfluxDB through the client's WriteApi (5,000-line batches, 1 s flush). */
export class TelemetryWriter {
  readonly stats: WriterStats = { pointsWritten: 0, pointsFailed: 0, lastError: null };
  private readonly sensorApi: WriteApi;
  private readonly trackApi: WriteApi;

  constructor(conn: InfluxConnection, stores: { sensor: TelemetryStoreSpec; track: TelemetryStoreSpec }, private readonly log: Logger) {
    const options = (what: string) => ({
      batchSize: 5000,
      flushInterval: 1000,
      maxBufferLines: 200_000,
      maxRetries: 10,
      writeSuccess: (lines: string[]) => {
        this.stats.pointsWritten += lines.length;
      },
      writeFailed: (error: Error, lines: string[], attempt: number, expires: number) => {
        this.stats.lastError = error.message;
        this.log.warn({ err: error.message, lines: lines.length, attempt, what }, 'InfluxDB write failed, will retry');
        if (Date.now() >= expires) this.stats.pointsFailed += lines.length;
      },
      writeRetrySkipped: (entry: { lines: string[] }) => {
        this.stats.pointsFailed += entry.lines.length;
        this.log.error({ lines: entry.lines.length, what }, 'InfluxDB retry buffer overflow: lines dropped');
      },
    });
    this.sensorApi = conn.writeApi(stores.sensor, options('sensor'));
    this.trackApi = conn.writeApi(stores.track, options('track'));
  }

  writeReadings(readings: readonly SensorReading[]): void {
    this.sensorApi.writePoints(
      readings.map((r) =>
        new Point(MEASUREMENT_READING)
          .tag('sensor_id', String(r.sensorId))
          .tag('tank_id', String(r.tankId))
          .tag('enterprise_id', String(r.enterpriseId))
          .floatField('value', r.value)
          .stringField('quality', r.quality)
          .timestamp(r.ts),
      ),
    );
  }

  writePosition(p: VehiclePosition): void {
    this.trackApi.writePoint(
      new Point(MEASUREMENT_POSITION)
        .tag('vehicle_id', String(p.vehicleId))
        .tag('enterprise_id', String(p.enterpriseId))
        .floatField('lat', p.lat)
        .floatField('lon', p.lon)
        .floatField('speed', p.speedKmh)
        .intField('direction', p.direction)
        .intField('altitude', p.altitude)
        .intField('alarm', p.alarmBits)
        .intField('status', p.statusBits)
        .booleanField('fixed', p.fixed)
        .booleanField('reupload', p.reupload)
        .timestamp(p.ts),
    );
  }

  async flush(): Promise<void> {
    await Promise.all([this.sensorApi.flush(), this.trackApi.flush()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.sensorApi.close(), this.trackApi.close()]);
  }
}
