import type { Client } from 'aedes';
import type { Logger } from 'pino';
import type { RegistryDirectory } from '../../platform/registries/registry-directory.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { deviceOf, secretOf } from './mqtt-clients.ts';

/**
 * After a registry write, re-checks every live device connection with the credentials it connected with,
 * and closes those whose device is now disabled, deleted or has a rotated secret.
 */
export async function revalidateConnections(clients: Iterable<Client>, directory: RegistryDirectory, metrics: Metrics, log: Logger): Promise<void> {
  await Promise.all(
    [...clients].map(async (client) => {
      const device = deviceOf(client);
      const secret = secretOf(client);
      if (!device || secret === undefined || client.closed) return;
      const result = await directory.authenticateDevice(device.code, secret);
      if (result.ok) return;
      metrics.aclRefusals.inc({ action: 'connection', reason: result.reason });
      log.warn({ device: device.code, clientId: client.id, reason: result.reason }, 'MQTT connection closed: credentials no longer valid');
      client.close();
    }),
  );
}
