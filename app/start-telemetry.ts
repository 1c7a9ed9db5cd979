import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import { TelemetryWriter } from '../monitor/telemetry-store/telemetry-writer.ts';
import { TelemetryReader } from '../monitor/telemetry-store/telemetry-reader.ts';
import { backfillTrackRollups } from '../monitor/telemetry-store/track-rollup-backfill.ts';
import { spoolHealth } from '../monitor/telemetry-store/spool-health.ts';
import { SensorLiveState } from '../monitor/live-state/sensor-live-state.ts';
import { VehicleLiveState } from '../monitor/live-state/vehicle-live-state.ts';
import { StaleDetector } from '../monitor/live-state/stale-detector.ts';
import type { Storage } from './start-storage.ts';
import { startPart } from './part.ts';

/** The telemetry store (spool, writer, reader) and the live state, seeded with the latest stored readings. */
export function startTelemetry(config: Config, log: Logger, { influx, influxUrl, stores, metrics, directory }: Storage) {
  return startPart(log, async (onStop) => {
    const writer = await TelemetryWriter.open(influx, stores, log.child({ component: 'influx-writer' }), {
      spoolDir: config.spool.dir,
      deadLetterDir: config.spool.deadLetterDir,
      spoolMaxBytes: config.spool.maxBytes,
      metrics,
      gzip: !/^https?:\/\/(127\.|localhost\b|\[::1\])/.test(influxUrl),
    });
    onStop('telemetry writer', () => writer.close());
    // History written before track rollups existed is rolled up in the background; replay reads it raw until then.
    const backfillStop = new AbortController();
    const backfill = backfillTrackRollups(influx, stores.track, {
      stateFile: path.join(config.dataDir, 'track-rollup-backfill.json'),
      log: log.child({ component: 'track-rollup-backfill' }),
      pauseMs: 20,
      signal: backfillStop.signal,
    }).catch((err: Error) => log.error({ err }, 'track rollup backfill failed; it resumes on the next start'));
    onStop('track rollup backfill', async () => {
      backfillStop.abort();
      await backfill;
    });
    const reader = new TelemetryReader(influx, stores);
    const sensorLive = new SensorLiveState();
    const vehicleLive = new VehicleLiveState();
    for (const r of await reader.latestReadings((await directory.allSensors()).map((s) => s.id)).catch(() => [])) {
      sensorLive.seed(r.sensorId, { value: r.value, ts: r.ts, quality: 'good' });
    }
    const freshness = new StaleDetector();
    freshness.watch(await directory.allSensors());
    directory.onInvalidate(() => void directory.allSensors().then((s) => freshness.watch(s), (err: Error) => log.error({ err }, 'sensor list reload failed')));
    return { writer, reader, sensorLive, vehicleLive, freshness, health: async () => ({ spool: spoolHealth(writer.backlog('sensor')) }) };
  });
}

export type Telemetry = Awaited<ReturnType<typeof startTelemetry>>;
