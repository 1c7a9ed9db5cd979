/**
 * A socket process: holds terminal sockets handed over by the gateway and relays their bytes both ways. It knows no
 * protocol; it exists so that the terminals of one gateway are not capped by one process's open-file limit.
 */
import type net from 'node:net';
import pino from 'pino';
import { socketLink, type TerminalLink } from '../terminal-link.ts';
import { ChunkPacker, unpackChunks, type FromSocketProcess, type LinkControl, type ToSocketProcess } from './link-messages.ts';

// Unsent IPC batches past which reading from every socket stops until the gateway catches up, so a slow gateway
// cannot grow this process's memory.
const THROTTLE_AT = 32;
const UNTHROTTLE_AT = 4;

interface Held {
  link: TerminalLink;
  socket: net.Socket;
  /** Paused on the gateway's request (a terminal flooding its session). */
  paused: boolean;
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
    if (on) h.link.pause();
    else if (!h.paused) h.link.resume();
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
  // The same link a socket of the gateway's own process gets: write batching, the unread-answers bound, the end grace.
  const link = socketLink(socket);
  held.set(id, { link, socket, paused: false });
  link.onData((chunk) => {
    received.add(id, chunk);
    queueFlush();
  });
  link.onClose((reason) => {
    held.delete(id);
    emitClosed(id, reason ?? null);
  });
  if (!throttled) link.resume();
}

function control([id, op]: LinkControl) {
  const h = held.get(id);
  if (!h) return;
  if (op === 'p') {
    h.paused = true;
    h.link.pause();
  } else if (op === 'r') {
    h.paused = false;
    if (!throttled) h.link.resume();
  } else h.link.end();
}

function apply(writes: Uint8Array, controls: LinkControl[]) {
  unpackChunks(writes, (id, bytes) => held.get(id)?.link.write(bytes));
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
