import type { SensorReading } from '../../ingest/ports.ts';

export interface SensorLive {
  value: number;
  ts: Date;
  quality: 'good' | 'fault';
  /** Set by data-interruption events: the sensor (or its gateway) has gone silent. */
  stale?: boolean;
}

/** Current value per sensor. A reading older than the current one is history, not news: it does not move the value back. */
export class SensorLiveState {
  private readonly current = new Map<number, SensorLive>();

  /** Returns true when the reading became the current value. */
  apply(r: SensorReading): boolean {
    const prev = this.current.get(r.sensorId);
    if (!prev) {
      this.current.set(r.sensorId, { value: r.value, ts: r.ts, quality: r.quality });
      return true;
    }
    if (prev.ts.getTime() > r.ts.getTime()) return false;
    prev.value = r.value;
    prev.ts = r.ts;
    prev.quality = r.quality;
    return true;
  }

  setStale(sensorId: number, stale: boolean): void {
    const live = this.current.get(sensorId);
    if (live) live.stale = stale;
  }

  get(sensorId: number): SensorLive | undefined {
    return this.current.get(sensorId);
  }

  seed(sensorId: number, live: SensorLive): void {
    if (!this.current.has(sensorId)) this.current.set(sensorId, { ...live });
  }
}
