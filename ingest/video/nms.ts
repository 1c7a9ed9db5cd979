import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type net from 'node:net';
import type { WebSocket } from 'ws';

/**
 * The parts of node-media-server 4.x we use: its RTMP and FLV sessions and its broadcast hub. We run our own
 * listeners and hand connections to its sessions, so its HTTP server (REST API, web admin, `process.exit` on a
 * busy port) never starts. Typed here, the one place that knows its CommonJS internals.
 */
const require = createRequire(import.meta.url);

export interface NmsSession {
  id: string;
  ip: string;
  protocol: string;
  isPublisher: boolean;
  streamApp: string;
  streamName: string;
  streamPath: string;
  streamQuery: Record<string, unknown>;
  inBytes: number;
  outBytes: number;
  broadcast: NmsBroadcast;
  sendBuffer: (buffer: Buffer) => void;
  close: () => void;
  run?: () => void;
  socket?: net.Socket;
  rtmp?: { onPacketCallback: (packet: unknown) => void };
  res?: ServerResponse | WebSocket;
}

export interface NmsPacket {
  codec_type: number;
  flags: number;
  dts: number;
  pts: number;
  size: number;
  data: Buffer;
}

export interface NmsBroadcast {
  streamPath: string;
  publisher: NmsSession | null;
  subscribers: Map<string, NmsSession>;
  flvHeader: Buffer;
  flvAudioHeader: Buffer | null;
  publishGraceMs: number;
  postPlay(session: NmsSession): string | null;
  donePlay(session: NmsSession): void;
  postPublish(session: NmsSession): string | null;
  donePublish(session: NmsSession): void;
  broadcastMessage(packet: NmsPacket): void;
}

interface NmsContext {
  config: Record<string, unknown>;
  sessions: Map<string, NmsSession>;
  broadcasts: Map<string, NmsBroadcast>;
  eventEmitter: import('node:events').EventEmitter;
}

const Context = require('node-media-server/src/core/context.js') as NmsContext;
const logger = require('node-media-server/src/core/logger.js') as { log: (message: string, level?: string) => void };
const RtmpSession = require('node-media-server/src/session/rtmp_session.js') as new (socket: net.Socket) => NmsSession;
const FlvSession = require('node-media-server/src/session/flv_session.js') as new (req: IncomingMessage, res: ServerResponse | WebSocket) => NmsSession;
const BaseSession = require('node-media-server/src/session/base_session.js') as new () => NmsSession;
const BroadcastServer = require('node-media-server/src/server/broadcast_server.js') as new (streamPath: string) => NmsBroadcast;
const Flv = require('node-media-server/src/protocol/flv.js') as { parserTag(type: number, time: number, size: number, data: Buffer): NmsPacket; createHeader(a: boolean, v: boolean): Buffer };

export const nms = { Context, logger, RtmpSession, FlvSession, BaseSession, BroadcastServer, Flv };

/** The broadcast hub of a stream path, created when missing (as node-media-server's sessions do). */
export function broadcastOf(streamPath: string): NmsBroadcast {
  let b = Context.broadcasts.get(streamPath);
  if (!b) Context.broadcasts.set(streamPath, (b = new BroadcastServer(streamPath)));
  return b;
}
