import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { InfluxConnection, TelemetryStoreSpec } from '../../platform/influx/influx-connection.ts';
import { quoteIdent } from '../../platform/influx/influx-connection.ts';
import type { VehiclePosition } from '../../ingest/ports.ts';
import { MEASUREMENT_POSITION } from './telemetry-schema.ts';
import { addToPartial, bucketStart, newPartial, ROLLUP_LEVELS, rollupLine, type RollupPartial } from './track-rollup.ts';

/** What survives a restart: the instant live rollups took over, and how far each vehicle's history is rolled up. */
interface BackfillState {
  cutoff: number;
  done: Record<string, number>;
  finished: boolean;
}

export interface BackfillOptions {
  /** The progress file (JSON); keep it under DATA_DIR. */
  stateFile: string;
  log: Logger;
  /** Raw positions per query, per vehicle (default one day). */
  chunkMs?: number;
  /** Breath between chunks, so ingest keeps its share of the CPU. */
  pauseMs?: number;
  now?: () => number;
  signal?: AbortSignal;
}

const DAY = 86_400_000;
const WRITE_BATCH = 5000;
const QUARTER_MS = 900_000;

/**
 * Rolls up the raw track written before rollups existed: every position older than the cutoff (the first run's
 * time, when live rollups had just started) per vehicle, a day at a time, oldest first. Its partials have a fixed
 * key per bucket (the bucket's start), so a chunk done twice overwrites itself; live partials have other keys and are
 * added to them by the reader. Resumable from the state file; idle once finished.
 */
export async function backfillTrackRollups(conn: InfluxConnection, track: TelemetryStoreSpec, opts: BackfillOptions): Promise<{ vehicles: number; positions: number; finished: boolean }> {
  const now = opts.now ?? Date.now;
  // Whole quarter hours, so no bucket straddles two chunks (a chunk's partials would overwrite the other's).
  const chunkMs = Math.max(1, Math.round((opts.chunkMs ?? DAY) / QUARTER_MS)) * QUARTER_MS;
  const state = (await loadState(opts.stateFile)) ?? { cutoff: now(), done: {}, finished: false };
  if (state.finished) return { vehicles: Object.keys(state.done).length, positions: 0, finished: true };
  await saveState(opts.stateFile, state);

  const from = (m: string) => `${quoteIdent(conn.database)}.${quoteIdent(track.rp)}.${quoteIdent(m)}`;
  const [tags] = await conn.query(`SHOW TAG VALUES FROM ${quoteIdent(MEASUREMENT_POSITION)} WITH KEY = "vehicle_id"`);
  const vehicles = (tags?.values ?? []).map((v) => Number(v[1])).filter(Number.isInteger).sort((a, b) => a - b);
  const oldest = now() - track.retentionDays * DAY;
  const api = conn.writeApi(track, { batchSize: WRITE_BATCH + 1, flushInterval: 0, maxRetries: 3 }, 'ns');
  const firstPosition = async (vehicleId: number) => {
    const [s] = await conn.query(
      `SELECT "lat" FROM ${from(MEASUREMENT_POSITION)} WHERE "vehicle_id" = '${vehicleId}' AND time >= '${new Date(oldest).toISOString()}' AND time < '${new Date(state.cutoff).toISOString()}' ORDER BY time ASC LIMIT 1`,
    );
    return s?.values.length ? Math.floor(Number(s.values[0][0]) / DAY) * DAY : null;
  };
  let positions = 0;
  let lastLog = 0;
  opts.log.info({ vehicles: vehicles.length, cutoff: new Date(state.cutoff).toISOString() }, 'track rollup backfill: starting');
  try {
    for (const [i, vehicleId] of vehicles.entries()) {
      let t = state.done[vehicleId] ?? (await firstPosition(vehicleId));
      if (t === null) continue;
      while (t < state.cutoff) {
        if (opts.signal?.aborted) return { vehicles: i, positions, finished: false };
        const end = Math.min(state.cutoff, t + chunkMs);
        const [s] = await conn.query(
          `SELECT "lat", "lon", "speed", "direction", "reupload", "drift", "enterprise_id" FROM ${from(MEASUREMENT_POSITION)}
           WHERE "vehicle_id" = '${vehicleId}' AND time >= '${new Date(t).toISOString()}' AND time < '${new Date(end).toISOString()}'`,
        );
        const lines = rollUp(vehicleId, s ? s.values.map((v) => Object.fromEntries(s.columns.map((c, k) => [c, v[k]]))) : []);
        for (let k = 0; k < lines.length; k += WRITE_BATCH) {
          api.writeRecords(lines.slice(k, k + WRITE_BATCH));
          await api.flush();
        }
        positions += s?.values.length ?? 0;
        state.done[vehicleId] = t = end;
        await saveState(opts.stateFile, state);
        if (now() - lastLog > 10_000) {
          lastLog = now();
          opts.log.info({ vehicle: vehicleId, vehicleIndex: i + 1, vehicles: vehicles.length, upTo: new Date(t).toISOString(), positions }, 'track rollup backfill: progress');
        }
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
      }
    }
  } finally {
    await api.close().catch(() => undefined);
  }
  state.finished = true;
  await saveState(opts.stateFile, state);
  opts.log.info({ vehicles: vehicles.length, positions }, 'track rollup backfill: finished');
  return { vehicles: vehicles.length, positions, finished: true };
}

function rollUp(vehicleId: number, rows: Record<string, unknown>[]): string[] {
  const lines: string[] = [];
  for (const level of ROLLUP_LEVELS) {
    const partials = new Map<number, RollupPartial>();
    for (const r of rows) {
      const p = {
        vehicleId, enterpriseId: Number(r.enterprise_id ?? 0), ts: new Date(Number(r.time)), lat: Number(r.lat), lon: Number(r.lon),
        speedKmh: Number(r.speed), direction: Number(r.direction), reupload: r.reupload === true, drift: r.drift === true,
      } as VehiclePosition;
      const start = bucketStart(p.ts.getTime(), level);
      let a = partials.get(start);
      if (!a) {
        a = newPartial(p, 0);
        a.key = `${start}000000`;
        partials.set(start, a);
      }
      addToPartial(a, p);
    }
    for (const a of partials.values()) lines.push(rollupLine(level, a));
  }
  return lines;
}

async function loadState(file: string): Promise<BackfillState | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BackfillState;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function saveState(file: string, state: BackfillState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
}
