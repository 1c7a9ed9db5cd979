import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import { TelemetryIntake } from '../ingest/readings/telemetry-intake.ts';
import { startMqttBroker } from '../ingest/mqtt/mqtt-broker.ts';
import { startJt808Gateway } from '../ingest/jt808/gateway/jt808-server.ts';
import { TelemetryPipeline } from '../monitor/telemetry-pipeline.ts';
import type { PositionSink } from '../ingest/ports.ts';
import { TerminalRecords } from '../registry/terminal-records.ts';
import type { Storage } from './start-storage.ts';
import type { Telemetry } from './start-telemetry.ts';
import type { Alerts } from './start-alerts.ts';
import type { Http } from './start-http.ts';
import { startPart } from './part.ts';

/** Readings are trusted up to this far ahead of the receive time, on both intakes. */
const MAX_FUTURE_MS = 5 * 60_000;

/**
 * The MQTT broker and the JT/T 808 gateway, feeding the telemetry pipeline: store → live state → rules → push.
 * `shuttingDown` is true once the whole system stops: gateways dropped by that are not a data interruption.
 */
export function startIngest(
  config: Config,
  log: Logger,
  { db, directory, metrics }: Storage,
  { writer, sensorLive, vehicleLive, freshness }: Telemetry,
  { engine }: Alerts,
  { server, live, media }: Http,
  shuttingDown: () => boolean,
) {
  return startPart(log, async (onStop) => {
    const pipeline = new TelemetryPipeline(writer, sensorLive, vehicleLive, engine, live, freshness);
    const intake = new TelemetryIntake(directory, pipeline, { maxFutureMs: MAX_FUTURE_MS, maxAgeMs: config.influx.sensorRetentionDays * 86_400_000 });
    const mqtt = await startMqttBroker({
      port: config.mqtt.port,
      directory,
      intake,
      metrics,
      log,
      httpServer: server,
      onDeviceStatus: (device, online) => {
        if (!online && !shuttingDown()) freshness.deviceDisconnected(device.id);
        live.status({ enterpriseId: device.enterpriseId, regionCode: null }, { kind: 'device', id: device.id, online });
      },
    });
    let mqttUp = true;
    onStop('mqtt', () => ((mqttUp = false), mqtt.close()));
    const jt808 = await startJt808Gateway({
      port: config.jt808.port,
      idleTimeoutS: config.jt808.idleTimeoutS,
      lenientChecksum: config.jt808.lenientChecksum,
      strict: config.jt808.strict,
      commandTimeoutS: config.jt808.commandTimeoutS,
      positionWindow: { maxFutureMs: MAX_FUTURE_MS, maxAgeMs: config.influx.trackRetentionDays * 86_400_000 },
      socketProcesses: config.jt808.socketProcesses,
      directory,
      terminals: new TerminalRecords(db),
      positions: pipeline,
      media,
      metrics,
      log,
      onVehicleStatus: (v, online) => live.status(v, { kind: 'vehicle', id: v.id, online }),
      onIdentityConflict: (e) => engine.onTerminalIdentity(e),
    });
    onStop('jt808', () => jt808.close());
    return {
      mqtt,
      jt808,
      positions: pipeline as PositionSink,
      health: async () => ({
        mqtt: mqttUp ? { ok: true } : { ok: false, detail: 'broker not listening' },
        jt808: { ok: true, detail: `terminal connections: ${jt808.sessionCount()}${config.jt808.socketProcesses ? `, held by ${config.jt808.socketProcesses} socket processes` : ''}` },
      }),
    };
  });
}

export type Ingest = Awaited<ReturnType<typeof startIngest>>;
