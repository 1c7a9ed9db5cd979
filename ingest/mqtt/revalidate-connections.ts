import type { Client } from 'aedes';
import type { Logger } from 'pino';
import type { DeviceDirectory } from '../ports.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { deviceOf, secretOf } from './mqtt-clients.ts';

/**
 * After a registry write, re-checks every live device connection with the credentials it connected with,
 * and closes those whose device is now disabled, deleted or has a rotated secret. One query for all of them.
 */
export async function revalidateConnections(clients: Iterable<Client>, directory: DeviceDirectory, metrics: Metrics, log: Logger): Promise<void> {
  const byCredentials = new Map<string, { code: string; secret: string; clients: Client[] }>();
  for (const client of clients) {
    const device = deviceOf(client);
    const secret = secretOf(client);
    if (!device || secret === undefined || client.closed) continue;
    const key = `${device.code}\n${secret}`;
    let group = byCredentials.get(key);
    if (!group) byCredentials.set(key, (group = { code: device.code, secret, clients: [] }));
    group.clients.push(client);
  }
  const groups = [...byCredentials.values()];
  if (groups.length === 0) return;
  const results = await directory.authenticateDevices(groups);
  for (const [i, { code, clients: group }] of groups.entries()) {
    const result = results[i];
    if (result.ok) continue;
    for (const client of group) {
      metrics.aclRefusals.inc({ action: 'connection', reason: result.reason });
      log.warn({ device: code, clientId: client.id, reason: result.reason }, 'MQTT connection closed: credentials no longer valid');
      client.close();
    }
  }
}
