import type { DataInterruptionEvent } from '../../ingest/ports.ts';

export interface WatchedSensor {
  id: number;
  deviceId: number | null;
  interruptionTimeoutS: number;
}

interface Watch {
  deviceId: number;
  timeoutMs: number;
  lastSeen: number;
  /** 'unknown' until the first reading after start: that reading reports a restore, clearing any alarm left open. */
  state: 'unknown' | 'online' | 'stale';
}

/**
 * Data interruption by receive time (a gateway's clock cannot fake liveness): a sensor silent longer than its
 * timeout, or whose gateway disconnected, becomes stale once; its next reading restores it.
 */
export class StaleDetector {
  private readonly sensors = new Map<number, Watch>();
  private readonly listeners: Array<(e: DataInterruptionEvent) => void> = [];

  constructor(private readonly now: () => number = Date.now) {}

  onEvent(listener: (e: DataInterruptionEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Sets the sensors fed by a device; a sensor new to the watch counts its silence from now. */
  watch(sensors: readonly WatchedSensor[]): void {
    const ids = new Set<number>();
    for (const s of sensors) {
      if (s.deviceId === null) continue;
      ids.add(s.id);
      const w = this.sensors.get(s.id);
      if (w) {
        w.deviceId = s.deviceId;
        w.timeoutMs = s.interruptionTimeoutS * 1000;
      } else {
        this.sensors.set(s.id, { deviceId: s.deviceId, timeoutMs: s.interruptionTimeoutS * 1000, lastSeen: this.now(), state: 'unknown' });
      }
    }
    for (const id of this.sensors.keys()) if (!ids.has(id)) this.sensors.delete(id);
  }

  /** The sensors of a message's readings were heard from now (one look at the clock per message). */
  seen(readings: readonly { sensorId: number }[]): void {
    const now = this.now();
    for (const { sensorId } of readings) {
      const w = this.sensors.get(sensorId);
      if (!w) continue;
      w.lastSeen = now;
      if (w.state !== 'online') {
        w.state = 'online';
        this.emit({ kind: 'data_restored', sensorId, at: new Date(now) });
      }
    }
  }

  deviceDisconnected(deviceId: number): void {
    const at = new Date(this.now());
    for (const [sensorId, w] of this.sensors) {
      if (w.deviceId !== deviceId || w.state === 'stale') continue;
      w.state = 'stale';
      this.emit({ kind: 'data_interruption', sensorId, since: at, cause: 'disconnect' });
    }
  }

  /** Marks every sensor silent past its timeout; run on a timer. */
  check(): void {
    const now = this.now();
    for (const [sensorId, w] of this.sensors) {
      if (w.state === 'stale' || now - w.lastSeen <= w.timeoutMs) continue;
      w.state = 'stale';
      this.emit({ kind: 'data_interruption', sensorId, since: new Date(w.lastSeen), cause: 'silence' });
    }
  }

  isStale(sensorId: number): boolean {
    return this.sensors.get(sensorId)?.state === 'stale';
  }

  /** Runs check() every intervalMs; returns the stop function. */
  start(intervalMs: number): () => void {
    const timer = setInterval(() => this.check(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private emit(e: DataInterruptionEvent): void {
    for (const l of this.listeners) l(e);
  }
}
