/**
 * A socket process: holds terminal sockets handed over by the gateway and relays their bytes both ways. It knows no
 * protocol; it exists so that the terminals of one gateway are not capped by one process's open-file limit.
 */
import type net from 'node:net';
import pino from 'pino';
import { END_GRACE_MS, MAX_UNSENT_BYTES, UNREAD_ANSWERS } from '../terminal-link.ts';
import { ChunkPacker, unpackChunks, type FromSocketProcess, type LinkControl, type ToSocketProcess } from './link-messages.ts';

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
const received = new ChunkPacker();
let closed: Array<[number, string | null]> = [];
let flushQueued = false;
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

function queueFlush() {
  if (flushQueued) return;
  flushQueued = true;
  setImmediate(flushEvents);
}

function flushEvents() {
  flushQueued = false;
  if (received.empty && closed.length === 0) return;
  send({ t: 'events', data: received.take(), closed });
  closed = [];
}

function emitClosed(id: number, reason: string | null) {
  closed.push([id, reason]);
  queueFlush();
}

function adopt(id: number, socket: net.Socket | undefined) {
  if (!socket) return emitClosed(id, 'connection closed before it was handed over');
  const h: Held = { socket, paused: false, reason: null };
  held.set(id, h);
  socket.setNoDelay(true);
  socket.on('data', (chunk) => {
    received.add(id, chunk);
    queueFlush();
  });
  socket.on('error', () => undefined);
  socket.once('close', () => {
    held.delete(id);
    emitClosed(id, h.reason);
  });
  if (!throttled) socket.resume();
}

function write(id: number, bytes: Buffer, corked: net.Socket[]) {
  const h = held.get(id);
  if (!h || h.socket.destroyed) return;
  if (!h.socket.writableCorked) {
    h.socket.cork();
    corked.push(h.socket);
  }
  h.socket.write(bytes);
  if (h.socket.writableLength > MAX_UNSENT_BYTES) {
    h.reason = UNREAD_ANSWERS;
    h.socket.destroy();
  }
}

function control([id, op]: LinkControl) {
  const h = held.get(id);
  if (!h) return;
  if (op === 'p') {
    h.paused = true;
    h.socket.pause();
  } else if (op === 'r') {
    h.paused = false;
    if (!throttled) h.socket.resume();
  } else {
    h.socket.end();
    setTimeout(() => h.socket.destroy(), END_GRACE_MS).unref();
  }
}

function apply(writes: Uint8Array, controls: LinkControl[]) {
  const corked: net.Socket[] = [];
  unpackChunks(writes, (id, bytes) => write(id, bytes, corked));
  for (const socket of corked) socket.uncork();
  controls.forEach(control);
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
      return apply(message.writes, message.controls);
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
