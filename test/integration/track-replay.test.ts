import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startInfluxd, type InfluxdProcess } from '../../platform/influx/influxd-process.ts';
import { connectInflux, ensureInfluxSchema, type InfluxConnection } from '../../platform/influx/influx-connection.ts';
import { telemetryStores } from '../../monitor/telemetry-store/telemetry-schema.ts';
import { TelemetryWriter } from '../../monitor/telemetry-store/telemetry-writer.ts';
import { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import { trackReplay } from '../../monitor/track/track-replay.ts';
import { findStops } from '../../monitor/track/track-stops.ts';
import type { VehiclePosition } from '../../ingest/ports.ts';

const log = pino({ level: 'silent' });
const stores = telemetryStores({ sensorRetentionDays: 90, trackRetentionDays: 190 });
// Inside the retention policy, so dated from the clock, on whole hours.
const base = (Math.floor(Date.now() / 3_600_000) - 30) * 3_600_000;

const position = (vehicleId: number, second: number, over: Partial<VehiclePosition> = {}): VehiclePosition => ({
  vehicleId, plate: '辽N00001', enterpriseId: 1, regionCode: '211321', lat: 41.5 + second * 1e-5, lon: 120.4, altitude: 0, speedKmh: 40, direction: 90,
  ts: new Date(base + second * 1000), alarmBits: 0, statusBits: 0, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false, ...over,
});

describe('track replay and multi-sensor trend on a real InfluxDB', () => {
  let dir: string;
  let influxd: InfluxdProcess;
  let conn: InfluxConnection;
  let writer: TelemetryWriter;
  let reader: TelemetryReader;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-track-'));
    influxd = await startInfluxd({ influxdPath: 'influxd', dataDir: dir, log });
    conn = await connectInflux({ url: influxd.url, database: 'track_test', api: 'auto', influxdPath: 'influxd', sensorRetentionDays: 90, trackRetentionDays: 190, bucket: 'x' } as never);
    await ensureInfluxSchema(conn, Object.values(stores));
    writer = await TelemetryWriter.open(conn, stores, log, { spoolDir: path.join(dir, 'spool'), deadLetterDir: path.join(dir, 'dead-letter'), spoolMaxBytes: 64 * 1024 * 1024 });
    reader = new TelemetryReader(conn, stores);
    // Two hours every 10 s: drive 0–30 min, stand 30–42 min (speed 0), drive on; a blind-area re-upload at 50 min, a drift fix at 60 min.
    const points: VehiclePosition[] = [];
    for (let s = 0; s < 7200; s += 10) {
      const standing = s >= 1800 && s < 2520;
      points.push(position(7, s, { speedKmh: standing ? 0 : 40, lat: standing ? 41.518 : 41.5 + s * 1e-5, reupload: s === 3000, drift: s === 3600 }));
    }
    for (const p of points) writer.writePosition(p);
    writer.writePosition(position(8, 100));
    writer.writeReadings([1, 2].flatMap((sensorId) => [0, 60, 120, 180].map((m) => ({ sensorId, tankId: 1, enterpriseId: 1, regionCode: '211321', deviceId: 1, value: sensorId * 10 + m / 60, ts: new Date(base + m * 60_000), quality: 'good' as const }))));
    await writer.flush();
  });
  afterAll(async () => {
    await writer?.close();
    await influxd?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every position of a small span, flagged, with the 12-minute stop', async () => {
    const r = await trackReplay(reader, 7, new Date(base), new Date(base + 7200_000), 5000);
    expect(r).toMatchObject({ mode: 'full', bucketS: null, total: 720, driftPoints: 1 });
    expect(r.points).toHaveLength(720);
    expect(r.points.find((p) => p.ts.getTime() === base + 3000_000)).toMatchObject({ reupload: true, drift: false });
    expect(r.points.find((p) => p.ts.getTime() === base + 3600_000)).toMatchObject({ drift: true });
    expect(r.stops).toEqual([{ from: new Date(base + 1800_000), to: new Date(base + 2520_000), durationS: 720, lat: 41.518, lon: 120.4 }]);
  });

  it('downsamples above maxPoints (from the 1-min rollup, in whole minutes), keeping re-upload marks, leaving drift out and still finding the stop', async () => {
    const r = await trackReplay(reader, 7, new Date(base), new Date(base + 7200_000), 100);
    expect(r).toMatchObject({ mode: 'downsampled', bucketS: 120, total: 720, driftPoints: 1 });
    expect(r.points.length).toBeLessThanOrEqual(100);
    expect(r.points.some((p) => p.reupload)).toBe(true);
    expect(r.points.every((p) => !p.drift)).toBe(true);
    expect(r.points.reduce((n, p) => n + p.points, 0)).toBe(719);
    expect(r.stops).toEqual([{ from: new Date(base + 1800_000), to: new Date(base + 2520_000), durationS: 720, lat: 41.518, lon: 120.4 }]);
  });

  it('keeps vehicles apart', async () => {
    expect((await trackReplay(reader, 8, new Date(base), new Date(base + 7200_000), 100)).total).toBe(1);
  });

  it('reads several sensors in one trend query', async () => {
    const t = await reader.trendMany([1, 2, 3], new Date(base), new Date(base + 4 * 3600_000), 3600);
    expect(t.map((s) => [s.sensorId, s.points.map((p) => p.mean)])).toEqual([
      [1, [10, 11, 12, 13]],
      [2, [20, 21, 22, 23]],
      [3, []],
    ]);
  });

  it('ends a stop where the truck reappears elsewhere after a silence', () => {
    const s = (t: number, speed: number, lat = 41.5) => ({ ts: t * 1000, lat, lon: 120.4, speedKmh: speed });
    expect(findStops([s(0, 0), s(400, 0), s(3600, 0, 41.6), s(3610, 50, 41.6)]).map((x) => x.durationS)).toEqual([400]);
  });
});
