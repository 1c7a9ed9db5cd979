import net from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { Aedes, type Client } from 'aedes';
import type { Logger } from 'pino';
import type { DeviceInfo } from '../../registry/registry-directory.ts';
import type { DeviceDirectory } from '../ports.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { TelemetryIntake } from '../readings/telemetry-intake.ts';
import { authenticateHandler } from './authenticate.ts';
import { authorizePublishHandler } from './authorize-publish.ts';
import { authorizeSubscribeHandler } from './authorize-subscribe.ts';
import { deviceOf } from './mqtt-clients.ts';
import { revalidateConnections } from './revalidate-connections.ts';
import { attachMqttOverWebSocket, MQTT_WS_PATH } from './mqtt-over-websocket.ts';

export interface MqttBroker {
  aedes: Aedes;
  port: number;
  connectedDevices(): number;
  close(): Promise<void>;
}

/** The embedded aedes broker on TCP (and WebSocket at /mqtt), wired to device auth, ACL and telemetry intake. */
export async function startMqttBroker(opts: {
  port: number;
  host?: string;
  directory: DeviceDirectory;
  intake: TelemetryIntake;
  metrics: Metrics;
  log: Logger;
  onDeviceStatus?: (device: DeviceInfo, online: boolean) => void;
  /** MQTT over WebSocket at /mqtt on this HTTP server. */
  httpServer?: HttpServer;
}): Promise<MqttBroker> {
  const log = opts.log.child({ component: 'mqtt' });
  let broker: Aedes | undefined;
  broker = await Aedes.createBroker({
    authenticate: authenticateHandler(opts.directory, opts.metrics, log),
    authorizePublish: authorizePublishHandler(() => broker!, opts.intake, opts.metrics, log),
    authorizeSubscribe: authorizeSubscribeHandler(opts.metrics, log),
  });
  const connected = new Set<Client>();
  broker.on('clientReady', (client) => {
    connected.add(client);
    opts.metrics.mqttConnected.set(connected.size);
    const device = deviceOf(client);
    if (device) opts.onDeviceStatus?.(device, true);
  });
  broker.on('clientDisconnect', (client) => {
    connected.delete(client);
    opts.metrics.mqttConnected.set(connected.size);
    const device = deviceOf(client);
    if (device) {
      log.info({ device: device.code }, 'MQTT device disconnected');
      opts.onDeviceStatus?.(device, false);
    }
  });
  broker.on('clientError', (client, err) => log.debug({ clientId: client.id, err: err.message }, 'MQTT client error'));

  const server = net.createServer((socket) => broker!.handle(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  const ws = opts.httpServer ? attachMqttOverWebSocket(opts.httpServer, broker) : null;
  log.info({ port, websocket: ws ? MQTT_WS_PATH : null }, 'MQTT broker listening');
  let closed = false;
  opts.directory.onInvalidate(() => {
    if (closed) return;
    revalidateConnections(connected, opts.directory, opts.metrics, log).catch((err: Error) => log.error({ err }, 'MQTT connection re-check failed'));
  });
  return {
    aedes: broker,
    port,
    connectedDevices: () => broker!.connectedClients,
    async close() {
      closed = true;
      await ws?.close();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker!.close(() => resolve()));
      await serverClosed;
    },
  };
}
