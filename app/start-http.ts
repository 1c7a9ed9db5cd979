import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import { Jt808MediaStore } from '../ingest/jt808/media/media-store.ts';
import { build, type AppDeps } from '../web/app.ts';
import { LiveChannel } from '../web/live/live-channel.ts';
import type { ComponentHealth } from '../web/routes/health-routes.ts';
import type { GatewayHandle } from './gateway-handle.ts';
import type { Storage } from './start-storage.ts';
import type { Telemetry } from './start-telemetry.ts';
import type { Alerts } from './start-alerts.ts';
import { startPart } from './part.ts';

/** The HTTP API, wall and admin console, and the Socket.IO live channel on the same server; alarm changes go live. */
export function startHttp(
  config: Config,
  log: Logger,
  { db, accounts, directory, metrics }: Storage,
  { reader, sensorLive, vehicleLive }: Telemetry,
  { alarmStore, ruleStore, engine }: Alerts,
  deps: { gateways: GatewayHandle; health: () => Promise<ComponentHealth>; video?: AppDeps['video'] },
) {
  return startPart(log, async (onStop) => {
    const media = new Jt808MediaStore(db, `${config.dataDir}/media`);
    // The live channel needs the server build() creates; until it exists an alarm change reaches no client.
    let live: LiveChannel | null = null;
    const app = await build({
      db,
      accounts,
      directory,
      alarms: alarmStore,
      rules: ruleStore,
      publishAlarmChange: (change) => live?.alarm(change),
      slaDefaults: config.alarms.sla,
      webhookAllowHosts: config.alarms.webhookAllowHosts,
      dataDir: config.dataDir,
      mapTiles: config.map.tiles,
      sensorLive,
      vehicleLive,
      vehicleOnline: (id) => deps.gateways.vehicleOnline(id),
      reader,
      metricsRegistry: metrics.registry,
      log,
      jt808: { commands: deps.gateways, media },
      health: deps.health,
      video: deps.video,
    });
    onStop('http', () => app.close());
    await app.listen({ port: config.http.port, host: config.http.host });
    const channel = new LiveChannel(app.server, accounts, log.child({ component: 'live' }), {
      parkEnterpriseIds: async (parkId) => (await db.query<{ id: number }>('select id from enterprises where park_id = $1', [parkId])).map((r) => r.id),
      onTickSkipped: () => metrics.liveTicksSkipped.inc(),
    });
    live = channel;
    onStop('live channel', () => channel.close());
    engine.onChange((change) => {
      metrics.alarms.inc({ action: change.action, type: change.alarm.type });
      channel.alarm(change);
    });
    return { server: app.server, port: (app.server.address() as { port: number }).port, live: channel, media };
  });
}

export type Http = Awaited<ReturnType<typeof startHttp>>;
