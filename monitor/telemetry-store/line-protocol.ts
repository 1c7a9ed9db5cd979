import type { SensorReading, VehiclePosition } from '../../ingest/ports.ts';
import { MEASUREMENT_POSITION, MEASUREMENT_READING } from './telemetry-schema.ts';

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

const flag = (b: boolean) => (b ? 'T' : 'F');

/** Written directly like readingLine (tags are ids, numbers finite from the decoder); fields in the client's sorted order. */
export function positionLine(p: VehiclePosition): string {
  return (
    `${MEASUREMENT_POSITION},enterprise_id=${p.enterpriseId},vehicle_id=${p.vehicleId} ` +
    `alarm=${p.alarmBits}i,altitude=${p.altitude}i,device_time=${flag(p.deviceTime)},direction=${p.direction}i,drift=${flag(p.drift)},` +
    `fixed=${flag(p.fixed)},lat=${p.lat},lon=${p.lon},reupload=${flag(p.reupload)},speed=${p.speedKmh},status=${p.statusBits}i ${p.ts.getTime()}`
  );
}
