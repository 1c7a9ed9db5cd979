import type { Logger } from 'pino';
import type { Jt808CommandPort } from '../jt808/gateway/jt808-server.ts';
import { avCloseCommand, avRequestCommand } from '../jt808/gateway/commands.ts';
import { normalizePhone } from '../jt808/codec/phone.ts';
import type { InternalPublisher, MediaServer } from '../video/media-server.ts';
import { H264FlvMuxer } from '../video/h264-flv-muxer.ts';
import { vehiclePath, vehicleStreamName } from '../video/camera-streams.ts';
import type { ChannelSink } from './media-listener.ts';

export type ChannelOpenResult = { status: 'opened' | 'already_open' } | { status: 'offline' } | { status: 'timeout' } | { status: 'refused'; result: number };

export interface LiveChannelOptions {
  commands: Jt808CommandPort;
  /** The vehicle's terminal phone (SIM), or null when it has none. */
  terminalPhone: (vehicleId: number) => Promise<string | null>;
  media: Pick<MediaServer, 'publishInternal' | 'viewers'>;
  /** Address and port the terminal connects to, sent in 0x9101. */
  mediaAddress: () => { host: string; port: number };
  /** A channel nobody watches for this long is closed with 0x9102. */
  idleCloseMs: number;
  /** A 0x9101 the terminal answered but never followed with a media connection expires after this. */
  connectTimeoutMs?: number;
  now?: () => number;
  log: Logger;
}

interface Channel {
  vehicleId: number;
  channel: number;
  phone: string;
  stream: string;
  requestedAt: number;
  lastWatchedAt: number;
  publisher: InternalPublisher | null;
  closeConnection: (() => void) | null;
}

/**
 * Truck camera channels opened on demand: 0x9101 over the truck's JT/T 808 session, the media connection it makes
 * matched to that request, its H.264 muxed to FLV and published into the media server as `vehicle-<id>-<channel>`,
 * and closed (0x9102) once nobody has watched it for the idle time.
 */
export class LiveChannels {
  private channels = new Map<string, Channel>();
  private readonly now: () => number;

  constructor(private readonly o: LiveChannelOptions) {
    this.now = o.now ?? Date.now;
  }

  isOpen(vehicleId: number, channel: number): boolean {
    return this.channels.has(`${vehicleId}:${channel}`);
  }

  async open(vehicleId: number, channel: number): Promise<ChannelOpenResult> {
    const key = `${vehicleId}:${channel}`;
    const existing = this.channels.get(key);
    if (existing) {
      existing.lastWatchedAt = this.now();
      return { status: 'already_open' };
    }
    const phone = await this.o.terminalPhone(vehicleId);
    if (!phone) return { status: 'offline' };
    const { host, port } = this.o.mediaAddress();
    const entry: Channel = { vehicleId, channel, phone: normalizePhone(phone), stream: vehicleStreamName(vehicleId, channel), requestedAt: this.now(), lastWatchedAt: this.now(), publisher: null, closeConnection: null };
    // Registered before the command goes out: a fast terminal connects before its 0x0001 arrives.
    this.channels.set(key, entry);
    const outcome = await this.o.commands.sendCommand(vehicleId, avRequestCommand({ serverIp: host, tcpPort: port, channel }));
    if (outcome.status === 'answered' && outcome.result === 0) {
      this.o.log.info({ vehicleId, channel, host, port }, '1078 channel requested (0x9101)');
      return { status: 'opened' };
    }
    if (this.channels.get(key) === entry && !entry.publisher) this.channels.delete(key);
    if (outcome.status === 'answered') return { status: 'refused', result: outcome.result };
    return outcome;
  }

  /** The listener's question for a new media connection: did we ask this SIM for this channel? */
  claim(sim: string, channel: number, remote: string, closeConnection: () => void): ChannelSink | null {
    const entry = [...this.channels.values()].find((c) => c.phone === sim && c.channel === channel && !c.publisher);
    if (!entry) return null;
    const publisher = this.o.media.publishInternal(entry.stream, vehiclePath(entry.vehicleId, entry.channel));
    entry.publisher = publisher;
    entry.closeConnection = closeConnection;
    const muxer = new H264FlvMuxer();
    // Some terminals stamp every packet alike: live video runs on the receive clock.
    const startedAt = this.now();
    this.o.log.info({ vehicleId: entry.vehicleId, channel, remote }, '1078 channel streaming');
    return {
      frame: (payload) => {
        const ts = this.now() - startedAt;
        for (const tag of muxer.push(payload)) publisher.push(9, ts, tag);
      },
      ended: () => {
        publisher.close();
        if (this.channels.get(`${entry.vehicleId}:${entry.channel}`) === entry) this.channels.delete(`${entry.vehicleId}:${entry.channel}`);
        this.o.log.info({ vehicleId: entry.vehicleId, channel }, '1078 media connection ended');
      },
    };
  }

  /** Closes channels nobody watches, and requests no media connection followed. */
  sweep(): void {
    const now = this.now();
    for (const c of [...this.channels.values()]) {
      if (this.o.media.viewers(c.stream) > 0) c.lastWatchedAt = now;
      if (!c.publisher && now - c.requestedAt > (this.o.connectTimeoutMs ?? 30_000)) {
        this.o.log.warn({ vehicleId: c.vehicleId, channel: c.channel }, '1078 terminal never connected after 0x9101');
        this.close(c, 'no_connection');
      } else if (now - c.lastWatchedAt > this.o.idleCloseMs) this.close(c, 'idle');
    }
  }

  closeAll(): void {
    for (const c of [...this.channels.values()]) this.close(c, 'shutdown');
  }

  private close(c: Channel, reason: string) {
    this.channels.delete(`${c.vehicleId}:${c.channel}`);
    this.o.log.info({ vehicleId: c.vehicleId, channel: c.channel, reason }, '1078 channel closed (0x9102)');
    void this.o.commands.sendCommand(c.vehicleId, avCloseCommand(c.channel)).catch(() => undefined);
    c.publisher?.close();
    c.closeConnection?.();
  }
}
