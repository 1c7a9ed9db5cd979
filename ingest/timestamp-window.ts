/** How far a device's time may stray from the receive time before its data is refused or its time distrusted. */
export interface TimestampWindow {
  /** How far ahead of the receive time a device clock may run. */
  maxFutureMs: number;
  /** Older than this the data would fall outside its retention period at once (InfluxDB would refuse it). */
  maxAgeMs: number;
}

export type TimestampVerdict = 'ok' | 'too_old' | 'ahead';

export function windowBounds(window: TimestampWindow, receivedAt: Date): { earliest: number; latest: number } {
  return { earliest: receivedAt.getTime() - window.maxAgeMs, latest: receivedAt.getTime() + window.maxFutureMs };
}

export function judgeTimestamp(window: TimestampWindow, at: Date, receivedAt: Date): TimestampVerdict {
  const { earliest, latest } = windowBounds(window, receivedAt);
  const t = at.getTime();
  return t < earliest ? 'too_old' : t > latest ? 'ahead' : 'ok';
}
