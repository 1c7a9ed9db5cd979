import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { startInfluxd, type InfluxdProcess } from '../../platform/influx/influxd-process.ts';
import { connectInflux, ensureInfluxSchema, type InfluxConnection } from '../../platform/influx/influx-connection.ts';
import { telemetryStores } from '../../monitor/telemetry-store/telemetry-schema.ts';
import { TelemetryWriter } from '../../monitor/telemetry-store/telemetry-writer.ts';
import { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import { positionLine } from '../../monitor/telemetry-store/line-protocol.ts';
import { ROLLUP_LEVELS } from '../../monitor/telemetry-store/track-rollup.ts';
import { backfillTrackRollups } from '../../monitor/telemetry-store/track-rollup-backfill.ts';
import { trackReplay } from '../../monitor/track/track-replay.ts';
import type { VehiclePosition } from '../../ingest/ports.ts';

const log = pino({ level: 'silent' });
const stores = telemetryStores({ sensorRetentionDays: 90, trackRetentionDays: 190 });
const [MINUTE, QUARTER] = ROLLUP_LEVELS;
// Inside the retention policy, so dated from the clock, on a whole hour (whole minutes and quarter hours too).
const base = (Math.floor(Date.now() / 3_600_000) - 30) * 3_600_000;

const position = (vehicleId: number, second: number, over: Partial<VehiclePosition> = {}): VehiclePosition => ({
  vehicleId, plate: '辽N00021', enterpriseId: 1, regionCode: '211321', lat: 41.5 + second * 1e-5, lon: 120.4, altitude: 0, speedKmh: 40, direction: 90,
  ts: new Date(base + second * 1000), alarmBits: 0, statusBits: 0, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false, ...over,
});
/** Two hours every 10 s: drive 0–30 min, stand 30–42 min, drive on; a re-upload at 50 min, a drift fix at 60 min. */
const twoHours = (vehicleId: number) => {
  const points: VehiclePosition[] = [];
  for (let s = 0; s < 7200; s += 10) {
    const standing = s >= 1800 && s < 2520;
    points.push(position(vehicleId, s, { speedKmh: standing ? 0 : 40, lat: standing ? 41.518 : 41.5 + s * 1e-5, reupload: s === 3000, drift: s === 3600 }));
  }
  return points;
};
const connect = (url: string, database: string) =>
  connectInflux({ url, database, api: 'auto', influxdPath: 'influxd', sensorRetentionDays: 90, trackRetentionDays: 190, bucket: 'x' } as never);

describe('track rollups on a real InfluxDB', () => {
  let dir: string;
  let influxd: InfluxdProcess;
  let conn: InfluxConnection;
  let writer: TelemetryWriter;
  let reader: TelemetryReader;
  // The writer's clock only ages open partials out of memory; the test moves it.
  let clock = base;
  const openWriter = () =>
    TelemetryWriter.open(conn, stores, log, { spoolDir: path.join(dir, 'spool'), deadLetterDir: path.join(dir, 'dead-letter'), spoolMaxBytes: 64 * 1024 * 1024, now: () => clock });
  const minute = async (vehicleId: number, second: number) => {
    const [s] = await conn.query(
      `SELECT first("first_lat") AS "first_lat", last("last_lat") AS "last_lat", max("max_speed") AS "max_speed", sum("n") AS "n", sum("reupload") AS "reupload", sum("drift") AS "drift", count("n") AS "partials"
       FROM "track"."position_1m" WHERE "vehicle_id" = '${vehicleId}' AND time >= ${(base + second * 1000) * 1e6} AND time < ${(base + second * 1000 + 60_000) * 1e6}`,
    );
    return Object.fromEntries(s.columns.slice(1).map((c, i) => [c, s.values[0][i + 1]]));
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-rollup-'));
    influxd = await startInfluxd({ influxdPath: 'influxd', dataDir: dir, log });
    conn = await connect(influxd.url, 'rollup_test');
    await ensureInfluxSchema(conn, Object.values(stores));
    writer = await openWriter();
    reader = new TelemetryReader(conn, stores);
    for (const p of twoHours(22)) writer.writePosition(p);
    expect(await writer.flush()).toBe(true);
  });
  afterAll(async () => {
    await writer?.close();
    await influxd?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('rolls a minute up as it is written: first and last by time, top speed, count, re-uploads, drift left out', async () => {
    writer.writePosition(position(21, 20, { speedKmh: 50, lat: 41.2 }));
    writer.writePosition(position(21, 40, { speedKmh: 70, lat: 41.4 }));
    writer.writePosition(position(21, 30, { speedKmh: 20, lat: 41.3, reupload: true }));
    writer.writePosition(position(21, 35, { speedKmh: 200, lat: 45, drift: true }));
    expect(await writer.flush()).toBe(true);
    expect(await minute(21, 0)).toEqual({ first_lat: 41.2, last_lat: 41.4, max_speed: 70, n: 3, reupload: 1, drift: 1, partials: 1 });
  });

  it('puts a late re-upload into its bucket, also after the bucket left memory and after a restart', async () => {
    writer.writePosition(position(21, 10, { speedKmh: 10, lat: 41.1, reupload: true }));
    expect(await writer.flush()).toBe(true);
    expect(await minute(21, 0)).toEqual({ first_lat: 41.1, last_lat: 41.4, max_speed: 70, n: 4, reupload: 2, drift: 1, partials: 1 });

    clock += 3_600_000;
    writer.writePosition(position(21, 5, { speedKmh: 90, lat: 41.05, reupload: true }));
    expect(await writer.flush()).toBe(true);
    expect(await minute(21, 0)).toMatchObject({ max_speed: 90, n: 5, reupload: 3, drift: 1, partials: 2 });

    await writer.close();
    writer = await openWriter();
    writer.writePosition(position(21, 50, { speedKmh: 30, lat: 41.5 }));
    expect(await writer.flush()).toBe(true);
    expect(await minute(21, 0)).toMatchObject({ max_speed: 90, n: 6, reupload: 3, drift: 1, partials: 3 });
    // The quarter hour holds the same positions.
    const [q] = await conn.query(`SELECT sum("n"), max("max_speed") FROM "track"."position_15m" WHERE "vehicle_id" = '21' AND time >= ${base * 1e6} AND time < ${(base + 900_000) * 1e6}`);
    expect(q.values[0].slice(1)).toEqual([6, 90]);
  });

  it('replays from the coarsest level whose bucket fits, and from raw positions below a minute', async () => {
    const span = [new Date(base), new Date(base + 7200_000)] as const;
    const rollupBuckets = vi.spyOn(reader, 'rollupBuckets');
    const rawBuckets = vi.spyOn(reader, 'trackBuckets');
    try {
      const byMinute = await trackReplay(reader, 22, ...span, 100);
      expect(byMinute).toMatchObject({ mode: 'downsampled', bucketS: 120, total: 720, driftPoints: 1 });
      expect(rollupBuckets.mock.calls.at(-1)?.[1]).toBe(MINUTE);
      expect(byMinute.points).toHaveLength(60);
      expect(byMinute.points.reduce((n, p) => n + p.points, 0)).toBe(719);
      expect(byMinute.points.filter((p) => p.reupload).map((p) => p.ts.getTime())).toEqual([base + 3000_000]);
      expect(byMinute.points[0]).toMatchObject({ ts: new Date(base), lat: 41.5, speedKmh: 40, points: 12 });

      const byQuarter = await trackReplay(reader, 22, ...span, 7);
      expect(byQuarter).toMatchObject({ mode: 'downsampled', bucketS: 1800, total: 720, driftPoints: 1 });
      expect(byQuarter.points.map((p) => p.points)).toEqual([180, 180, 179, 180]);
      // Beyond two weeks both the drawn buckets and the stop series come from the 15-min level.
      const long = await trackReplay(reader, 22, new Date(base - 20 * 86_400_000), span[1], 100);
      expect(long).toMatchObject({ mode: 'downsampled', bucketS: 18_000, total: 720, driftPoints: 1 });
      expect(rollupBuckets.mock.calls.at(-1)?.slice(1)).toEqual([QUARTER, new Date(base - 20 * 86_400_000), span[1], 900]);
      expect(long.points.reduce((n, p) => n + p.points, 0)).toBe(719);

      expect(rawBuckets).not.toHaveBeenCalled();
      const raw = await trackReplay(reader, 22, ...span, 200);
      expect(raw).toMatchObject({ mode: 'downsampled', bucketS: 36 });
      expect(rawBuckets).toHaveBeenCalledTimes(1);

      expect(await trackReplay(reader, 22, ...span, 1000)).toMatchObject({ mode: 'full', total: 720 });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('finds the 12-minute stop to the minute from the 1-min rollup, and exactly in full detail', async () => {
    const stop = { from: new Date(base + 1800_000), to: new Date(base + 2520_000), durationS: 720, lat: 41.518, lon: 120.4 };
    for (const maxPoints of [100, 7, 1000]) expect((await trackReplay(reader, 22, new Date(base), new Date(base + 7200_000), maxPoints)).stops).toEqual([stop]);
  });

  it('reads history from before the upgrade raw until the backfill has rolled it up, then from rollups', async () => {
    const old = await connect(influxd.url, 'rollup_backfill_test');
    await ensureInfluxSchema(old, Object.values(stores));
    const oldReader = new TelemetryReader(old, stores);
    const api = old.writeApi(stores.track, { batchSize: 10_000, flushInterval: 0 });
    api.writeRecords(twoHours(23).map(positionLine));
    await api.close();
    const span = [new Date(base), new Date(base + 7200_000)] as const;
    expect(await trackReplay(oldReader, 23, ...span, 100)).toMatchObject({ mode: 'downsampled', bucketS: 72, total: 720 });

    const stateFile = path.join(dir, 'backfill.json');
    const cutoff = base + 3 * 3_600_000;
    const lines: string[] = [];
    const progress = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l).msg) });
    expect(await backfillTrackRollups(old, stores.track, { stateFile, log: progress, chunkMs: 3_600_000, now: () => cutoff })).toMatchObject({ vehicles: 1, positions: 720, finished: true });
    expect(lines).toContain('track rollup backfill: finished');
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ cutoff, done: { 23: cutoff }, finished: true });

    const replay = await trackReplay(oldReader, 23, ...span, 100);
    expect(replay).toMatchObject({ mode: 'downsampled', bucketS: 120, total: 720, driftPoints: 1 });
    expect(replay.points.reduce((n, p) => n + p.points, 0)).toBe(719);
    expect(replay.stops.map((s) => s.durationS)).toEqual([720]);
    // Done once: a second run changes nothing.
    expect(await backfillTrackRollups(old, stores.track, { stateFile, log, now: () => cutoff + 60_000 })).toMatchObject({ positions: 0, finished: true });
  });

  it('reads the part of a span before the first rollup raw and the rest from rollups', async () => {
    const late = await connect(influxd.url, 'rollup_split_test');
    await ensureInfluxSchema(late, Object.values(stores));
    const api = late.writeApi(stores.track, { batchSize: 10_000, flushInterval: 0 });
    const points = twoHours(24);
    // The first hour predates the upgrade; the second comes through the writer with its rollups.
    api.writeRecords(points.filter((p) => p.ts.getTime() < base + 3600_000).map(positionLine));
    await api.close();
    const w = await TelemetryWriter.open(late, stores, log, { spoolDir: path.join(dir, 'spool-split'), deadLetterDir: path.join(dir, 'dl-split'), spoolMaxBytes: 16 * 1024 * 1024 });
    for (const p of points.filter((p) => p.ts.getTime() >= base + 3600_000)) w.writePosition(p);
    expect(await w.flush()).toBe(true);
    await w.close();
    const r = new TelemetryReader(late, stores);
    const rawBuckets = vi.spyOn(r, 'trackBuckets');
    const replay = await trackReplay(r, 24, new Date(base), new Date(base + 7200_000), 100);
    expect(replay).toMatchObject({ mode: 'downsampled', bucketS: 120, total: 720, driftPoints: 1 });
    expect(rawBuckets.mock.calls[0].slice(1, 3)).toEqual([new Date(base), new Date(base + 3600_000 + 120_000)]);
    expect(replay.points.reduce((n, p) => n + p.points, 0)).toBe(719);
    expect(replay.points.map((p) => p.ts.getTime())).toEqual(Array.from({ length: 60 }, (_, i) => base + i * 120_000));
    expect(replay.stops.map((s) => s.durationS)).toEqual([720]);
  });
});
