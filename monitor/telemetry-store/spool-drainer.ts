import type { Logger } from 'pino';
import type { Spool, SpoolBatch } from './spool/spool.ts';
import { isolateRejectedLines, type RejectedLine } from './write-rejections.ts';

export interface DrainerOptions {
  batchSize: number;
  flushIntervalMs: number;
  log: Logger;
  onWritten?: (lines: number, seconds: number) => void;
  onFailed?: (err: Error, lines: number) => void;
  /** Called every flush interval, so time-based gauges (write lag) move during an outage too. */
  onTick?: () => void;
  /** Batches sent concurrently (default 2), so InfluxDB parses one while we prepare the next. */
  maxInFlight?: number;
  /**
   * A failure no retry can fix (InfluxDB refused the content): the batch is split until the refused lines are
   * found, the rest is written, and the refused lines go to onRejected, which must keep them before they leave
   * the spool. Without it every failure is retried.
   */
  rejections?: { permanent: (err: Error) => boolean; onRejected: (lines: readonly RejectedLine[]) => Promise<void> };
}

/** A wake-up that can be awaited with a timeout; fire() releases the current waiter. */
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
 * Moves records from a spool to InfluxDB in append order, a small window of batches in flight (acknowledged
 * in order): a full batch goes at once, a partial one after the flush interval. A failed send is retried from
 * the spool, one batch at a time with backoff, so the client's own retry buffer is never needed; records leave
 * the spool only once InfluxDB accepted them, or refused them for good and they were set aside, so one bad record
 * can never hold up the ones behind it.
 */
export class SpoolDrainer {
  private readonly signal = new Signal();
  private due = false;
  private stopping = false;
  private failures = 0;
  private drainedWaiters: Array<() => void> = [];
  private stopped!: () => void;
  private readonly stoppedSignal = new Promise<void>((resolve) => (this.stopped = resolve));
  private readonly loop: Promise<void>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly spool: Spool,
    /** Sends newline-terminated records. */
    private readonly send: (text: string) => Promise<void>,
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
    this.stopped();
    this.signal.fire();
    await this.loop;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  private async run(): Promise<void> {
    const inFlight: InFlight[] = [];
    while (!this.stopping) {
      try {
        await this.fill(inFlight);
      } catch (err) {
        await this.failed(err as Error, 0);
        continue;
      }
      if (inFlight.length === 0) {
        if (this.spool.depth().records === 0) {
          this.due = false;
          for (const w of this.drainedWaiters.splice(0)) w();
        }
        await this.signal.wait(this.opts.flushIntervalMs);
        continue;
      }
      const head = inFlight.shift()!;
      let err = await head.result;
      let rejected = 0;
      if (err) {
        // Later batches may have gone through; they are sent again from the oldest unacknowledged record, which InfluxDB absorbs.
        await Promise.all(inFlight.splice(0).map((f) => f.result));
        [err, rejected] = await this.setAsideRejected(head.batch, err);
      }
      if (!err) {
        await this.spool.ack(head.batch);
        this.failures = 0;
        this.opts.onWritten?.(head.batch.count - rejected, (performance.now() - head.started) / 1000);
        continue;
      }
      await this.failed(err, head.batch.count);
    }
    // Stopping: acknowledge what went through, in order; the rest stays spooled.
    for (const f of inFlight) {
      if (await f.result) break;
      await this.spool.ack(f.batch);
    }
  }

  /** Starts sends until the window is full, or only a partial batch is waiting before the flush interval is due. */
  private async fill(inFlight: InFlight[]): Promise<void> {
    const window = this.failures > 0 ? 1 : (this.opts.maxInFlight ?? 2);
    while (!this.stopping && inFlight.length < window) {
      const waiting = this.spool.depth().records - inFlight.reduce((n, f) => n + f.batch.count, 0);
      // While someone waits in flush(), a partial batch goes at once, not only the first one after the call.
      if (waiting <= 0 || (!this.due && this.drainedWaiters.length === 0 && waiting < this.opts.batchSize)) return;
      const batch = await this.spool.peek(this.opts.batchSize, inFlight.at(-1)?.batch);
      if (!batch || batch.count === 0) return;
      inFlight.push({ batch, started: performance.now(), result: this.send(batch.text).then(() => null, (err: Error) => err) });
      // A partial batch answers the flush interval; the next one waits to fill up or for the next tick.
      if (batch.count < this.opts.batchSize) this.due = false;
    }
  }

  /** For a permanent refusal: writes what InfluxDB takes, hands on the rest; the error that remains, if any. */
  private async setAsideRejected(batch: SpoolBatch, err: Error): Promise<[Error | null, number]> {
    const r = this.opts.rejections;
    if (!r?.permanent(err)) return [err, 0];
    try {
      const rejected = await isolateRejectedLines(batch.text.split('\n'), this.send, r.permanent);
      await r.onRejected(rejected);
      return [null, rejected.length];
    } catch (retryable) {
      return [retryable as Error, 0];
    }
  }

  private async failed(err: Error, lines: number): Promise<void> {
    this.failures++;
    this.opts.onFailed?.(err, lines);
    const backoff = Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(this.failures, 10));
    this.opts.log.warn({ err: err.message, lines, attempt: this.failures, retryInMs: backoff }, 'InfluxDB write failed; batch stays in the spool');
    // Not cut short by the flush tick; only stop() ends the wait early.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, backoff))), this.stoppedSignal]);
    clearTimeout(timer);
  }
}

interface InFlight {
  batch: SpoolBatch;
  started: number;
  result: Promise<Error | null>;
}
