import type { Client } from 'aedes';
import type { DeviceInfo } from '../../platform/registries/registry-directory.ts';

// aedes client objects carry no typed slot for our data; keep the authenticated device beside them.
const devices = new WeakMap<Client, DeviceInfo>();

export const attachDevice = (client: Client, device: DeviceInfo) => devices.set(client, device);
export const deviceOf = (client: Client | null): DeviceInfo | undefined => (client ? devices.get(client) : undefined);
