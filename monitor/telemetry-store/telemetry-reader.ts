import type { InfluxConnection, InfluxSeries, TelemetryStoreSpec } from '../../platform/influx/influx-connection.ts';
import { quoteIdent } from '../../platform/influx/influx-connection.ts';
import { MEASUREMENT_POSITION, MEASUREMENT_READING } from './telemetry-schema.ts';
import type { RollupLevel } from './track-rollup.ts';

export interface LatestReading {
  sensorId: number;
  value: number;
  ts: Date;
}
export interface TrendPoint {
  ts: Date;
  mean: number | null;
  min: number | null;
  max: number | null;
}
export interface TrackPoint {
  ts: Date;
  lat: number;
  lon: number;
  speedKmh: number;
  direction: number;
  reupload: boolean;
  drift: boolean;
}

export interface SensorTrend {
  sensorId: number;
  points: TrendPoint[];
}
/** One bucket of a downsampled track: its first good fix, its top speed, and what it held. */
export interface TrackBucket {
  ts: Date;
  lat: number;
  lon: number;
  speedKmh: number;
  maxSpeedKmh: number;
  direction: number;
  points: number;
}

/** A drawn bucket read from a rollup level, with the flags its partials carried. */
export interface RollupBucket extends TrackBucket {
  reupload: number;
  drift: number;
}
/** A stop-finding sample from the 1-min rollup: the bucket's first good fix and its top speed. */
export interface RollupSample {
  ts: number;
  lat: number;
  lon: number;
  speedKmh: number;
}

const rfc3339 = (d: Date) => `'${d.toISOString()}'`;
const idRegex = (ids: readonly number[]) => `/^(${ids.map((i) => Math.trunc(i)).join('|')})$/`;

/** The telemetry queries the product needs, in InfluxQL so they run on 1.x, 2.x and 3.x alike. */
export class TelemetryReader {
  constructor(
    private readonly conn: InfluxConnection,
    private readonly stores: { sensor: TelemetryStoreSpec; track: TelemetryStoreSpec },
  ) {}

  private from(store: TelemetryStoreSpec, measurement: string) {
    return `${quoteIdent(this.conn.database)}.${quoteIdent(store.rp)}.${quoteIdent(measurement)}`;
  }

  async latestReadings(sensorIds: readonly number[]): Promise<LatestReading[]> {
    if (sensorIds.length === 0) return [];
    const series = await this.conn.query(
      `SELECT last("value") FROM ${this.from(this.stores.sensor, MEASUREMENT_READING)} WHERE "sensor_id" =~ ${idRegex(sensorIds)} GROUP BY "sensor_id"`,
    );
    return series.map((s) => ({ sensorId: Number(s.tags?.sensor_id), ts: new Date(Number(s.values[0][0])), value: Number(s.values[0][1]) }));
  }

  async trend(sensorId: number, from: Date, to: Date, stepSeconds: number): Promise<TrendPoint[]> {
    const series = await this.conn.query(
      `SELECT mean("value"), min("value"), max("value") FROM ${this.from(this.stores.sensor, MEASUREMENT_READING)}
       WHERE "sensor_id" = '${Math.trunc(sensorId)}' AND time >= ${rfc3339(from)} AND time < ${rfc3339(to)}
       GROUP BY time(${Math.max(1, Math.trunc(stepSeconds))}s) fill(none)`,
    );
    return rows(series).map((r) => ({ ts: new Date(Number(r.time)), mean: num(r.mean), min: num(r.min), max: num(r.max) }));
  }

  /** Mean/min/max per step for several sensors in one query. */
  async trendMany(sensorIds: readonly number[], from: Date, to: Date, stepSeconds: number): Promise<SensorTrend[]> {
    if (sensorIds.length === 0) return [];
    const series = await this.conn.query(
      `SELECT mean("value"), min("value"), max("value") FROM ${this.from(this.stores.sensor, MEASUREMENT_READING)}
       WHERE "sensor_id" =~ ${idRegex(sensorIds)} AND time >= ${rfc3339(from)} AND time < ${rfc3339(to)}
       GROUP BY time(${Math.max(1, Math.trunc(stepSeconds))}s), "sensor_id" fill(none)`,
    );
    const bySensor = new Map(series.map((s) => [Number(s.tags?.sensor_id), rows([s])]));
    return sensorIds.map((sensorId) => ({
      sensorId,
      points: (bySensor.get(sensorId) ?? []).map((r) => ({ ts: new Date(Number(r.time)), mean: num(r.mean), min: num(r.min), max: num(r.max) })),
    }));
  }

  private trackWhere(vehicleId: number, from: Date, to: Date): string {
    return `"vehicle_id" = '${Math.trunc(vehicleId)}' AND time >= ${rfc3339(from)} AND time < ${rfc3339(to)}`;
  }

  /** How many positions the period holds (drift included). */
  async trackCount(vehicleId: number, from: Date, to: Date): Promise<number> {
    const [s] = await this.conn.query(`SELECT count("lat") FROM ${this.from(this.stores.track, MEASUREMENT_POSITION)} WHERE ${this.trackWhere(vehicleId, from, to)}`);
    return s ? Number(s.values[0][1]) : 0;
  }

  /** The track downsampled in InfluxDB: one bucket per `bucketSeconds`, drift left out. */
  async trackBuckets(vehicleId: number, from: Date, to: Date, bucketSeconds: number): Promise<TrackBucket[]> {
    const series = await this.conn.query(
      `SELECT first("lat") AS "lat", first("lon") AS "lon", mean("speed") AS "speed", max("speed") AS "max_speed", last("direction") AS "direction", count("lat") AS "n"
       FROM ${this.from(this.stores.track, MEASUREMENT_POSITION)} WHERE ${this.trackWhere(vehicleId, from, to)} AND "drift" = false
       GROUP BY time(${Math.max(1, Math.trunc(bucketSeconds))}s) fill(none)`,
    );
    return rows(series)
      .filter((r) => r.lat !== null && r.lat !== undefined)
      .map((r) => ({
        ts: new Date(Number(r.time)),
        lat: Number(r.lat),
        lon: Number(r.lon),
        speedKmh: Number(r.speed),
        maxSpeedKmh: Number(r.max_speed),
        direction: Number(r.direction),
        points: Number(r.n),
      }));
  }

  /** Top speed per bucket (drift included: a drift fix keeps its speed), the cheapest series to find stops on. */
  async speedSeries(vehicleId: number, from: Date, to: Date, bucketSeconds: number): Promise<Array<{ ts: number; maxSpeedKmh: number }>> {
    const series = await this.conn.query(
      `SELECT max("speed") AS "max_speed" FROM ${this.from(this.stores.track, MEASUREMENT_POSITION)} WHERE ${this.trackWhere(vehicleId, from, to)}
       GROUP BY time(${Math.max(1, Math.trunc(bucketSeconds))}s) fill(none)`,
    );
    return rows(series).filter((r) => r.max_speed !== null).map((r) => ({ ts: Number(r.time), maxSpeedKmh: Number(r.max_speed) }));
  }

  /** Start times of the buckets that hold points of the given flag (blind-area re-uploads or drift), with their count. */
  async flaggedBuckets(vehicleId: number, from: Date, to: Date, bucketSeconds: number, flag: 'reupload' | 'drift'): Promise<Map<number, number>> {
    const series = await this.conn.query(
      `SELECT count("lat") AS "n" FROM ${this.from(this.stores.track, MEASUREMENT_POSITION)} WHERE ${this.trackWhere(vehicleId, from, to)} AND "${flag}" = true
       GROUP BY time(${Math.max(1, Math.trunc(bucketSeconds))}s) fill(none)`,
    );
    return new Map(rows(series).filter((r) => Number(r.n) > 0).map((r) => [Number(r.time), Number(r.n)]));
  }

  /** Time of the first raw position in the period, or null. */
  async firstPositionAt(vehicleId: number, from: Date, to: Date): Promise<number | null> {
    const [s] = await this.conn.query(`SELECT "lat" FROM ${this.from(this.stores.track, MEASUREMENT_POSITION)} WHERE ${this.trackWhere(vehicleId, from, to)} ORDER BY time ASC LIMIT 1`);
    return s?.values.length ? Number(s.values[0][0]) : null;
  }

  /** Time of the first rollup partial of a level in the period, or null. */
  async firstRollupAt(vehicleId: number, level: RollupLevel, from: Date, to: Date): Promise<number | null> {
    const [s] = await this.conn.query(`SELECT "n" FROM ${this.from(this.stores.track, level.measurement)} WHERE ${this.trackWhere(vehicleId, from, to)} ORDER BY time ASC LIMIT 1`);
    return s?.values.length ? Number(s.values[0][0]) : null;
  }

  /** Positions (drift included) a rollup level holds for the period. */
  async rollupCount(vehicleId: number, level: RollupLevel, from: Date, to: Date): Promise<number> {
    const [s] = await this.conn.query(`SELECT sum("n") AS "n", sum("drift") AS "drift" FROM ${this.from(this.stores.track, level.measurement)} WHERE ${this.trackWhere(vehicleId, from, to)}`);
    return s ? Number(s.values[0][1] ?? 0) + Number(s.values[0][2] ?? 0) : 0;
  }

  /** The track from a rollup level: its partials merged into buckets of `bucketSeconds` (a multiple of the level's). */
  async rollupBuckets(vehicleId: number, level: RollupLevel, from: Date, to: Date, bucketSeconds: number): Promise<RollupBucket[]> {
    const series = await this.conn.query(
      `SELECT first("first_lat") AS "lat", first("first_lon") AS "lon", sum("speed_sum") AS "speed_sum", max("max_speed") AS "max_speed", last("last_dir") AS "direction",
       sum("n") AS "n", sum("reupload") AS "reupload", sum("drift") AS "drift"
       FROM ${this.from(this.stores.track, level.measurement)} WHERE ${this.trackWhere(vehicleId, from, to)}
       GROUP BY time(${Math.max(1, Math.trunc(bucketSeconds))}s) fill(none)`,
    );
    return rows(series).map((r) => {
      const n = Number(r.n ?? 0);
      return {
        ts: new Date(Number(r.time)),
        lat: Number(r.lat),
        lon: Number(r.lon),
        speedKmh: n > 0 ? Number(r.speed_sum) / n : 0,
        maxSpeedKmh: Number(r.max_speed),
        direction: Number(r.direction),
        points: n,
        reupload: Number(r.reupload ?? 0),
        drift: Number(r.drift ?? 0),
      };
    });
  }

  /** Stop-finding samples from the 1-min rollup, in buckets of `bucketSeconds` (drift left out). */
  async rollupSamples(vehicleId: number, level: RollupLevel, from: Date, to: Date, bucketSeconds: number): Promise<RollupSample[]> {
    const series = await this.conn.query(
      `SELECT max("max_speed") AS "max_speed", first("first_lat") AS "lat", first("first_lon") AS "lon"
       FROM ${this.from(this.stores.track, level.measurement)} WHERE ${this.trackWhere(vehicleId, from, to)}
       GROUP BY time(${Math.max(1, Math.trunc(bucketSeconds))}s) fill(none)`,
    );
    return rows(series)
      .filter((r) => r.max_speed !== null && r.max_speed !== undefined)
      .map((r) => ({ ts: Number(r.time), lat: Number(r.lat), lon: Number(r.lon), speedKmh: Number(r.max_speed) }));
  }

  async track(vehicleId: number, from: Date, to: Date): Promise<TrackPoint[]> {
    const series = await this.conn.query(
      `SELECT "lat", "lon", "speed", "direction", "reupload", "drift" FROM ${this.from(this.stores.track, MEASUREMENT_POSITION)}
       WHERE "vehicle_id" = '${Math.trunc(vehicleId)}' AND time >= ${rfc3339(from)} AND time < ${rfc3339(to)} ORDER BY time ASC`,
    );
    return rows(series).map((r) => ({
      ts: new Date(Number(r.time)),
      lat: Number(r.lat),
      lon: Number(r.lon),
      speedKmh: Number(r.speed),
      direction: Number(r.direction),
      reupload: r.reupload === true,
      drift: r.drift === true,
    }));
  }
}

function rows(series: InfluxSeries[]): Record<string, unknown>[] {
  return series.flatMap((s) => s.values.map((v) => Object.fromEntries(s.columns.map((c, i) => [c, v[i]]))));
}
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
