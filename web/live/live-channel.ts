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
 * of the enterprise and regions it concerns. Readings and positions are coalesced per tick and sent volatile
 * (a slow client skips stale frames); alarms are sent reliably.
 */
export class LiveChannel implements TelemetryPush {
  readonly io: Server;
  private readonly live: Namespace;
  // Latest per sensor, like positions per vehicle: bounded by the sensor count however fast gateways publish.
  private readonly pendingReadings = new Map<number, Scoped & { payload: object }>();
  private pendingPositions = new Map<number, Scoped & { payload: object }>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    httpServer: HttpServer,
    accounts: Accounts,
    private readonly log: Logger,
    opts: { tickMs?: number; parkEnterpriseIds?: (parkId: number) => Promise<number[]> } = {},
  ) {
    const tickMs = opts.tickMs ?? 500;
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
    this.emitGrouped('readings', [...this.pendingReadings.values()]);
    this.emitGrouped('positions', [...this.pendingPositions.values()]);
    this.pendingReadings.clear();
    this.pendingPositions.clear();
  }

  private emitGrouped(event: string, items: Array<Scoped & { payload: object }>) {
    if (items.length === 0) return;
    const byRoom = new Map<string, object[]>();
    for (const item of items) {
      for (const room of roomsFor(item.enterpriseId, item.regionCode)) {
        let list = byRoom.get(room);
        if (!list) byRoom.set(room, (list = []));
        list.push(item.payload);
      }
    }
    for (const [room, list] of byRoom) this.live.to(room).volatile.emit(event, list);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.flush();
    this.live.disconnectSockets(true);
    // The HTTP server belongs to fastify, which closes it; only the engine's own connections end here.
    this.io.engine.close();
  }
}
