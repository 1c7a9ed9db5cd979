import net from 'node:net';
import type { Logger } from 'pino';
import type { VehicleInfo } from '../../../registry/registry-directory.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { MediaSink } from './handler-context.ts';
import type { DeviceDirectory, PositionSink, TerminalRegistry } from '../../ports.ts';
import type { CommandOutcome } from './pending-commands.ts';
import type { Jt808Command } from './commands.ts';
import type { TerminalIdentityEvent } from '../../ports.ts';
import { DriftDetector } from './drift-detector.ts';
import type { TimestampWindow } from '../../timestamp-window.ts';
import { AttemptLimiter } from './attempt-limiter.ts';
import { addressOf } from './terminal-identity.ts';
import { TerminalConnection } from './terminal-connection.ts';
import { socketLink, type TerminalLink } from './terminal-link.ts';
import { SocketProcessPool, type SocketProcessStats } from './socket-processes/socket-process-pool.ts';

export type { CommandOutcome } from './pending-commands.ts';
export type { Jt808Command } from './commands.ts';

export interface Jt808CommandPort {
  /** Sends to the vehicle's live session and waits for the terminal's answer (0x0001, or 0x0805 for photos). */
  sendCommand(vehicleId: number, command: Jt808Command): Promise<CommandOutcome>;
}

export interface Jt808Gateway extends Jt808CommandPort {
  port: number;
  isOnline(vehicleId: number): boolean;
  sessionCount(): number;
  /** Socket processes holding the terminals' sockets; none when this process holds them itself. */
  socketProcesses(): Promise<SocketProcessStats[]>;
  close(): Promise<void>;
}

/** The JT/T 808 TCP gateway. A terminal has at most one live session: a reconnect replaces the old one. */
export async function startJt808Gateway(opts: {
  port: number;
  host?: string;
  idleTimeoutS: number;
  /** Unauthenticated connections (including ones sending only garbage) are closed after this long. */
  authTimeoutS?: number;
  subpackageTimeoutS?: number;
  commandTimeoutS: number;
  lenientChecksum: boolean;
  /** Refuse frames with known terminal quirks (JT808_STRICT) instead of taking them. */
  strict: boolean;
  /** Child processes that hold the sockets (each up to its open-file limit); 0 holds them in this process. */
  socketProcesses?: number;
  /** Position device times outside it are not trusted; the receive time stands in (track retention, 5 min ahead). */
  positionWindow: TimestampWindow;
  directory: DeviceDirectory;
  terminals: TerminalRegistry;
  positions: PositionSink;
  media: MediaSink;
  metrics: Metrics;
  log: Logger;
  onVehicleStatus?: (vehicle: VehicleInfo, online: boolean) => void;
  /** A device other than the vehicle's bound terminal tried to be it, or its session was taken over from another address. */
  onIdentityConflict?: (e: TerminalIdentityEvent) => void;
  /** Refused registrations/authentications that block a terminal phone, and a source address, for a while. */
  attemptLimits?: { perPhone: number; perAddress: number; perMs: number };
  /** Clock of the attempt limits and identity events. */
  now?: () => number;
}): Promise<Jt808Gateway> {
  const log = opts.log.child({ component: 'jt808' });
  const byPhone = new Map<string, TerminalConnection>();
  const byVehicle = new Map<number, TerminalConnection>();
  const connections = new Set<TerminalConnection>();
  const drift = new DriftDetector();
  const now = opts.now ?? Date.now;
  const limits = opts.attemptLimits ?? { perPhone: 5, perAddress: 20, perMs: 10 * 60_000 };
  const attempts = {
    byPhone: new AttemptLimiter({ maxFailures: limits.perPhone, perMs: limits.perMs, now }),
    byAddress: new AttemptLimiter({ maxFailures: limits.perAddress, perMs: limits.perMs, now }),
  };
  const identityConflict = (e: TerminalIdentityEvent) => opts.onIdentityConflict?.(e);
  const idleTimeoutMs = (heartbeatS: number) => Math.max(opts.idleTimeoutS, 3 * heartbeatS) * 1000;
  let nextId = 1;
  const pool = opts.socketProcesses ? await SocketProcessPool.start({ count: opts.socketProcesses, log }) : null;

  const accept = (socket: net.Socket) => {
    const id = nextId++;
    const link: TerminalLink | null = pool ? pool.adopt(id, socket) : socketLink(socket);
    if (!link) return log.error('JT/T 808 connection refused: no socket process is running');
    const conn = new TerminalConnection(link, id, {
      idleTimeoutMs: opts.idleTimeoutS * 1000,
      authTimeoutMs: (opts.authTimeoutS ?? 60) * 1000,
      subpackageTimeoutMs: (opts.subpackageTimeoutS ?? 30) * 1000,
      lenientChecksum: opts.lenientChecksum,
      strict: opts.strict,
      directory: opts.directory,
      terminals: opts.terminals,
      positions: opts.positions,
      media: opts.media,
      drift,
      positionWindow: opts.positionWindow,
      attempts,
      identityConflict,
      now,
      metrics: opts.metrics,
      log,
      bindTerminal: (phone, c) => {
        const previous = byPhone.get(phone);
        byPhone.set(phone, c);
        if (previous && previous !== c) {
          takeover(previous, c);
          previous.close('replaced by a new connection of the same terminal');
        }
        if (c.session.vehicle) {
          byVehicle.set(c.session.vehicle.id, c);
          if (c.session.vehicle.heartbeatS) c.setIdleTimeout(idleTimeoutMs(c.session.vehicle.heartbeatS));
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
  };
  /**
   * The new session has proven the bound device (its code, and a 2019 terminal its IMEI), so it wins. From another
   * address while the old one is still open it is also an alarm: a truck changing cell towers reconnects like this,
   * but so does a cloned terminal or a leaked code, and only an operator can tell them apart.
   */
  const takeover = (previous: TerminalConnection, next: TerminalConnection) => {
    const vehicle = next.session.vehicle;
    const fields = { phone: next.session.phone, plate: vehicle?.plate, previousRemote: previous.session.remote, remote: next.session.remote };
    if (!vehicle || addressOf(previous.session.remote) === addressOf(next.session.remote)) return log.info(fields, 'JT808 session replaced by a reconnect of the same terminal');
    log.warn(fields, 'JT808 session taken over from another address');
    opts.metrics.jt808IdentityConflicts.inc({ kind: 'takeover' });
    identityConflict({ kind: 'takeover', previousRemote: previous.session.remote, vehicle, remote: next.session.remote, at: new Date(now()) });
  };

  // Handed-over sockets stay paused until their socket process reads them.
  const server = net.createServer({ pauseOnConnect: pool !== null }, accept);
  if (!pool) server.maxConnections = 50_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
    });
  } catch (err) {
    await pool?.close();
    throw err;
  }
  const port = (server.address() as net.AddressInfo).port;
  // Accept errors (e.g. EMFILE when the fd limit is reached) must not take the process down.
  server.on('error', (err) => log.error({ err: err.message }, 'JT/T 808 listener error'));
  log.info({ port, socketProcesses: pool?.size ?? 0 }, 'JT/T 808 gateway listening');

  return {
    port,
    isOnline: (vehicleId) => byVehicle.has(vehicleId),
    sessionCount: () => connections.size,
    socketProcesses: async () => (pool ? pool.stats() : []),
    sendCommand: async (vehicleId, command) => {
      const conn = byVehicle.get(vehicleId);
      if (!conn) return { status: 'offline' };
      const outcome = await conn.command(command.msgId, command.build, opts.commandTimeoutS * 1000);
      if (command.heartbeatS !== undefined && outcome.status === 'answered' && outcome.result === 0) {
        // Kept with the vehicle, so the terminal's next session (also after a restart) gets a matching idle timeout.
        if (conn.session.vehicle) conn.session.vehicle.heartbeatS = command.heartbeatS;
        conn.setIdleTimeout(idleTimeoutMs(command.heartbeatS));
        await opts.terminals.saveHeartbeat(vehicleId, command.heartbeatS).catch((err: Error) => log.error({ err: err.message, vehicleId }, 'heartbeat interval not saved'));
      }
      return outcome;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of connections) c.close('gateway shutting down');
      // The listener's close callback also waits for every socket handed to a socket process, also one that died
      // with its sockets: there, the processes' exit is the end.
      if (pool) return pool.close();
      await closed;
    },
  };
}
