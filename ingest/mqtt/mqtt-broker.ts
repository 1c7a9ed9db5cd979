import net from 'node:net';
import { Aedes } from 'aedes';
import type { Logger } from 'pino';
import type { RegistryDirectory, DeviceInfo } from '../../platform/registries/registry-directory.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { TelemetryIntake } from '../readings/telemetry-intake.ts';
import { authenticateHandler } from './authenticate.ts';
import { authorizePublishHandler } from './authorize-publish.ts';
import { authorizeSubscribeHandler } from './authorize-subscribe.ts';
import { deviceOf } from './mqtt-clients.ts';

export interface MqttBroker {
  aedes: Aedes;
  port: number;
  connectedDevices(): number;
  close(): Promise<void>;
}

/** The embedded aedes broker on TCP, wired to device auth, ACL and telemetry intake. */
export async function startMqttBroker(opts: {
  port: number;
  host?: string;
  directory: RegistryDirectory;
  intake: TelemetryIntake;
  metrics: Metrics;
  log: Logger;
  onDeviceStatus?: (device: DeviceInfo, online: boolean) => void;
}): Promise<MqttBroker> {
  const log = opts.log.child({ component: 'mqtt' });
  let broker: Aedes | undefined;
  broker = await Aedes.createBroker({
    authenticate: authenticateHandler(opts.directory, opts.metrics, log),
    authorizePublish: authorizePublishHandler(() => broker!, opts.intake, opts.metrics, log),
    authorizeSubscribe: authorizeSubscribeHandler(opts.metrics, log),
  });
  broker.on('clientReady', (client) => {
    const device = deviceOf(client);
    if (device) opts.onDeviceStatus?.(device, true);
  });
  broker.on('clientDisconnect', (client) => {
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
  log.info({ port }, 'MQTT broker listening');
  return {
    aedes: broker,
    port,
    connectedDevices: () => broker!.connectedClients,
    async close() {
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker!.close(() => resolve()));
      await serverClosed;
    },
  };
}
