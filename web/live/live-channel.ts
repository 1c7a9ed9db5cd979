import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import type { Logger } from 'pino';
import type { Accounts } from '../../platform/auth/accounts.ts';
import { roomsFor, roomsOf } from '../../platform/auth/scope.ts';
import type { AlarmChange } from '../../alerts/alarm-store.ts';
import type { TelemetryPush } from '../../monitor/telemetry-pipeline.ts';

interface Scoped {
  enterpriseId: number | null;
  regionCode: string | null;
}

/**
 * Socket.IO namespace /live. Each client joins the one room matching its scope; every event goes to the rooms
 * of the enterprise and regions it concerns. Readings and positions are coalesced per tick; a client still
 * sending the previous tick's batches skips this tick's (stale frames, counted); alarms are sent reliably.
 *
 * Not Socket.IO's `volatile`: it drops an event whenever the transport is mid-write, which is always the case
 * for the second event of a tick, so every `positions` batch sent right after a `readings` batch was lost.
 */
export class LiveChannel implements TelemetryPush {
  readonly io: Server;
  private readonly live: Namespace;
  // Latest per sensor, like positions per vehicle: bounded by the sensor count however fast gateways publish.
  private readonly pendingReadings = new Map<number, Scoped & { payload: object }>();
  private pendingPositions = new Map<number, Scoped & { payload: object }>();
  private readonly timer: NodeJS.Timeout;
  /** Since when each client's transport has been writing, seen at the ticks. */
  private readonly busySince = new Map<string, number>();
  private readonly lagMs: number;
  private readonly onTickSkipped: () => void;

  constructor(
    httpServer: HttpServer,
    accounts: Accounts,
    private readonly log: Logger,
    opts: { tickMs?: number; parkEnterpriseIds?: (parkId: number) => Promise<number[]>; onTickSkipped?: () => void } = {},
  ) {
    const tickMs = opts.tickMs ?? 500;
    this.onTickSkipped = opts.onTickSkipped ?? (() => {});
    this.lagMs = Math.max(tickMs, 250);
    this.io = new Server(httpServer, {
      serveClient: false, // the pages bundle socket.io-client from npm
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    });
    this.live = this.io.of('/live');
    this.live.use(async (socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      const user = typeof token === 'string' ? await accounts.authenticateToken(token).catch(() => null) : null;
      if (!user) {
        this.log.warn({ ip: socket.handshake.address }, 'live channel: unauthorized connection refused');
        return next(new Error('unauthorized'));
      }
      if (user.mustChangePassword) return next(new Error('password_change_required'));
      socket.data.user = user;
      const parkEnterprises = user.scope.kind === 'park' ? ((await opts.parkEnterpriseIds?.(user.scope.parkId)) ?? []) : [];
      await socket.join(roomsOf(user.scope, parkEnterprises));
      next();
    });
    this.timer = setInterval(() => this.flush(), tickMs);
    this.timer.unref();
  }

  reading<P extends { sensorId: number }>(scoped: Scoped, payload: P): void {
    this.pendingReadings.set(payload.sensorId, { enterpriseId: scoped.enterpriseId, regionCode: scoped.regionCode, payload });
  }

  position(vehicleId: number, scoped: Scoped, payload: object): void {
    this.pendingPositions.set(vehicleId, { ...scoped, payload });
  }

  status(scoped: Scoped, payload: { kind: 'device' | 'vehicle'; id: number; online: boolean }): void {
    this.live.to(roomsFor(scoped.enterpriseId, scoped.regionCode)).emit('status', payload);
  }

  /** The wall opens these video panes (alarm linkage, SOS); see README "Video". */
  videoOpen(scoped: Scoped, payload: object): void {
    this.live.to(roomsFor(scoped.enterpriseId, scoped.regionCode)).emit('video_open', payload);
  }

  /** A stream started or stopped publishing, or its relay changed state. */
  videoState(scoped: Scoped, payload: object): void {
    this.live.to(roomsFor(scoped.enterpriseId, scoped.regionCode)).emit('video_state', payload);
  }

  alarm(change: AlarmChange): void {
    this.live.to(roomsFor(change.alarm.enterpriseId, change.alarm.regionCode)).emit('alarm', change);
  }

  flush(): void {
    const skip = this.laggards();
    this.emitGrouped('readings', [...this.pendingReadings.values()], skip);
    this.emitGrouped('positions', [...this.pendingPositions.values()], skip);
    this.pendingReadings.clear();
    this.pendingPositions.clear();
  }

  /** Clients that have been writing since at least a tick ago (and 250 ms): behind, so this tick's batches skip them. */
  private laggards(): string[] {
    const now = Date.now();
    const skip: string[] = [];
    for (const id of this.busySince.keys()) if (!this.live.sockets.has(id)) this.busySince.delete(id);
    for (const [id, socket] of this.live.sockets) {
      if (socket.conn.transport.writable) {
        this.busySince.delete(id);
        continue;
      }
      const since = this.busySince.get(id);
      if (since === undefined) this.busySince.set(id, now);
      else if (now - since >= this.lagMs) skip.push(id);
    }
    if (skip.length > 0 && (this.pendingReadings.size > 0 || this.pendingPositions.size > 0)) {
      for (let i = 0; i < skip.length; i++) this.onTickSkipped();
      this.log.debug({ clients: skip.length }, 'live channel: slow clients skip this tick');
    }
    return skip;
  }

  private emitGrouped(event: string, items: Array<Scoped & { payload: object }>, skip: string[]) {
    if (items.length === 0) return;
    const byRoom = new Map<string, object[]>();
    for (const item of items) {
      for (const room of roomsFor(item.enterpriseId, item.regionCode)) {
        let list = byRoom.get(room);
        if (!list) byRoom.set(room, (list = []));
        list.push(item.payload);
      }
    }
    // Each socket is also in the room named by its id, so except() leaves the slow ones out.
    for (const [room, list] of byRoom) this.live.to(room).except(skip).emit(event, list);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.flush();
    this.live.disconnectSockets(true);
    // The HTTP server belongs to fastify, which closes it; only the engine's own connections end here.
    this.io.engine.close();
  }
}
