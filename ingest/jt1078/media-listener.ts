import net from 'node:net';
import type { Logger } from 'pino';
import type { Metrics } from '../../platform/metrics.ts';
import { normalizePhone } from '../jt808/codec/phone.ts';
import { MediaStreamDecoder } from './codec/media-stream-decoder.ts';
import { FrameAssembler } from './codec/frame-assembler.ts';
import { DataType, type MediaPacket } from './codec/media-packet.ts';

/** Where a matched media connection's video frames go. */
export interface ChannelSink {
  /** One H.264 access unit (Annex B). */
  frame(payload: Buffer): void;
  /** The terminal's connection ended. */
  ended(): void;
}

export interface MediaListenerOptions {
  port: number;
  host: string;
  /** The sink of a 0x9101 we sent for this SIM and channel, or null: a connection nobody asked for is closed. */
  claim: (sim: string, channel: number, remote: string, closeConnection: () => void) => ChannelSink | null;
  metrics: Metrics;
  log: Logger;
  /** A connection that sends nothing valid for this long is closed. */
  idleTimeoutMs?: number;
}

const MAX_LOGGED_PER_CONNECTION = 10;

/** The JT/T 1078 media TCP listener: terminals connect here after our 0x9101 and stream packets. */
export async function startMediaListener(o: MediaListenerOptions) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    const log = o.log.child({ remote });
    const decoder = new MediaStreamDecoder();
    const assembler = new FrameAssembler();
    const sinks = new Map<number, ChannelSink | null>();
    let logged = 0;
    const warn = (obj: object, msg: string) => {
      if (logged++ < MAX_LOGGED_PER_CONNECTION) log.warn(obj, msg);
    };
    socket.setTimeout(o.idleTimeoutMs ?? 30_000, () => socket.destroy());
    const onPacket = (p: MediaPacket) => {
      let sink = sinks.get(p.channel);
      if (sink === undefined) {
        sink = o.claim(normalizePhone(p.sim), p.channel, remote, () => socket.destroy());
        sinks.set(p.channel, sink);
        if (!sink) {
          o.metrics.jt1078Packets.inc({ result: 'unmatched' });
          log.warn({ sim: p.sim, channel: p.channel }, '1078 media connection matches no 0x9101 we sent; closed');
          socket.destroy();
          return;
        }
        log.info({ sim: p.sim, channel: p.channel }, '1078 media connection matched');
      }
      if (!sink) return;
      o.metrics.jt1078Packets.inc({ result: 'ok' });
      if (p.dataType === DataType.Audio || p.dataType === DataType.Passthrough) return; // video only so far
      for (const e of assembler.push(p)) {
        if (e.kind === 'dropped') {
          o.metrics.jt1078Packets.inc({ result: 'dropped' }, e.packets);
          warn({ reason: e.reason, packets: e.packets, channel: p.channel }, '1078 partial frame dropped');
          continue;
        }
        o.metrics.jt1078Frames.inc();
        sink.frame(e.frame.payload);
      }
    };
    socket.on('data', (chunk) => {
      for (const e of decoder.push(chunk)) {
        if (e.kind === 'packet') onPacket(e.packet);
        else {
          o.metrics.jt1078Packets.inc({ result: 'malformed' });
          warn({ reason: e.reason, skipped: e.skipped, head: e.head }, 'malformed 1078 packet skipped');
        }
        if (socket.destroyed) return;
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      for (const sink of sinks.values()) sink?.ended();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => (server.off('error', reject), resolve()));
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => sockets.size,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type MediaListener = Awaited<ReturnType<typeof startMediaListener>>;
