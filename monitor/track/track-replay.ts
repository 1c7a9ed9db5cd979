import type { RollupBucket, TelemetryReader } from '../telemetry-store/telemetry-reader.ts';
import { bucketStart, ROLLUP_LEVELS, type RollupLevel } from '../telemetry-store/track-rollup.ts';
import { findStops, type TrackSample, type TrackStop } from './track-stops.ts';

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
const [MINUTE, QUARTER] = ROLLUP_LEVELS;
/**
 * Stops come from the 1-min rollup up to two weeks; beyond, from the 15-min one: InfluxDB scans every minute of the span
 * (measured: 2.5 s for 185 days on two cores), so stops of a longer span are found to the quarter hour, and to the minute
 * once zoomed in.
 */
const STOP_MINUTES_MAX = 20_160;

/** A downsampled stretch of the period: what is drawn, what stops are found on, and the drift it held. */
interface Stretch {
  points: ReplayPoint[];
  samples: TrackSample[];
  driftPoints: number;
}

/**
 * A period of a track for replay: every position when it has at most `maxPoints`, else buckets sized so the answer
 * has at most `maxPoints`. Buckets come from the coarsest rollup level that fits (track-rollup.ts) where rollups
 * cover the period, else from the raw positions (GROUP BY time in InfluxDB: correct, but it scans every point).
 * Stops of 5 min or more are exact in full detail, to the minute from the 1-min rollup up to two weeks, and to the
 * quarter hour beyond.
 */
export async function trackReplay(reader: TelemetryReader, vehicleId: number, from: Date, to: Date, maxPoints: number): Promise<TrackReplay> {
  const spanS = (to.getTime() - from.getTime()) / 1000;
  const neededS = spanS / maxPoints;
  const level = [...ROLLUP_LEVELS].reverse().find((l) => l.seconds <= neededS);
  if (!level) return rawReplay(reader, vehicleId, from, to, maxPoints);
  const bucketS = Math.ceil(neededS / level.seconds) * level.seconds;
  const stopLevel = spanS / 60 <= STOP_MINUTES_MAX ? MINUTE : QUARTER;
  const stopS = Math.ceil(stopResolutionS(spanS) / stopLevel.seconds) * stopLevel.seconds;

  // One InfluxDB scan where it can: the stop series, summed up into the drawn buckets here.
  const [fineLevel, fineS] = stopS < bucketS ? [stopLevel, stopS] : [level, bucketS];
  const [covered, fine] = await Promise.all([
    rollupsFrom(reader, vehicleId, level, from, to),
    bucketS % fineS === 0 ? reader.rollupBuckets(vehicleId, fineLevel, from, to, fineS) : null,
  ]);
  if (covered === null) return rawReplay(reader, vehicleId, from, to, maxPoints);
  if (fine && covered === from.getTime()) {
    const total = fine.reduce((n, b) => n + b.points + b.drift, 0);
    if (total <= maxPoints) return fullReplay(reader, vehicleId, from, to);
    const s = summedUp(fine, bucketS);
    return { mode: 'downsampled', bucketS, total, points: s.points, stops: findStops(s.samples), driftPoints: s.driftPoints };
  }

  // On a drawn bucket's edge, so no bucket is drawn from both parts.
  const split = new Date(covered > from.getTime() ? Math.min(to.getTime(), Math.ceil(covered / (bucketS * 1000)) * bucketS * 1000) : covered);
  const [rawCount, rollupCount] = await Promise.all([
    split > from ? reader.trackCount(vehicleId, from, split) : 0,
    reader.rollupCount(vehicleId, level, split, to),
  ]);
  const total = rawCount + rollupCount;
  if (total <= maxPoints) return fullReplay(reader, vehicleId, from, to);

  const [old, rolled] = await Promise.all([
    split > from ? rawStretch(reader, vehicleId, from, split, bucketS, spanS) : null,
    rollupStretch(reader, vehicleId, level, split, to, bucketS, stopLevel, stopS),
  ]);
  const parts = old ? [old, rolled] : [rolled];
  return {
    mode: 'downsampled',
    bucketS,
    total,
    points: parts.flatMap((p) => p.points),
    stops: findStops(parts.flatMap((p) => p.samples)),
    driftPoints: parts.reduce((n, p) => n + p.driftPoints, 0),
  };
}

/**
 * Where the level's rollups start covering the period: its start when they hold its first position's bucket, else
 * the bucket after their first partial (positions from before the upgrade, not yet backfilled, are read raw);
 * null when the period has no rollups.
 */
async function rollupsFrom(reader: TelemetryReader, vehicleId: number, level: RollupLevel, from: Date, to: Date): Promise<number | null> {
  const [firstRaw, firstRollup] = await Promise.all([reader.firstPositionAt(vehicleId, from, to), reader.firstRollupAt(vehicleId, level, from, to)]);
  if (firstRollup === null) return null;
  if (firstRaw === null || bucketStart(firstRollup, level) <= bucketStart(firstRaw, level)) return from.getTime();
  return Math.min(to.getTime(), bucketStart(firstRollup, level) + level.seconds * 1000);
}

async function fullReplay(reader: TelemetryReader, vehicleId: number, from: Date, to: Date): Promise<TrackReplay> {
  const raw = await reader.track(vehicleId, from, to);
  const good = raw.filter((p) => !p.drift);
  return {
    mode: 'full',
    bucketS: null,
    total: raw.length,
    points: raw.map((p) => ({ ...p, points: 1 })),
    stops: findStops(good.map((p) => ({ ts: p.ts.getTime(), lat: p.lat, lon: p.lon, speedKmh: p.speedKmh }))),
    driftPoints: raw.length - good.length,
  };
}

/** Without rollups: full detail, or buckets computed by InfluxDB over every raw position. */
async function rawReplay(reader: TelemetryReader, vehicleId: number, from: Date, to: Date, maxPoints: number): Promise<TrackReplay> {
  const total = await reader.trackCount(vehicleId, from, to);
  if (total <= maxPoints) return fullReplay(reader, vehicleId, from, to);
  const spanS = (to.getTime() - from.getTime()) / 1000;
  const bucketS = Math.max(1, Math.ceil(spanS / maxPoints));
  const s = await rawStretch(reader, vehicleId, from, to, bucketS, spanS);
  return { mode: 'downsampled', bucketS, total, points: s.points, stops: findStops(s.samples), driftPoints: s.driftPoints };
}

async function rawStretch(reader: TelemetryReader, vehicleId: number, from: Date, to: Date, bucketS: number, spanS: number): Promise<Stretch> {
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
    points: buckets.map((b) => ({ ts: b.ts, lat: b.lat, lon: b.lon, speedKmh: b.speedKmh, direction: b.direction, reupload: reuploads.has(b.ts.getTime()), drift: false, points: b.points })),
    samples,
    driftPoints: [...drift.values()].reduce((a, b) => a + b, 0),
  };
}

/** Rollup rows of the stop series, each a stop sample, summed up into drawn buckets of `bucketS` (a multiple of theirs). */
function summedUp(fine: readonly RollupBucket[], bucketS: number): Stretch {
  const points: ReplayPoint[] = [];
  const samples: TrackSample[] = [];
  let driftPoints = 0;
  let speedSum = 0;
  for (const b of fine) {
    driftPoints += b.drift;
    if (b.points === 0) continue;
    samples.push({ ts: b.ts.getTime(), lat: b.lat, lon: b.lon, speedKmh: b.maxSpeedKmh });
    const start = Math.floor(b.ts.getTime() / (bucketS * 1000)) * bucketS * 1000;
    const last = points.at(-1);
    if (last && last.ts.getTime() === start) {
      speedSum += b.speedKmh * b.points;
      last.points += b.points;
      last.speedKmh = speedSum / last.points;
      last.direction = b.direction;
      last.reupload ||= b.reupload > 0;
    } else {
      speedSum = b.speedKmh * b.points;
      points.push({ ts: new Date(start), lat: b.lat, lon: b.lon, speedKmh: b.speedKmh, direction: b.direction, reupload: b.reupload > 0, drift: false, points: b.points });
    }
  }
  return { points, samples, driftPoints };
}

async function rollupStretch(reader: TelemetryReader, vehicleId: number, level: RollupLevel, from: Date, to: Date, bucketS: number, stopLevel: RollupLevel, stopS: number): Promise<Stretch> {
  const [buckets, stopSeries] = await Promise.all([
    reader.rollupBuckets(vehicleId, level, from, to, bucketS),
    stopS < bucketS ? reader.rollupSamples(vehicleId, stopLevel, from, to, stopS) : null,
  ]);
  // A bucket of drift alone has no position to draw.
  const drawn = buckets.filter((b) => b.points > 0);
  return {
    points: drawn.map((b) => ({ ts: b.ts, lat: b.lat, lon: b.lon, speedKmh: b.speedKmh, direction: b.direction, reupload: b.reupload > 0, drift: false, points: b.points })),
    samples: stopSeries ?? drawn.map((b) => ({ ts: b.ts.getTime(), lat: b.lat, lon: b.lon, speedKmh: b.maxSpeedKmh })),
    driftPoints: buckets.reduce((n, b) => n + b.drift, 0),
  };
}
