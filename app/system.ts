import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { startInfluxd, type InfluxdProcess } from '../platform/influx/influxd-process.ts';
import { connectInflux, ensureInfluxSchema } from '../platform/influx/influx-connection.ts';
import { Accounts } from '../platform/auth/accounts.ts';
import { ensureAdmin } from '../platform/auth/ensure-admin.ts';
import { createMetrics } from '../platform/metrics.ts';
import { RegistryDirectory } from '../registry/registry-directory.ts';
import { loadDemoPark } from '../seeds/load-demo-park.ts';
import { telemetryStores } from '../monitor/telemetry-store/telemetry-schema.ts';
import { TelemetryWriter } from '../monitor/telemetry-store/telemetry-writer.ts';
import { spoolHealth } from '../monitor/telemetry-store/spool-health.ts';
import { TelemetryReader } from '../monitor/telemetry-store/telemetry-reader.ts';
import { SensorLiveState } from '../monitor/live-state/sensor-live-state.ts';
import { StaleDetector } from '../monitor/live-state/stale-detector.ts';
import { VehicleLiveState } from '../monitor/live-state/vehicle-live-state.ts';
import { LiveChannel } from '../web/live/live-channel.ts';
import { TelemetryPipeline } from '../monitor/telemetry-pipeline.ts';
import { AlarmStore } from '../alerts/alarm-store.ts';
import { AlarmEngine } from '../alerts/alarm-engine.ts';
import { startAlarmJobs } from '../alerts/handling/alarm-jobs.ts';
import { RuleStore } from '../alerts/rule-store.ts';
import { RuleStateStore } from '../alerts/rule-state-store.ts';
import { attachRuleContext } from '../alerts/rule-context.ts';
import { TelemetryIntake } from '../ingest/readings/telemetry-intake.ts';
import { startMqttBroker } from '../ingest/mqtt/mqtt-broker.ts';
import { startJt808Gateway } from '../ingest/jt808/gateway/jt808-server.ts';
import { Jt808MediaStore } from '../ingest/jt808/media/media-store.ts';
import { build } from '../web/app.ts';
import { startDemoSimulator } from '../device-simulator/demo-simulator.ts';

export interface RunningSystem {
  config: Config;
  urls: { http: string; wall: string; docs: string; mqtt: string; jt808: string; influx: string };
  ports: { http: number; mqtt: number; jt808: number };
  admin: { created: boolean; generatedPassword?: string };
  alarmsSettled(): Promise<void>;
  flushTelemetry(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts every part in dependency order and returns one handle that stops them in reverse:
 * simulator → ingest → HTTP/live → pending alarms → telemetry flush → database → local InfluxDB.
 */
export async function startSystem(config: Config, log: Logger): Promise<RunningSystem> {
  const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  // Gateways dropped by our own shutdown are not a data interruption: no alarms for a planned restart.
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((err: Error) => log.error({ err, part: name }, 'error while stopping'));
    }
    stops.length = 0;
  };
  try {
    await mkdir(config.dataDir, { recursive: true });

    let influxd: InfluxdProcess | null = null;
    if (!config.influx.url) {
      influxd = await startInfluxd({ influxdPath: config.influx.influxdPath, dataDir: config.dataDir, log });
      stops.push({ name: 'influxd', stop: () => influxd!.stop() });
    }
    const influxUrl = config.influx.url ?? influxd!.url;
    const influx = await connectInflux({ ...config.influx, url: influxUrl });
    const stores = telemetryStores(config.influx);
    await ensureInfluxSchema(influx, Object.values(stores));
    log.info({ url: influxUrl, version: influx.version, api: influx.api }, 'InfluxDB connected');

    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    stops.push({ name: 'database', stop: () => db.close() });
    log.info({ dialect: db.dialect }, 'relational database ready');

    const accounts = new Accounts(db, { sessionTtlHours: config.sessionTtlHours, passwordMaxAgeDays: config.passwordMaxAgeDays });
    const admin = await ensureAdmin(accounts, config.adminPassword);
    if (config.demo) await loadDemoPark(db, log);

    const metrics = createMetrics();
    const directory = new RegistryDirectory(db);
    const alarmStore = new AlarmStore(db);
    const alertsLog = log.child({ component: 'alerts' });
    const ruleStore = new RuleStore(db);
    const ruleState = new RuleStateStore(db, { debounceMs: 1000, onError: (err) => alertsLog.error({ err }, 'rule state write failed') });
    const engine = new AlarmEngine(alarmStore, alertsLog, ruleState);
    await engine.restore();
    await attachRuleContext(engine, { db, rules: ruleStore, directory, log: alertsLog });
    stops.push({ name: 'rule state', stop: () => ruleState.flush() });

    const writer = await TelemetryWriter.open(influx, stores, log.child({ component: 'influx-writer' }), { spoolDir: config.spool.dir, deadLetterDir: config.spool.deadLetterDir, spoolMaxBytes: config.spool.maxBytes, metrics, gzip: !/^https?:\/\/(127\.|localhost\b|\[::1\])/.test(influxUrl) });
    stops.push({ name: 'telemetry writer', stop: () => writer.close() });
    stops.push({ name: 'alarm engine', stop: () => engine.settled() });
    const reader = new TelemetryReader(influx, stores);
    const sensorLive = new SensorLiveState();
    const vehicleLive = new VehicleLiveState();
    for (const r of await reader.latestReadings((await directory.allSensors()).map((s) => s.id)).catch(() => [])) {
      sensorLive.seed(r.sensorId, { value: r.value, ts: r.ts, quality: 'good' });
    }

    let live: LiveChannel | null = null;
    let jt808: Awaited<ReturnType<typeof startJt808Gateway>> | null = null;
    let mqttUp = false;
    const jt808Media = new Jt808MediaStore(db, `${config.dataDir}/media`);
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
      sensorLive,
      vehicleLive,
      vehicleOnline: (id) => jt808?.isOnline(id) ?? false,
      reader,
      metricsRegistry: metrics.registry,
      log,
      jt808: { commands: { sendCommand: (id, cmd) => jt808?.sendCommand(id, cmd) ?? Promise.resolve({ status: 'offline' }) }, media: jt808Media },
      health: async () => ({
        db: await db.query('select 1').then(() => ({ ok: true }), (err: Error) => ({ ok: false, detail: err.message })),
        influx: (await influx.ping()) ? { ok: true, detail: `${influx.version} (${influx.api})` } : { ok: false, detail: `no answer from ${influxUrl}` },
        mqtt: mqttUp ? { ok: true } : { ok: false, detail: 'broker not listening' },
        spool: spoolHealth(writer.backlog('sensor')),
        jt808: jt808 ? { ok: true, detail: `terminal connections: ${jt808.sessionCount()}${config.jt808.socketProcesses ? `, held by ${config.jt808.socketProcesses} socket processes` : ''}` } : { ok: false, detail: 'gateway not listening' },
      }),
    });
    stops.push({ name: 'http', stop: () => app.close() });
    await app.listen({ port: config.http.port, host: config.http.host });
    const httpPort = (app.server.address() as { port: number }).port;
    live = new LiveChannel(app.server, accounts, log.child({ component: 'live' }), {
      parkEnterpriseIds: async (parkId) => (await db.query<{ id: number }>('select id from enterprises where park_id = $1', [parkId])).map((r) => r.id),
    });
    stops.push({ name: 'live channel', stop: () => live!.close() });
    engine.onChange((change) => {
      metrics.alarms.inc({ action: change.action, type: change.alarm.type });
      live!.alarm(change);
    });
    const stopAlarmJobs = startAlarmJobs({ db, store: alarmStore, publish: (change) => live!.alarm(change), log: log.child({ component: 'alarm-jobs' }), ...config.alarms });
    stops.push({ name: 'alarm jobs', stop: stopAlarmJobs });

    const freshness = new StaleDetector();
    freshness.watch(await directory.allSensors());
    directory.onInvalidate(() => void directory.allSensors().then((s) => freshness.watch(s), (err: Error) => log.error({ err }, 'sensor list reload failed')));
    freshness.onEvent((e) => {
      sensorLive.setStale(e.sensorId, e.kind === 'data_interruption');
      void directory.sensor(e.sensorId).then((sensor) => sensor && engine.onDataInterruption(e, sensor));
    });
    const stopFreshness = freshness.start(1000);
    const stopSweeps = engine.startSweeps(5000);
    stops.push({ name: 'offline sweep', stop: async () => stopSweeps() });
    stops.push({ name: 'stale detector', stop: async () => stopFreshness() });
    const pipeline = new TelemetryPipeline(writer, sensorLive, vehicleLive, engine, live, freshness);
    const maxFutureMs = 5 * 60_000;
    const intake = new TelemetryIntake(directory, pipeline, { maxFutureMs, maxAgeMs: config.influx.sensorRetentionDays * 86_400_000 });
    const mqtt = await startMqttBroker({
      port: config.mqtt.port,
      directory,
      intake,
      metrics,
      log,
      httpServer: app.server,
      onDeviceStatus: (device, online) => {
        if (!online && !stopping) freshness.deviceDisconnected(device.id);
        live!.status({ enterpriseId: device.enterpriseId, regionCode: null }, { kind: 'device', id: device.id, online });
      },
    });
    mqttUp = true;
    stops.push({ name: 'mqtt', stop: () => ((mqttUp = false), mqtt.close()) });
    jt808 = await startJt808Gateway({
      port: config.jt808.port,
      idleTimeoutS: config.jt808.idleTimeoutS,
      lenientChecksum: config.jt808.lenientChecksum,
      commandTimeoutS: config.jt808.commandTimeoutS,
      positionWindow: { maxFutureMs, maxAgeMs: config.influx.trackRetentionDays * 86_400_000 },
      socketProcesses: config.jt808.socketProcesses,
      directory,
      positions: pipeline,
      media: jt808Media,
      metrics,
      log,
      onVehicleStatus: (v, online) => live!.status(v, { kind: 'vehicle', id: v.id, online }),
    });
    stops.push({ name: 'jt808', stop: () => jt808!.close() });

    if (config.demo) {
      const sim = await startDemoSimulator({ mqttPort: mqtt.port, jt808Port: jt808.port, log });
      stops.push({ name: 'simulator', stop: () => sim.stop() });
    }

    const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
    return {
      config,
      urls: {
        http: `http://${host}:${httpPort}`,
        wall: `http://${host}:${httpPort}/wall/`,
        docs: `http://${host}:${httpPort}/docs`,
        mqtt: `mqtt://${host}:${mqtt.port}`,
        jt808: `tcp://${host}:${jt808.port}`,
        influx: influxUrl,
      },
      ports: { http: httpPort, mqtt: mqtt.port, jt808: jt808.port },
      admin,
      alarmsSettled: () => engine.settled(),
      flushTelemetry: async () => void (await writer.flush()),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
