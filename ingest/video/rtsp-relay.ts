import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';

export type RelayState = { state: 'starting' | 'running' | 'backoff' | 'stopped'; restarts: number; since: string; lastError: string | null; nextAttemptAt: string | null };

export interface RelayOptions {
  pullUrl: string;
  /** rtmp://127.0.0.1:<port>/live/<key> */
  pushUrl: string;
  ffmpegPath?: string;
  /** TCP (interleaved) by default: it passes NAT and does not lose packets; some servers only offer UDP. */
  transport?: 'tcp' | 'udp';
  log: Logger;
  now?: () => number;
  /** Backoff after an exit: 1 s doubling up to this. */
  maxBackoffMs?: number;
  /** An exit after running this long resets the backoff. */
  stableMs?: number;
  onStateChange?: (state: RelayState) => void;
  onRestart?: () => void;
}

/** Keeps the last lines ffmpeg wrote to stderr, for the state's lastError. */
const lastLine = (text: string) => text.trim().split('\n').filter(Boolean).at(-1)?.slice(0, 300) ?? null;

/**
 * A supervised ffmpeg that pulls an RTSP camera and pushes it, video copied, to our RTMP port: restarted with
 * exponential backoff whenever it ends, its state reported for health and the API.
 */
export class RtspRelay {
  private child: ChildProcess | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private backoffMs = 1000;
  private startedAt = 0;
  private current: RelayState;
  private readonly now: () => number;

  constructor(private readonly o: RelayOptions) {
    this.now = o.now ?? Date.now;
    this.current = { state: 'starting', restarts: 0, since: new Date(this.now()).toISOString(), lastError: null, nextAttemptAt: null };
  }

  state(): RelayState {
    return this.current;
  }

  start(): void {
    this.stopped = false;
    this.spawn();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.child;
    this.set({ state: 'stopped', nextAttemptAt: null });
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => (clearTimeout(kill), resolve()));
      child.kill('SIGTERM');
    });
  }

  private set(patch: Partial<RelayState>) {
    this.current = { ...this.current, ...patch, since: patch.state && patch.state !== this.current.state ? new Date(this.now()).toISOString() : this.current.since };
    this.o.onStateChange?.(this.current);
  }

  private spawn() {
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-rtsp_transport', this.o.transport ?? 'tcp', '-timeout', '5000000', '-i', this.o.pullUrl, '-map', '0:v:0', '-c:v', 'copy', '-an', '-f', 'flv', this.o.pushUrl];
    this.startedAt = this.now();
    this.set({ state: 'starting', nextAttemptAt: null });
    const child = spawn(this.o.ffmpegPath ?? 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    // ffmpeg prints nothing while it copies at loglevel error; running means it did not exit within a moment.
    const running = setTimeout(() => this.child === child && this.set({ state: 'running' }), 1500);
    child.on('error', (err) => (stderr += err.message));
    child.on('exit', (code, signal) => {
      clearTimeout(running);
      if (this.child === child) this.child = null;
      if (this.stopped) return;
      if (this.now() - this.startedAt >= (this.o.stableMs ?? 30_000)) this.backoffMs = 1000;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.o.maxBackoffMs ?? 30_000);
      const lastError = lastLine(stderr) ?? `ffmpeg exited (${signal ?? code})`;
      this.o.log.warn({ pullUrl: redact(this.o.pullUrl), code, signal, lastError, retryInMs: delay }, 'RTSP relay ended, restarting');
      this.set({ state: 'backoff', restarts: this.current.restarts + 1, lastError, nextAttemptAt: new Date(this.now() + delay).toISOString() });
      this.o.onRestart?.();
      this.timer = setTimeout(() => !this.stopped && this.spawn(), delay);
    });
  }
}

/** RTSP URLs often carry a password. */
export const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
