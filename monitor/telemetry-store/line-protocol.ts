import { Point } from '@influxdata/influxdb-client';
import type { SensorReading, VehiclePosition } from '../../ingest/telemetry-events.ts';
import { MEASUREMENT_POSITION, MEASUREMENT_READING } from './telemetry-schema.ts';

// Millisecond precision, matching the write API's precision.
const ms = { convertTime: (t: string | number | Date | undefined) => (t instanceof Date ? String(t.getTime()) : undefined) };

/** Measurement and tags per sensor, built once: a sensor's line differs from its last one only in fields and time. */
const readingPrefixes = new Map<number, { tankId: number; enterpriseId: number; prefix: string }>();

/** The hot path: tags are integer ids, quality one of two words, value finite (checked at intake), so no escaping is needed. */
export function readingLine(r: SensorReading): string {
  let p = readingPrefixes.get(r.sensorId);
  if (!p || p.tankId !== r.tankId || p.enterpriseId !== r.enterpriseId) {
    p = { tankId: r.tankId, enterpriseId: r.enterpriseId, prefix: `${MEASUREMENT_READING},enterprise_id=${r.enterpriseId},sensor_id=${r.sensorId},tank_id=${r.tankId} quality="` };
    readingPrefixes.set(r.sensorId, p);
  }
  return `${p.prefix}${r.quality}",value=${r.value} ${r.ts.getTime()}`;
}

export function positionLine(p: VehiclePosition): string {
  return new Point(MEASUREMENT_POSITION)
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
    .booleanField('drift', p.drift)
    .booleanField('device_time', p.deviceTime)
    .timestamp(p.ts)
    .toLineProtocol(ms)!;
}
