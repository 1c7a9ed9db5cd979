import type { PositionSink } from '../ingest/ports.ts';
import type { TelemetryPush } from '../monitor/telemetry-pipeline.ts';
import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import type { Part } from './part.ts';
import { GatewayHandle } from './gateway-handle.ts';
import { startStorage } from './start-storage.ts';
import { startTelemetry } from './start-telemetry.ts';
import { startAlerts } from './start-alerts.ts';
import { startHttp } from './start-http.ts';
import { startJobs } from './start-jobs.ts';
import { startIngest } from './start-ingest.ts';
import { startDemo } from './start-demo.ts';
import { startVideo, type Video } from './start-video.ts';

export interface RunningSystem {
  config: Config;
  urls: { http: string; wall: string; docs: string; mqtt: string; jt808: string; influx: string };
  ports: { http: number; mqtt: number; jt808: number; rtmp: number | null; videoHttp: number | null; jt1078: number | null };
  /** The running video part; null with VIDEO_ENABLED=false. */
  video: Video | null;
  admin: { created: boolean; generatedPassword?: string };
  alarmsSettled(): Promise<void>;
  flushTelemetry(): Promise<void>;
  /** The telemetry pipeline's entry for positions, the one the JT/T 808 gateway feeds: for load generators (the wall bench). */
  positions: PositionSink;
  /** The push to the wall alone, after the pipeline: for load generators that measure the wall, not the pipeline. */
  livePush: TelemetryPush;
  stop(): Promise<void>;
}

/**
 * Starts every part in dependency order and returns one handle that stops them in reverse:
 * simulator → ingest → jobs → HTTP/live → pending alarms → telemetry flush → database → local InfluxDB.
 */
export async function startSystem(config: Config, log: Logger): Promise<RunningSystem> {
  const parts: Part[] = [];
  const started = <P extends Part>(part: P): P => (parts.push(part), part);
  let shuttingDown = false;
  const stop = async () => {
    shuttingDown = true;
    for (const part of parts.reverse()) await part.stop();
    parts.length = 0;
  };
  try {
    const storage = started(await startStorage(config, log));
    const telemetry = started(await startTelemetry(config, log, storage));
    const alerts = started(await startAlerts(log, storage, telemetry));
    const gateways = new GatewayHandle();
    const video = config.video.enabled ? started(await startVideo(config, log, storage, alerts, gateways)) : null;
    const health = async () => ({ ...(await storage.health()), ...(await gateways.health()), ...(await telemetry.health()), ...(await video?.health()) });
    const http = started(await startHttp(config, log, storage, telemetry, alerts, { gateways, health, video: video?.routes }));
    video?.attachWall(http.live);
    started(await startJobs(config, log, storage, telemetry, alerts, http));
    const ingest = started(await startIngest(config, log, storage, telemetry, alerts, http, () => shuttingDown));
    gateways.attach(ingest);
    if (config.demo) started(await startDemo(log, ingest, video, config.video.ffmpegPath));

    const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
    const base = `http://${host}:${http.port}`;
    return {
      config,
      urls: { http: base, wall: `${base}/wall/`, docs: `${base}/docs`, mqtt: `mqtt://${host}:${ingest.mqtt.port}`, jt808: `tcp://${host}:${ingest.jt808.port}`, influx: storage.influxUrl },
      ports: { http: http.port, mqtt: ingest.mqtt.port, jt808: ingest.jt808.port, rtmp: video?.ports.rtmpPort ?? null, videoHttp: video?.ports.httpPort ?? null, jt1078: video?.ports.jt1078Port ?? null },
      video,
      admin: storage.admin,
      alarmsSettled: () => alerts.engine.settled(),
      flushTelemetry: async () => void (await telemetry.writer.flush()),
      positions: ingest.positions,
      livePush: http.live,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
