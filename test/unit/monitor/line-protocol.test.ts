import { describe, expect, it } from 'vitest';
import { Point } from '@influxdata/influxdb-client';
import { positionLine, readingLine } from '../../../monitor/telemetry-store/line-protocol.ts';
import type { SensorReading, VehiclePosition } from '../../../ingest/ports.ts';

// The client's own Point is the reference: our hot-path lines must be byte for byte what it writes.
const ms = { convertTime: (t: string | number | Date | undefined) => (t instanceof Date ? String(t.getTime()) : undefined) };

describe('line protocol', () => {
  it('writes positions exactly as the InfluxDB client does', () => {
    const positions: VehiclePosition[] = [
      { vehicleId: 7, plate: '辽N·D2871', enterpriseId: 3, regionCode: '211321', lat: 41.5762, lon: 120.4519, altitude: 172, speedKmh: 62.5, direction: 359, ts: new Date(1_763_000_000_123), alarmBits: 0xffffffff, statusBits: 3, fixed: true, drift: false, deviceTime: true, sos: true, reupload: false },
      { vehicleId: 12_345, plate: '苏A·Y0001', enterpriseId: 1, regionCode: '320116', lat: -33.8688, lon: -0.0000001, altitude: -12, speedKmh: 0, direction: 0, ts: new Date(0), alarmBits: 1, statusBits: 0, fixed: false, drift: true, deviceTime: false, sos: false, reupload: true },
    ];
    for (const p of positions) {
      const reference = new Point('position')
        .tag('vehicle_id', String(p.vehicleId)).tag('enterprise_id', String(p.enterpriseId))
        .floatField('lat', p.lat).floatField('lon', p.lon).floatField('speed', p.speedKmh)
        .intField('direction', p.direction).intField('altitude', p.altitude).intField('alarm', p.alarmBits).intField('status', p.statusBits)
        .booleanField('fixed', p.fixed).booleanField('reupload', p.reupload).booleanField('drift', p.drift).booleanField('device_time', p.deviceTime)
        .timestamp(p.ts).toLineProtocol(ms);
      expect(positionLine(p)).toBe(reference);
    }
  });

  it('writes readings exactly as the InfluxDB client does, also after a sensor moves to another tank', () => {
    const r: SensorReading = { sensorId: 5, tankId: 2, enterpriseId: 9, regionCode: '211321', deviceId: 1, value: 15.25, ts: new Date(1_763_000_000_000), quality: 'good' };
    for (const reading of [r, { ...r, value: -0.5, quality: 'fault' as const }, { ...r, tankId: 3 }]) {
      const reference = new Point('reading')
        .tag('sensor_id', String(reading.sensorId)).tag('tank_id', String(reading.tankId)).tag('enterprise_id', String(reading.enterpriseId))
        .floatField('value', reading.value).stringField('quality', reading.quality).timestamp(reading.ts).toLineProtocol(ms);
      expect(readingLine(reading)).toBe(reference);
    }
  });
});
