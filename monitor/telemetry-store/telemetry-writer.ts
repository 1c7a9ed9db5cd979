import path from 'node:path';
import { setLogger, type WriteApi } from '@influxdata/influxdb-client';
import type { Logger } from 'pino';
import type { InfluxConnection, TelemetryStoreSpec } from '../../platform/influx/influx-connection.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { SensorReading, VehiclePosition } from '../../ingest/ports.ts';
import { FileSpool } from './spool/file-spool.ts';
import type { Spool, SpoolDepth } from './spool/spool.ts';
import { SpoolDrainer } from './spool-drainer.ts';
import { positionLine, readingLine } from './line-protocol.ts';
import { DeadLetterFile } from './dead-letter-file.ts';
import { isPermanentRejection } from './write-rejections.ts';
import { TrackRollups } from './track-rollups.ts';

export interface WriterStats {
  pointsWritten: number;
  pointsFailed: number;
  /** Refused by InfluxDB for good (e.g. beyond the retention policy) and kept in the dead-letter file. */
  pointsRejected: number;
  lastError: string | null;
  /** Rollup lines (track-rollup.ts), counted apart from the points above. */
  rollupLinesWritten: number;
  rollupLinesRejected: number;
}

export interface StoreBacklog extends SpoolDepth {
  /** Seconds since the oldest record not yet in InfluxDB was accepted; 0 when none is waiting. */
  lagSeconds: number;
  writeFailing: boolean;
}

/** `rollup`: the track's pre-aggregated levels (track-rollup.ts), in the track's retention policy, lines in nanoseconds. */
type StoreName = 'sensor' | 'track' | 'rollup';
const STORES: readonly StoreName[] = ['sensor', 'track', 'rollup'];

const BATCH_LINES = 5000;
const FLUSH_INTERVAL_MS = 1000;

/**
 * Telemetry into InfluxDB through a write-ahead spool per store (`spool/sensor`, `spool/track`, `spool/track-rollup` under the
 * spool directory): writeReadings() resolves once the readings are on disk, and a drainer sends them in
 * 5,000-line batches through the WriteApi (1 s flush). While InfluxDB is slow or down the spool grows up to
 * its bound; past it writeReadings() rejects with SpoolFullError instead of dropping anything.
 */
export class TelemetryWriter {
  readonly stats: WriterStats = { pointsWritten: 0, pointsFailed: 0, pointsRejected: 0, lastError: null, rollupLinesWritten: 0, rollupLinesRejected: 0 };
  private readonly drainers: Record<StoreName, SpoolDrainer>;
  private readonly appending = new Set<Promise<void>>();
  private readonly rollups: TrackRollups;

  private constructor(
    private readonly spools: Record<StoreName, Spool>,
    apis: Record<StoreName, WriteApi>,
    private readonly log: Logger,
    private readonly metrics: Metrics | undefined,
    deadLetterDir: string,
    now: () => number,
  ) {
    this.rollups = new TrackRollups(now);
    const drainer = (store: StoreName) => {
      const deadLetters = new DeadLetterFile(deadLetterDir, store);
      return new SpoolDrainer(
        spools[store],
        (text) => {
          // The whole batch as one record: the client would otherwise measure and copy every line.
          apis[store].writeRecord(text);
          return apis[store].flush();
        },
        {
          batchSize: BATCH_LINES,
          flushIntervalMs: FLUSH_INTERVAL_MS,
          log: log.child({ store }),
          // A rollup partial is rewritten as it grows: two batches in flight could land out of order and leave an older state.
          maxInFlight: store === 'rollup' ? 1 : 2,
          onWritten: (lines, seconds) => {
            if (store === 'rollup') this.stats.rollupLinesWritten += lines;
            else this.stats.pointsWritten += lines;
            metrics?.influxWriteSeconds.observe({ store }, seconds);
            metrics?.influxWriteBatchLines.observe({ store }, lines);
            this.updateGauges(store);
          },
          onFailed: (err, lines) => {
            this.stats.lastError = err.message;
            metrics?.influxWriteFailures.inc({ store });
            metrics?.influxWriteBatchLines.observe({ store }, lines);
            this.updateGauges(store);
          },
          onTick: () => this.updateGauges(store),
          rejections: {
            permanent: isPermanentRejection,
            onRejected: async (rejected) => {
              if (rejected.length === 0) return;
              await deadLetters.append(rejected, new Date());
              if (store === 'rollup') this.stats.rollupLinesRejected += rejected.length;
              else this.stats.pointsRejected += rejected.length;
              metrics?.influxPointsRejected.inc({ store }, rejected.length);
              log.error({ store, points: rejected.length, reason: rejected[0].reason, file: deadLetters.path }, 'InfluxDB refused points for good; kept in the dead-letter file, the rest written');
            },
          },
        },
      );
    };
    this.drainers = { sensor: drainer('sensor'), track: drainer('track'), rollup: drainer('rollup') };
  }

  /**
   * Opens (and recovers) the spools; maxBytes is shared: half for sensors, a quarter each for track positions and rollups. Points InfluxDB
   * refuses for good go to `<deadLetterDir>/<store>.lp`.
   */
  static async open(
    conn: InfluxConnection,
    stores: { sensor: TelemetryStoreSpec; track: TelemetryStoreSpec },
    log: Logger,
    opts: {
      spoolDir: string;
      deadLetterDir: string;
      spoolMaxBytes: number;
      metrics?: Metrics;
      /** Gzip request bodies (the client's default); off for a server on loopback, where it only costs CPU. */
      gzip?: boolean;
      /** The clock that ages open rollup partials out of memory. */
      now?: () => number;
    },
  ): Promise<TelemetryWriter> {
    const share: Record<StoreName, number> = { sensor: 1 / 2, track: 1 / 4, rollup: 1 / 4 };
    const spool = (store: StoreName) => FileSpool.open({ dir: path.join(opts.spoolDir, store === 'rollup' ? 'track-rollup' : store), maxBytes: Math.floor(opts.spoolMaxBytes * share[store]) });
    // The client logs every failed send to the console; the drainer already logs them once, structured.
    setLogger({ error: (message, err) => log.debug({ err: err?.message }, message), warn: (message, err) => log.debug({ err: err?.message }, message) });
    const [sensor, track, rollup] = await Promise.all([spool('sensor'), spool('track'), spool('rollup')]);
    // The spool is the retry buffer: the client sends each batch once and the drainer retries from disk.
    const options = { batchSize: BATCH_LINES + 1, flushInterval: 0, maxRetries: 0, writeFailed: () => undefined, ...(opts.gzip === false ? { gzipThreshold: Number.MAX_SAFE_INTEGER } : {}) };
    const apis = { sensor: conn.writeApi(stores.sensor, options), track: conn.writeApi(stores.track, options), rollup: conn.writeApi(stores.track, options, 'ns') };
    const writer = new TelemetryWriter({ sensor, track, rollup }, apis, log, opts.metrics, opts.deadLetterDir, opts.now ?? Date.now);
    for (const s of STORES) {
      const depth = writer.spools[s].depth();
      if (depth.records > 0) log.info({ store: s, records: depth.records, bytes: depth.bytes }, 'replaying spooled telemetry');
      writer.updateGauges(s);
    }
    return writer;
  }

  /** Resolves once the readings are durable in the spool. */
  async writeReadings(readings: readonly SensorReading[]): Promise<void> {
    await this.track(this.spools.sensor.append(readings.map(readingLine)));
    this.drainers.sensor.nudge();
    this.updateGauges('sensor');
  }

  writePosition(p: VehiclePosition): void {
    const failed = (what: string) => (err: Error) => {
      this.stats.pointsFailed++;
      this.stats.lastError = err.message;
      this.log.error({ err: err.message, vehicleId: p.vehicleId }, `${what} not spooled`);
    };
    this.track(this.spools.track.append([positionLine(p)])).then(() => this.drainers.track.nudge(), failed('position'));
    this.track(this.spools.rollup.append(this.rollups.add(p))).then(() => this.drainers.rollup.nudge(), failed('track rollup'));
  }

  backlog(store: StoreName): StoreBacklog {
    const depth = this.spools[store].depth();
    return {
      ...depth,
      lagSeconds: depth.oldestAppendedAt ? Math.max(0, (Date.now() - depth.oldestAppendedAt.getTime()) / 1000) : 0,
      writeFailing: this.drainers[store].consecutiveFailures > 0,
    };
  }

  /** Waits until everything accepted so far is in InfluxDB; false if that did not happen within timeoutMs. */
  async flush(timeoutMs?: number): Promise<boolean> {
    await Promise.allSettled(this.appending);
    const done = await Promise.all(STORES.map((s) => this.drainers[s].flush(timeoutMs)));
    return done.every(Boolean);
  }

  /** Last attempt to write what is spooled, then stop; anything left is replayed on the next start. */
  async close(): Promise<void> {
    await this.flush(5000);
    await Promise.all(STORES.map((s) => this.drainers[s].stop()));
    await Promise.all(STORES.map((s) => this.spools[s].close()));
  }

  /** Remembers an append until it settles, so flush() covers records still on their way into the spool. */
  private track(append: Promise<void>): Promise<void> {
    this.appending.add(append);
    const forget = () => this.appending.delete(append);
    append.then(forget, forget);
    return append;
  }

  private updateGauges(store: StoreName): void {
    if (!this.metrics) return;
    const b = this.backlog(store);
    this.metrics.spoolRecords.set({ store }, b.records);
    this.metrics.spoolBytes.set({ store }, b.bytes);
    this.metrics.influxWriteLagSeconds.set({ store }, b.lagSeconds);
  }
}
