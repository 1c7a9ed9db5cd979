import type { Client } from 'aedes';
import type { DeviceInfo } from '../../registry/registry-directory.ts';

interface Session {
  device: DeviceInfo;
  /** Kept so a registry change (disabled device, rotated secret) can be re-checked against the live connection. */
  secret: string;
}

// aedes client objects carry no typed slot for our data; keep the authenticated device beside them.
const sessions = new WeakMap<Client, Session>();

export const attachDevice = (client: Client, device: DeviceInfo, secret: string) => sessions.set(client, { device, secret });
export const deviceOf = (client: Client | null): DeviceInfo | undefined => (client ? sessions.get(client)?.device : undefined);
export const secretOf = (client: Client): string | undefined => sessions.get(client)?.secret;
