import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { build } from '../../web/app.ts';
import type { Database } from '../../platform/db/database.ts';
import { Accounts } from '../../platform/auth/accounts.ts';
import { RegistryDirectory } from '../../registry/registry-directory.ts';
import { createMetrics } from '../../platform/metrics.ts';
import { AlarmStore } from '../../alerts/alarm-store.ts';
import { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import { VehicleLiveState } from '../../monitor/live-state/vehicle-live-state.ts';
import type { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import { PlayTokens } from '../../ingest/video/play-token.ts';
import { CameraStreams } from '../../ingest/video/camera-streams.ts';

/**
 * The HTTP app on a given database, for inject() tests; InfluxDB-backed reads are not available. `video` adds the
 * video routes over the real play tokens and camera registry, with no media server behind them (nothing is live).
 */
export async function buildTestApp(
  db: Database,
  opts: { health?: Parameters<typeof build>[0]['health']; dataDir?: string; webhookAllowHosts?: string[]; clock?: () => Date; video?: boolean } & Partial<Pick<Parameters<typeof build>[0], 'reader' | 'sensorLive' | 'vehicleLive' | 'vehicleOnline' | 'rules'>> = {},
): Promise<{ app: FastifyInstance; accounts: Accounts; alarms: AlarmStore }> {
  const log = pino({ level: 'silent' });
  const accounts = new Accounts(db, { sessionTtlHours: 1, passwordMaxAgeDays: 90 });
  const alarms = new AlarmStore(db, opts.clock);
  const cameras = new CameraStreams(db);
  if (opts.video) await cameras.reload();
  const app = await build({
    db,
    accounts,
    directory: new RegistryDirectory(db),
    alarms,
    publishAlarmChange: () => undefined,
    sensorLive: opts.sensorLive ?? new SensorLiveState(),
    vehicleLive: opts.vehicleLive ?? new VehicleLiveState(),
    vehicleOnline: opts.vehicleOnline ?? (() => false),
    reader: opts.reader ?? ({} as TelemetryReader),
    rules: opts.rules,
    metricsRegistry: createMetrics().registry,
    log,
    health: opts.health ?? (async () => ({ db: { ok: true } })),
    dataDir: opts.dataDir,
    webhookAllowHosts: opts.webhookAllowHosts,
    clock: opts.clock,
    video: opts.video
      ? { tokens: new PlayTokens(), cameras, media: { httpPort: () => 0, isLive: () => false }, playTtlS: 60, onRefused: () => undefined }
      : undefined,
  });
  return { app, accounts, alarms };
}

export async function loginAll(app: FastifyInstance, users: Record<string, string>): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [username, password] of Object.entries(users)) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    tokens[username] = res.json().token;
  }
  return tokens;
}
