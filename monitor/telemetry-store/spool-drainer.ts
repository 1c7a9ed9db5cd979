import type { Logger } from 'pino';
import type { Spool } from './spool/spool.ts';

export interface DrainerOptions {
  batchSize: number;
  flushIntervalMs: number;
  log: Logger;
  onWritten?: (lines: number, seconds: number) => void;
  onFailed?: (err: Error, lines: number) => void;
  /** Called every flush interval, so time-based gauges (write lag) move during an outage too. */
  onTick?: () => void;
}

/** A wake-up that can be awaited with a timeout; wake() releases the current waiter. */
class Signal {
  private release: (() => void) | null = null;
  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.fire(), ms);
      this.release = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  fire(): void {
    const r = this.release;
    this.release = null;
    r?.();
  }
}

const MAX_BACKOFF_MS = 5000;

/**
 * Moves records from a spool to InfluxDB in append order, one batch in flight: a full batch goes at once,
 * a partial one after the flush interval. A failed send is retried from the spool with backoff, so the
 * client's own retry buffer is never needed; records leave the spool only once InfluxDB accepted them.
 */
export class SpoolDrainer {
  private readonly signal = new Signal();
  private due = false;
  private stopping = false;
  private failures = 0;
  private drainedWaiters: Array<() => void> = [];
  private readonly loop: Promise<void>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly spool: Spool,
    private readonly send: (lines: readonly string[]) => Promise<void>,
    private readonly opts: DrainerOptions,
  ) {
    this.timer = setInterval(() => {
      this.due = true;
      this.signal.fire();
      opts.onTick?.();
    }, opts.flushIntervalMs);
    this.loop = this.run();
  }

  /** Call after an append: starts a send as soon as a full batch is waiting. */
  nudge(): void {
    if (this.failures === 0 && this.spool.depth().records >= this.opts.batchSize) this.signal.fire();
  }

  /** Resolves once everything appended so far has been written, or false after timeoutMs. */
  async flush(timeoutMs = 30_000): Promise<boolean> {
    if (this.spool.depth().records === 0) return true;
    const drained = new Promise<boolean>((resolve) => this.drainedWaiters.push(() => resolve(true)));
    this.due = true;
    this.signal.fire();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const result = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    return result;
  }

  /** Stops after the batch in flight; whatever is left stays in the spool for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.signal.fire();
    await this.loop;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (!this.due && this.spool.depth().records < this.opts.batchSize) {
        await this.signal.wait(this.opts.flushIntervalMs);
        continue;
      }
      const started = performance.now();
      let lines = 0;
      try {
        const batch = await this.spool.peek(this.opts.batchSize);
        if (!batch) {
          this.due = false;
          for (const w of this.drainedWaiters.splice(0)) w();
          continue;
        }
        lines = batch.records.length;
        await this.send(batch.records);
        await this.spool.ack(batch);
        this.failures = 0;
        this.opts.onWritten?.(batch.records.length, (performance.now() - started) / 1000);
      } catch (err) {
        this.failures++;
        this.opts.onFailed?.(err as Error, lines);
        const backoff = Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(this.failures, 10));
        this.opts.log.warn({ err: (err as Error).message, lines, attempt: this.failures, retryInMs: backoff }, 'InfluxDB write failed; batch stays in the spool');
        if (!this.stopping) await this.signal.wait(backoff);
      }
    }
  }
}
