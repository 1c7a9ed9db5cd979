import { fork, type ChildProcess } from 'node:child_process';
import type net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { TerminalLink } from '../terminal-link.ts';
import { ChunkPacker, unpackChunks, type FromSocketProcess, type LinkControl, type ToSocketProcess } from './link-messages.ts';

const entry = fileURLToPath(new URL('./socket-process.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const READY_TIMEOUT_MS = 20_000;
const RESPAWN_DELAY_MS = 1000;
const EXIT_TIMEOUT_MS = 5000;

export interface SocketProcessStats {
  pid: number;
  links: number;
  rssBytes: number;
}

/** The gateway's side of one link whose socket lives in a socket process. */
class RemoteLink implements TerminalLink {
  private dataListener: (chunk: Buffer) => void = () => undefined;
  private closeListener: (reason?: string) => void = () => undefined;
  closed = false;

  constructor(
    readonly id: number,
    readonly remote: string,
    private readonly owner: SocketProcess,
  ) {}

  write(bytes: Buffer) {
    if (!this.closed) this.owner.write(this.id, bytes);
  }
  pause() {
    if (!this.closed) this.owner.control([this.id, 'p']);
  }
  resume() {
    if (!this.closed) this.owner.control([this.id, 'r']);
  }
  end() {
    if (!this.closed) this.owner.control([this.id, 'e']);
  }
  onData(listener: (chunk: Buffer) => void) {
    this.dataListener = listener;
  }
  onClose(listener: (reason?: string) => void) {
    this.closeListener = listener;
  }

  received(chunk: Buffer) {
    if (!this.closed) this.dataListener(chunk);
  }

  gone(reason?: string) {
    if (this.closed) return;
    this.closed = true;
    this.closeListener(reason);
  }
}

/** One forked socket process and the links it holds. Operations of one tick travel in one IPC message. */
class SocketProcess {
  readonly links = new Map<number, RemoteLink>();
  private readonly writes = new ChunkPacker();
  private controls: LinkControl[] = [];
  private flushQueued = false;
  private statsWaiters = new Map<number, (s: SocketProcessStats | null) => void>();
  private nextReq = 1;
  ready: Promise<void>;
  alive = true;

  constructor(
    readonly child: ChildProcess,
    private readonly log: Logger,
  ) {
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`JT/T 808 socket process ${child.pid} did not start within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
      child.once('exit', (code) => reject(new Error(`JT/T 808 socket process exited while starting (code ${code})`)));
      child.on('message', (m: FromSocketProcess) => {
        if (m.t === 'ready') {
          clearTimeout(timer);
          resolve();
        } else if (m.t === 'events') this.dispatch(m.data, m.closed);
        else if (m.t === 'stats') this.statsWaiters.get(m.req)?.({ pid: child.pid!, links: m.links, rssBytes: m.rssBytes });
      });
    });
    this.ready.catch(() => undefined);
  }

  private dispatch(data: Uint8Array, closed: Array<[number, string | null]>) {
    unpackChunks(data, (id, chunk) => this.links.get(id)?.received(chunk));
    for (const [id, reason] of closed) {
      const link = this.links.get(id);
      this.links.delete(id);
      link?.gone(reason ?? undefined);
    }
  }

  private send(message: ToSocketProcess, handle?: net.Socket, onFail?: () => void) {
    if (!this.alive || !this.child.connected) return onFail?.();
    this.child.send(message, handle, {}, (err) => {
      if (err) {
        this.log.warn({ err: err.message, pid: this.child.pid }, 'JT/T 808 socket process message not delivered');
        onFail?.();
      }
    });
  }

  adopt(id: number, socket: net.Socket): RemoteLink {
    const link = new RemoteLink(id, `${socket.remoteAddress}:${socket.remotePort}`, this);
    this.links.set(id, link);
    this.send({ t: 'adopt', id }, socket, () => {
      socket.destroy();
      this.links.delete(id);
      link.gone('socket process unavailable');
    });
    return link;
  }

  write(id: number, bytes: Buffer) {
    this.writes.add(id, bytes);
    this.queueFlush();
  }

  control(c: LinkControl) {
    this.controls.push(c);
    this.queueFlush();
  }

  private queueFlush() {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => this.flush());
  }

  flush() {
    this.flushQueued = false;
    if (this.writes.empty && this.controls.length === 0) return;
    this.send({ t: 'ops', writes: this.writes.take(), controls: this.controls });
    this.controls = [];
  }

  stats(): Promise<SocketProcessStats | null> {
    if (!this.alive) return Promise.resolve(null);
    const req = this.nextReq++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(null), EXIT_TIMEOUT_MS);
      const finish = (s: SocketProcessStats | null) => {
        clearTimeout(timer);
        this.statsWaiters.delete(req);
        resolve(s);
      };
      this.statsWaiters.set(req, finish);
      this.send({ t: 'stats', req }, undefined, () => finish(null));
    });
  }

  /** Every link of a process that is gone is closed, so its sessions end and its vehicles go offline. */
  lost(reason: string) {
    this.alive = false;
    for (const link of this.links.values()) link.gone(reason);
    this.links.clear();
    for (const finish of this.statsWaiters.values()) finish(null);
  }

  async stop() {
    this.flush();
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null || this.child.signalCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    this.send({ t: 'shutdown' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * Child processes that hold the terminals' sockets for the gateway, so one gateway is not capped by one process's
 * open-file limit. The gateway accepts each connection and hands it to the process holding the fewest; the session
 * logic stays in the gateway's process. A process that dies is replaced; its terminals reconnect to the others.
 */
export class SocketProcessPool {
  private readonly processes: SocketProcess[] = [];
  private stopping = false;

  private constructor(
    private readonly count: number,
    private readonly log: Logger,
  ) {}

  static async start(opts: { count: number; log: Logger }): Promise<SocketProcessPool> {
    const pool = new SocketProcessPool(opts.count, opts.log);
    try {
      await Promise.all(Array.from({ length: opts.count }, (_, slot) => pool.spawn(slot).ready));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  private spawn(slot: number): SocketProcess {
    const child = fork(entry, [], {
      cwd: projectRoot,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      // Its own process group: a Ctrl-C meant for the platform must not drop the terminals before the gateway
      // closes them; the gateway's shutdown message (or its death, through the IPC channel) ends the process.
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, LOG_LEVEL: this.log.level },
    });
    const proc = new SocketProcess(child, this.log);
    this.processes[slot] = proc;
    child.on('error', (err) => this.log.error({ err: err.message }, 'JT/T 808 socket process error'));
    child.once('exit', (code, signal) => {
      const held = proc.links.size;
      proc.lost('socket process exited');
      if (this.stopping) return;
      this.log.error({ pid: child.pid, code, signal, terminalsDropped: held }, 'JT/T 808 socket process exited; starting a replacement');
      setTimeout(() => {
        if (!this.stopping) this.spawn(slot).ready.catch((err: Error) => this.log.error({ err: err.message }, 'JT/T 808 socket process replacement failed'));
      }, RESPAWN_DELAY_MS).unref();
    });
    void proc.ready.then(() => this.log.info({ pid: child.pid, slot }, 'JT/T 808 socket process started'), () => undefined);
    return proc;
  }

  get size(): number {
    return this.processes.filter((p) => p.alive).length;
  }

  /** Hands an accepted, paused socket to the least loaded process. */
  adopt(id: number, socket: net.Socket): TerminalLink | null {
    let target: SocketProcess | null = null;
    for (const p of this.processes) if (p.alive && p.child.connected && (!target || p.links.size < target.links.size)) target = p;
    if (!target) {
      socket.destroy();
      return null;
    }
    return target.adopt(id, socket);
  }

  async stats(): Promise<SocketProcessStats[]> {
    return (await Promise.all(this.processes.map((p) => p.stats()))).filter((s): s is SocketProcessStats => s !== null);
  }

  async close(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.processes.map((p) => p.stop()));
  }
}
