import type { TelemetryReader } from '../telemetry-store/telemetry-reader.ts';
import { findStops, type TrackStop } from './track-stops.ts';

export interface ReplayPoint {
  ts: Date;
  /** WGS-84. */
  lat: number;
  lon: number;
  speedKmh: number;
  direction: number;
  /** Full detail: this point came as a blind-area re-upload. Downsampled: its bucket holds re-uploads. */
  reupload: boolean;
  /** Full detail: an implausible fix. Downsampled points are never drift (drift is left out of the buckets). */
  drift: boolean;
  /** Downsampled: positions in the bucket; 1 in full detail. */
  points: number;
}

export interface TrackReplay {
  mode: 'full' | 'downsampled';
  bucketS: number | null;
  /** Positions stored for the period, drift included. */
  total: number;
  points: ReplayPoint[];
  stops: TrackStop[];
  /** Drift positions the period holds; in downsampled mode they are counted, not drawn. */
  driftPoints: number;
}

// Stops are found on a finer series than the drawn buckets: a minute over two weeks, at most 5 min beyond.
const STOP_SERIES_MAX = 50_000;
const stopResolutionS = (spanS: number) => Math.min(300, Math.max(60, Math.ceil(spanS / STOP_SERIES_MAX)));

/**
 * A period of a track for replay: every position when it has at most `maxPoints`, else InfluxDB buckets sized so the
 * answer has at most `maxPoints`. Stops of 5 min or more are computed here in both cases.
 */
export async function trackReplay(reader: TelemetryReader, vehicleId: number, from: Date, to: Date, maxPoints: number): Promise<TrackReplay> {
  const total = await reader.trackCount(vehicleId, from, to);
  if (total <= maxPoints) {
    const raw = await reader.track(vehicleId, from, to);
    const good = raw.filter((p) => !p.drift);
    return {
      mode: 'full',
      bucketS: null,
      total,
      points: raw.map((p) => ({ ...p, points: 1 })),
      stops: findStops(good.map((p) => ({ ts: p.ts.getTime(), lat: p.lat, lon: p.lon, speedKmh: p.speedKmh }))),
      driftPoints: raw.length - good.length,
    };
  }
  const spanS = (to.getTime() - from.getTime()) / 1000;
  const bucketS = Math.max(1, Math.ceil(spanS / maxPoints));
  const stopS = stopResolutionS(spanS);
  const [buckets, reuploads, drift, stopSeries] = await Promise.all([
    reader.trackBuckets(vehicleId, from, to, bucketS),
    reader.flaggedBuckets(vehicleId, from, to, bucketS, 'reupload'),
    reader.flaggedBuckets(vehicleId, from, to, bucketS, 'drift'),
    stopS < bucketS ? reader.speedSeries(vehicleId, from, to, stopS) : null,
  ]);
  // The finer speed series carries no position: each sample takes the drawn bucket it falls in.
  let k = 0;
  const samples = stopSeries
    ? stopSeries.flatMap((x) => {
        while (k + 1 < buckets.length && buckets[k + 1].ts.getTime() <= x.ts) k++;
        const b = buckets[k];
        return b ? [{ ts: x.ts, lat: b.lat, lon: b.lon, speedKmh: x.maxSpeedKmh }] : [];
      })
    : buckets.map((b) => ({ ts: b.ts.getTime(), lat: b.lat, lon: b.lon, speedKmh: b.maxSpeedKmh }));
  return {
    mode: 'downsampled',
    bucketS,
    total,
    points: buckets.map((b) => ({ ts: b.ts, lat: b.lat, lon: b.lon, speedKmh: b.speedKmh, direction: b.direction, reupload: reuploads.has(b.ts.getTime()), drift: false, points: b.points })),
    stops: findStops(samples),
    driftPoints: [...drift.values()].reduce((a, b) => a + b, 0),
  };
}
