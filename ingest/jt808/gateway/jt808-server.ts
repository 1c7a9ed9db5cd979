import net from 'node:net';
import type { Logger } from 'pino';
import type { RegistryDirectory, VehicleInfo } from '../../../platform/registries/registry-directory.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { PositionSink } from './handler-context.ts';
import { TerminalConnection } from './terminal-connection.ts';

export interface Jt808Gateway {
  port: number;
  isOnline(vehicleId: number): boolean;
  sessionCount(): number;
  close(): Promise<void>;
}

/** The JT/T 808 TCP gateway. A terminal has at most one live session: a reconnect replaces the old one. */
export async function startJt808Gateway(opts: {
  port: number;
  host?: string;
  idleTimeoutS: number;
  lenientChecksum: boolean;
  directory: RegistryDirectory;
  positions: PositionSink;
  metrics: Metrics;
  log: Logger;
  onVehicleStatus?: (vehicle: VehicleInfo, online: boolean) => void;
}): Promise<Jt808Gateway> {
  const log = opts.log.child({ component: 'jt808' });
  const byPhone = new Map<string, TerminalConnection>();
  const byVehicle = new Map<number, TerminalConnection>();
  const connections = new Set<TerminalConnection>();
  let nextId = 1;

  const server = net.createServer((socket) => {
    const conn = new TerminalConnection(socket, nextId++, {
      idleTimeoutMs: opts.idleTimeoutS * 1000,
      authTimeoutMs: 60_000,
      lenientChecksum: opts.lenientChecksum,
      directory: opts.directory,
      positions: opts.positions,
      metrics: opts.metrics,
      log,
      bindTerminal: (phone, c) => {
        const previous = byPhone.get(phone);
        byPhone.set(phone, c);
        if (previous && previous !== c) previous.close('replaced by a new connection of the same terminal');
        if (c.session.vehicle) {
          byVehicle.set(c.session.vehicle.id, c);
          opts.onVehicleStatus?.(c.session.vehicle, true);
        }
      },
      onClose: (c) => {
        connections.delete(c);
        opts.metrics.jt808Sessions.set(connections.size);
        if (c.session.phone && byPhone.get(c.session.phone) === c) {
          byPhone.delete(c.session.phone);
          if (c.session.vehicle) {
            byVehicle.delete(c.session.vehicle.id);
            opts.onVehicleStatus?.(c.session.vehicle, false);
          }
        }
      },
    });
    connections.add(conn);
    opts.metrics.jt808Sessions.set(connections.size);
  });
  server.maxConnections = 50_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  log.info({ port }, 'JT/T 808 gateway listening');

  return {
    port,
    isOnline: (vehicleId) => byVehicle.has(vehicleId),
    sessionCount: () => connections.size,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of connections) c.close('gateway shutting down');
      await closed;
    },
  };
}
