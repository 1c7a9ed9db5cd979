import type { InfluxConnection, InfluxSeries, TelemetryStoreSpec } from '../../platform/influx/influx-connection.ts';
import { quoteIdent } from '../../platform/influx/influx-connection.ts';
import { MEASUREMENT_POSITION, MEASUREMENT_READING } from './telemetry-schema.ts';

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
