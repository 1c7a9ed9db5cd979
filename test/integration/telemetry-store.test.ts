import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startInfluxd, type InfluxdProcess } from '../../platform/influx/influxd-process.ts';
import { connectInflux, ensureInfluxSchema, type InfluxConnection } from '../../platform/influx/influx-connection.ts';
import { telemetryStores } from '../../monitor/telemetry-store/telemetry-schema.ts';
import { TelemetryWriter } from '../../monitor/telemetry-store/telemetry-writer.ts';
import { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import type { SensorReading, VehiclePosition } from '../../ingest/ports.ts';

const log = pino({ level: 'silent' });
const stores = telemetryStores({ sensorRetentionDays: 90, trackRetentionDays: 190 });
// Data must fall inside the retention policies, so it is dated from the clock; whole hours keep 5-minute buckets aligned.
const hoursAgo = (h: number) => (Math.floor(Date.now() / 3_600_000) - h) * 3_600_000;

describe('telemetry store on a real InfluxDB', () => {
  let dir: string;
  let influxd: InfluxdProcess;
  let conn: InfluxConnection;
  let writer: TelemetryWriter;
  let reader: TelemetryReader;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-influx-'));
    influxd = await startInfluxd({ influxdPath: 'influxd', dataDir: dir, log });
    conn = await connectInflux({ url: influxd.url, database: 'telemetry_test', api: 'auto', influxdPath: 'influxd', sensorRetentionDays: 90, trackRetentionDays: 190, bucket: 'x' } as never);
    await ensureInfluxSchema(conn, Object.values(stores));
    writer = await TelemetryWriter.open(conn, stores, log, { spoolDir: path.join(dir, 'spool'), deadLetterDir: path.join(dir, 'dead-letter'), spoolMaxBytes: 64 * 1024 * 1024 });
    reader = new TelemetryReader(conn, stores);
  });
  afterAll(async () => {
    await writer?.close();
    await influxd?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates one retention policy per store with the configured duration, and re-running changes nothing', async () => {
    await ensureInfluxSchema(conn, Object.values(stores));
    const [series] = await conn.query('SHOW RETENTION POLICIES ON "telemetry_test"');
    const byName = Object.fromEntries(series.values.map((v) => [v[0], v[1]]));
    expect(byName).toMatchObject({ sensor: '2160h0m0s', track: '4560h0m0s' });
  });

  it('answers latest value per sensor and mean/min/max per step', async () => {
    const base = hoursAgo(3);
    const reading = (sensorId: number, minute: number, value: number): SensorReading => ({
      sensorId, tankId: 1, enterpriseId: 1, regionCode: '320116', deviceId: 1, value, ts: new Date(base + minute * 60_000), quality: 'good',
    });
    writer.writeReadings([reading(1, 0, 1), reading(1, 1, 3), reading(1, 5, 10), reading(1, 6, 20), reading(2, 2, 7)]);
    await writer.flush();
    expect(writer.stats.pointsWritten).toBe(5);

    const latest = await reader.latestReadings([1, 2, 3]);
    expect(latest.sort((a, b) => a.sensorId - b.sensorId)).toEqual([
      { sensorId: 1, value: 20, ts: new Date(base + 6 * 60_000) },
      { sensorId: 2, value: 7, ts: new Date(base + 2 * 60_000) },
    ]);
    const trend = await reader.trend(1, new Date(base), new Date(base + 10 * 60_000), 300);
    expect(trend).toEqual([
      { ts: new Date(base), mean: 2, min: 1, max: 3 },
      { ts: new Date(base + 300_000), mean: 15, min: 10, max: 20 },
    ]);
  });

  it('replays a vehicle track in time order, with re-uploaded points marked', async () => {
    const base = hoursAgo(2);
    const pos = (s: number, lat: number, reupload: boolean): VehiclePosition => ({
      vehicleId: 9, plate: '苏A·T0009', enterpriseId: 1, regionCode: '320116', lat, lon: 118.8, altitude: 10, speedKmh: 40, direction: 90,
      ts: new Date(base + s * 1000), alarmBits: 0, statusBits: 2, fixed: true, drift: false, deviceTime: true, sos: false, reupload,
    });
    writer.writePosition(pos(30, 32.3, false));
    writer.writePosition(pos(10, 32.1, true));
    writer.writePosition(pos(20, 32.2, true));
    await writer.flush();
    const track = await reader.track(9, new Date(base), new Date(base + 60_000));
    expect(track.map((p) => [p.lat, p.reupload])).toEqual([[32.1, true], [32.2, true], [32.3, false]]);
    expect(await reader.track(9, new Date(base + 40_000), new Date(base + 60_000))).toEqual([]);
  });

  it('moves a point InfluxDB will never take aside, writes the rest, and does not stall the spool behind it', async () => {
    const pos = (vehicleId: number, ts: number, lat: number): VehiclePosition => ({
      vehicleId, plate: '苏A·T0010', enterpriseId: 1, regionCode: '320116', lat, lon: 118.8, altitude: 10, speedKmh: 40, direction: 90,
      ts: new Date(ts), alarmBits: 0, statusBits: 2, fixed: true, drift: false, deviceTime: true, sos: false, reupload: true,
    });
    const base = hoursAgo(1);
    // A terminal whose clock is a year behind: beyond the 190-day track retention, refused by InfluxDB with a 400.
    const stale = base - 365 * 86_400_000;
    writer.writePosition(pos(10, base, 32.1));
    writer.writePosition(pos(10, stale, 32.9));
    writer.writePosition(pos(10, base + 1000, 32.2));
    expect(await writer.flush(30_000)).toBe(true);
    expect((await reader.track(10, new Date(base), new Date(base + 60_000))).map((p) => p.lat)).toEqual([32.1, 32.2]);
    expect(writer.backlog('track').records).toBe(0);
    expect(writer.stats.pointsRejected).toBe(1);
    const deadLetters = await readFile(path.join(dir, 'dead-letter', 'track.lp'), 'utf8');
    const lines = deadLetters.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^# .*beyond retention/);
    expect(lines[1]).toMatch(new RegExp(`^position,enterprise_id=1,vehicle_id=10 .*lat=32\\.9.* ${stale}$`));

    // Later writes go through as before.
    writer.writePosition(pos(10, base + 2000, 32.3));
    expect(await writer.flush(30_000)).toBe(true);
    expect((await reader.track(10, new Date(base), new Date(base + 60_000))).map((p) => p.lat)).toEqual([32.1, 32.2, 32.3]);
  });
});
