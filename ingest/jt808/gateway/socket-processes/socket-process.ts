/**
 * A socket process: holds terminal sockets handed over by the gateway and relays their bytes both ways. It knows no
 * protocol; it exists so that the terminals of one gateway are not capped by one process's open-file limit.
 */
import type net from 'node:net';
import pino from 'pino';
import { END_GRACE_MS, MAX_UNSENT_BYTES, UNREAD_ANSWERS } from '../terminal-link.ts';
import type { FromSocketProcess, LinkEvent, LinkOp, ToSocketProcess } from './link-messages.ts';

// Unsent IPC batches past which reading from every socket stops until the gateway catches up, so a slow gateway
// cannot grow this process's memory.
const THROTTLE_AT = 32;
const UNTHROTTLE_AT = 4;

interface Held {
  socket: net.Socket;
  /** Paused on the gateway's request (a terminal flooding its session). */
  paused: boolean;
  reason: string | null;
}

const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { component: 'jt808-socket-process', pid: process.pid } });
const held = new Map<number, Held>();
let events: LinkEvent[] = [];
let unsent = 0;
let throttled = false;

function send(message: FromSocketProcess) {
  if (!process.connected) return;
  unsent++;
  process.send!(message, undefined, {}, () => {
    unsent--;
    if (throttled && unsent <= UNTHROTTLE_AT) setThrottle(false);
  });
  if (!throttled && unsent >= THROTTLE_AT) setThrottle(true);
}

function setThrottle(on: boolean) {
  throttled = on;
  for (const h of held.values()) {
    if (on) h.socket.pause();
    else if (!h.paused) h.socket.resume();
  }
}

function emit(event: LinkEvent) {
  if (events.length === 0) setImmediate(flushEvents);
  events.push(event);
}

function flushEvents() {
  const batch = events;
  events = [];
  if (batch.length > 0) send({ t: 'events', events: batch });
}

function adopt(id: number, socket: net.Socket | undefined) {
  if (!socket) return emit([id, 'c', 'connection closed before it was handed over']);
  const h: Held = { socket, paused: false, reason: null };
  held.set(id, h);
  socket.setNoDelay(true);
  socket.on('data', (chunk) => emit([id, 'd', chunk]));
  socket.on('error', () => undefined);
  socket.once('close', () => {
    held.delete(id);
    emit([id, 'c', h.reason]);
  });
  if (!throttled) socket.resume();
}

function apply(ops: LinkOp[]) {
  const corked: net.Socket[] = [];
  for (const op of ops) {
    const h = held.get(op[0]);
    if (!h) continue;
    const { socket } = h;
    switch (op[1]) {
      case 'w':
        if (socket.destroyed) break;
        if (!socket.writableCorked) {
          socket.cork();
          corked.push(socket);
        }
        socket.write(op[2]);
        if (socket.writableLength > MAX_UNSENT_BYTES) {
          h.reason = UNREAD_ANSWERS;
          socket.destroy();
        }
        break;
      case 'p':
        h.paused = true;
        socket.pause();
        break;
      case 'r':
        h.paused = false;
        if (!throttled) socket.resume();
        break;
      case 'e':
        socket.end();
        setTimeout(() => socket.destroy(), END_GRACE_MS).unref();
        break;
    }
  }
  for (const socket of corked) socket.uncork();
}

function shutdown() {
  for (const h of held.values()) h.socket.destroy();
  flushEvents();
  // Gone once the last report has left; the gateway kills a process that does not leave in time.
  process.disconnect();
}

process.on('message', (message: ToSocketProcess, handle?: net.Socket) => {
  switch (message.t) {
    case 'adopt':
      return adopt(message.id, handle);
    case 'ops':
      return apply(message.ops);
    case 'stats':
      return send({ t: 'stats', req: message.req, links: held.size, rssBytes: process.memoryUsage().rss });
    case 'shutdown':
      return shutdown();
  }
});
// Without the gateway there is nobody to relay to: the terminals will reconnect to its replacement.
process.on('disconnect', () => {
  for (const h of held.values()) h.socket.destroy();
  process.exit(0);
});
process.on('uncaughtException', (err) => {
  log.fatal({ err }, 'socket process failed');
  process.exit(1);
});
send({ t: 'ready' });
