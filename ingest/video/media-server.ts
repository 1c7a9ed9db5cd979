import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { broadcastOf, nms, type NmsSession } from './nms.ts';
import type { PlayRefusal, PlayTokens } from './play-token.ts';

/** Why a connection to the media server was refused; the label of `video_refused_total`. */
export type VideoRefusal =
  | PlayRefusal
  | 'unknown_key'
  | 'camera_disabled'
  | 'wrong_app'
  | 'flv_publish'
  | 'ws_publish'
  | 'rtmp_play'
  | 'unknown_stream';

/** What the registry says of an RTMP publish: which public stream it feeds, or why not. */
export type PublishVerdict = { ok: true; stream: string } | { ok: false; reason: 'unknown_key' | 'camera_disabled' };

export interface MediaServerOptions {
  host: string;
  rtmpPort: number;
  httpPort: number;
  tokens: PlayTokens;
  /** Synchronous: node-media-server decides a publish inside its event. */
  admitPublish: (streamKey: string) => PublishVerdict;
  /** The internal stream path a public stream name plays from, or null when there is no such stream. */
  playPath: (stream: string) => string | null;
  /** A viewer holding more unsent bytes than this is dropped (node-media-server ignores backpressure). */
  maxViewerBufferBytes: number;
  onRefused: (reason: VideoRefusal, detail: Record<string, unknown>) => void;
  onViewerDropped: (stream: string) => void;
  log: Logger;
}

export interface InternalPublisher {
  /** One FLV tag body: 8 audio, 9 video, 18 script; timestamp in ms. */
  push(tagType: number, timestampMs: number, data: Buffer): void;
  close(): void;
}

const PLAY_URL = /^\/live\/([A-Za-z0-9_-]{1,64})\.flv$/;
const isPublishProtocol = (header: string | undefined) =>
  (header ?? '').split(',').map((p) => p.trim().toLowerCase()).some((p) => p === 'post' || p === 'publisher');

let running = false;

/**
 * node-media-server behind our own listeners: RTMP publish admitted only for an enabled camera's key, HTTP-FLV and
 * WS-FLV play only with a play token from our API, no publishing over HTTP or WebSocket, no REST API. Viewers that
 * do not drain are dropped, and a publisher that leaves ends its viewers at once.
 */
export class MediaServer {
  private rtmpServer = net.createServer((socket) => this.acceptRtmp(socket));
  private httpServer = http.createServer((req, res) => this.acceptHttp(req, res));
  private wss = new WebSocketServer({ noServer: true });
  private sockets = new Set<net.Socket>();
  private internal = new WeakSet<object>();
  private refused = new WeakSet<object>();
  /** Internal stream path → public stream name, for the streams admitted or opened. */
  private names = new Map<string, string>();
  private live = new Set<string>();
  private publishListeners: Array<(stream: string, path: string) => void> = [];
  private unpublishListeners: Array<(stream: string, path: string) => void> = [];
  private readonly handlers: Record<string, (s: NmsSession) => void>;

  constructor(private readonly o: MediaServerOptions) {
    this.handlers = {
      prePublish: (s) => this.prePublish(s),
      postPublish: (s) => this.postPublish(s),
      donePublish: (s) => this.donePublish(s),
      prePlay: (s) => this.prePlay(s),
    };
    this.httpServer.on('upgrade', (req, socket, head) => this.acceptWebSocket(req, socket, head));
  }

  async start(): Promise<{ rtmpPort: number; httpPort: number }> {
    if (running) throw new Error('node-media-server keeps its streams in module state: one media server per process');
    running = true;
    nms.Context.config = { auth: { play: false, publish: false } };
    nms.logger.log = (message: string, level = 'info') => this.o.log[level === 'error' ? 'warn' : 'debug']({ component: 'nms' }, message);
    for (const [event, handler] of Object.entries(this.handlers)) nms.Context.eventEmitter.on(event, handler);
    try {
      await listen(this.rtmpServer, this.o.rtmpPort, this.o.host);
      await listen(this.httpServer, this.o.httpPort, this.o.host);
    } catch (err) {
      await this.stop();
      throw err;
    }
    return { rtmpPort: (this.rtmpServer.address() as net.AddressInfo).port, httpPort: (this.httpServer.address() as net.AddressInfo).port };
  }

  async stop(): Promise<void> {
    for (const [event, handler] of Object.entries(this.handlers)) nms.Context.eventEmitter.off(event, handler);
    for (const s of this.sockets) s.destroy();
    for (const ws of this.wss.clients) ws.terminate();
    this.httpServer.closeAllConnections();
    await Promise.all([close(this.rtmpServer), close(this.httpServer)]);
    for (const path of this.names.keys()) nms.Context.broadcasts.delete(path);
    running = false;
  }

  onPublish(listener: (stream: string, path: string) => void): void {
    this.publishListeners.push(listener);
  }

  onUnpublish(listener: (stream: string, path: string) => void): void {
    this.unpublishListeners.push(listener);
  }

  isLive(stream: string): boolean {
    return this.live.has(stream);
  }

  viewers(stream: string): number {
    const path = this.o.playPath(stream);
    if (!path) return 0;
    let n = 0;
    for (const s of nms.Context.broadcasts.get(path)?.subscribers.values() ?? []) if (s.ip !== '') n++;
    return n;
  }

  /** Ends the publisher of a stream path (its camera was disabled or deleted); its viewers end with it. */
  endPublish(path: string): void {
    const publisher = nms.Context.broadcasts.get(path)?.publisher;
    if (!publisher) return;
    if (publisher.socket) publisher.socket.destroy();
    else publisher.close();
  }

  /** A stream published from inside the process (JT/T 1078), fed FLV tag bodies. */
  publishInternal(stream: string, path: string): InternalPublisher {
    const session = new nms.BaseSession();
    Object.assign(session, { protocol: 'internal', streamPath: path, streamApp: path.split('/')[1], streamName: path.split('/')[2], isPublisher: true });
    this.internal.add(session);
    this.names.set(path, stream);
    const broadcast = broadcastOf(path);
    session.broadcast = broadcast;
    const err = broadcast.postPublish(session);
    if (err) throw new Error(err);
    let open = true;
    return {
      push: (tagType, timestampMs, data) => {
        if (open) broadcast.broadcastMessage(nms.Flv.parserTag(tagType, timestampMs, data.length, data));
      },
      close: () => {
        if (!open) return;
        open = false;
        broadcast.donePublish(session);
      },
    };
  }

  /** Receives every FLV message of a stream (header, metadata, sequence headers, GOP cache, then live) until untapped. */
  tap(path: string, onData: (flv: Buffer) => void): () => void {
    const session = new nms.BaseSession();
    Object.assign(session, { protocol: 'flv', streamPath: path, sendBuffer: onData });
    const broadcast = broadcastOf(path);
    let tapped = true;
    session.close = () => {
      if (tapped) (tapped = false), broadcast.donePlay(session);
    };
    broadcast.postPlay(session);
    return () => session.close();
  }

  private refuse(reason: VideoRefusal, detail: Record<string, unknown>) {
    this.o.log.warn({ reason, ...detail }, 'video request refused');
    this.o.onRefused(reason, detail);
  }

  private acceptRtmp(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.setNoDelay(true);
    const session = new nms.RtmpSession(socket);
    session.run!();
    // One read of a publisher per loop turn. When the fan-out falls behind, libuv otherwise reads a backed-up socket
    // many times in one go (megabytes, seconds of video), and fanning that out blocked the whole process, API and
    // gateways included, for seconds (seen with 700 viewers of one stream).
    socket.on('data', () => {
      socket.pause();
      setImmediate(() => socket.resume());
    });
    nms.Context.sessions.set(session.id, session);
  }

  private prePublish(s: NmsSession) {
    if (this.internal.has(s)) return;
    const detail = { remote: s.ip, app: s.streamApp, protocol: s.protocol };
    const verdict: PublishVerdict | { ok: false; reason: 'wrong_app' } = s.streamApp === 'live' ? this.o.admitPublish(s.streamName) : { ok: false, reason: 'wrong_app' };
    if (verdict.ok) {
      this.names.set(s.streamPath, verdict.stream);
      return;
    }
    this.refused.add(s);
    s.broadcast.publishGraceMs = 0;
    this.refuse(verdict.reason, detail);
    // Packets already read in this chunk must not reach the viewers of that path.
    if (s.rtmp) s.rtmp.onPacketCallback = () => undefined;
    if (s.socket) s.socket.destroy();
    else s.close();
  }

  private postPublish(s: NmsSession) {
    if (this.refused.has(s) || s.broadcast.publisher !== null) return;
    // No 30 s "resume" grace: viewers must learn at once that the publisher is gone.
    s.broadcast.publishGraceMs = 0;
    const stream = this.names.get(s.streamPath);
    if (!stream) return;
    this.live.add(stream);
    this.o.log.info({ stream, remote: s.ip || 'internal' }, 'video publish started');
    for (const l of this.publishListeners) l(stream, s.streamPath);
  }

  private donePublish(s: NmsSession) {
    const stream = this.names.get(s.streamPath);
    for (const viewer of [...s.broadcast.subscribers.values()]) viewer.close();
    if (!stream) return;
    this.live.delete(stream);
    this.o.log.info({ stream }, 'video publish ended');
    for (const l of this.unpublishListeners) l(stream, s.streamPath);
  }

  private prePlay(s: NmsSession) {
    if (s.protocol !== 'rtmp') return;
    this.refuse('rtmp_play', { remote: s.ip });
    s.socket?.destroy();
  }

  /** HTTP-FLV: GET /live/<stream>.flv?token=… only. */
  private acceptHttp(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://media');
    const remote = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') return void res.writeHead(204, { 'access-control-allow-methods': 'GET' }).end();
    if (req.method !== 'GET') {
      this.refuse('flv_publish', { remote, method: req.method, path: url.pathname });
      return void res.writeHead(405, { allow: 'GET', 'content-type': 'application/json' }).end(JSON.stringify({ error: 'publish_refused', message: '不接受 HTTP 推流' }));
    }
    const target = this.playTarget(url, remote);
    if (!target.ok) return void res.writeHead(target.status, { 'content-type': 'application/json' }).end(JSON.stringify(target.body));
    const [, app, name] = target.path.split('/');
    Object.assign(req, { params: { app, name }, query: {}, hostname: 'media' });
    res.writeHead(200, { 'content-type': 'video/x-flv', 'cache-control': 'no-cache' });
    res.flushHeaders();
    const session = new nms.FlvSession(req, res);
    this.limitBuffer(session, target.stream, () => res.writableLength, () => res.destroy());
    session.run!();
    nms.Context.sessions.set(session.id, session);
  }

  /** WS-FLV: same URL and token; the `post`/`publisher` subprotocols (publishing) are refused. */
  private acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://media');
    const remote = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    const deny = (status: number, body: object) => {
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n${JSON.stringify(body)}`);
    };
    if (isPublishProtocol(req.headers['sec-websocket-protocol'])) {
      this.refuse('ws_publish', { remote, path: url.pathname });
      return deny(403, { error: 'publish_refused', message: '不接受 WebSocket 推流' });
    }
    const target = this.playTarget(url, remote);
    if (!target.ok) return deny(target.status, target.body);
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      req.url = `${target.path}.flv`;
      const session = new nms.FlvSession(req, ws);
      this.limitBuffer(session, target.stream, () => ws.bufferedAmount, () => ws.terminate());
      session.run!();
      nms.Context.sessions.set(session.id, session);
    });
  }

  /**
   * node-media-server announces audio in every FLV header; players (ffmpeg, mpegts.js) then wait for an audio track a
   * video-only camera never sends. Announce it only when the stream has one.
   */
  private announceTracks(path: string) {
    const b = broadcastOf(path);
    b.flvHeader = nms.Flv.createHeader(b.flvAudioHeader !== null, true);
  }

  private playTarget(url: URL, remote: string): { ok: true; stream: string; path: string } | { ok: false; status: number; body: object } {
    const stream = PLAY_URL.exec(url.pathname)?.[1];
    const path = stream ? this.o.playPath(stream) : null;
    if (!stream || !path) {
      this.refuse('unknown_stream', { remote, path: url.pathname });
      return { ok: false, status: 404, body: { error: 'unknown_stream', message: '视频流不存在' } };
    }
    const verdict = this.o.tokens.redeem(url.searchParams.get('token') ?? undefined, stream);
    if (!verdict.ok) {
      this.refuse(verdict.reason, { remote, stream });
      return { ok: false, status: 403, body: { error: verdict.reason, message: '播放地址无效、已过期或已使用，请重新获取' } };
    }
    this.o.log.info({ stream, userId: verdict.claims.userId, remote }, 'video play started');
    this.announceTracks(path);
    return { ok: true, stream, path };
  }

  private limitBuffer(session: NmsSession, stream: string, buffered: () => number, drop: () => void) {
    const send = session.sendBuffer;
    let dropped = false;
    session.sendBuffer = (buffer) => {
      if (dropped) return;
      if (buffered() > this.o.maxViewerBufferBytes) {
        dropped = true;
        this.o.log.warn({ stream, remote: session.ip, buffered: buffered() }, 'slow video viewer dropped');
        this.o.onViewerDropped(stream);
        return drop();
      }
      send(buffer);
    };
  }
}

function listen(server: net.Server, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => (server.off('error', reject), resolve()));
  });
}

function close(server: net.Server) {
  return new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}
