// How fast a live pane plays, so that it stays near the live edge. Each stall (decoder starved, data late) pauses
// the media clock and leaves that much more buffered ahead of the picture; a catch-up that only acts past a
// threshold, with a band below it (mpegts.js latency chasing above 1.5 s, its liveSync between two latencies), leaves
// each short stall's step in place, and latency ratchets up. Here the rate grows with the excess over the target.

export interface CatchUpOptions {
  /** Buffered ahead of the shown frame (s) that is left alone: a little slack keeps the decoder fed. */
  targetS: number;
  /** Extra rate per second of excess: 1 drains an excess with a time constant of about a second. */
  gain: number;
  maxRate: number;
  /** Rates are whole steps, so small jitter in the buffered length does not retune the element on every check. */
  step: number;
}

export const DEFAULT_CATCH_UP: CatchUpOptions = { targetS: 0.2, gain: 1, maxRate: 1.25, step: 0.05 };

/** The playbackRate for `aheadS` seconds buffered beyond the shown frame: 1 up to the target, then proportional. */
export function catchUpRate(aheadS: number, o: CatchUpOptions = DEFAULT_CATCH_UP): number {
  const excess = aheadS - o.targetS;
  if (!(excess > 0)) return 1;
  const steps = Math.min(Math.floor((excess * o.gain) / o.step), Math.round((o.maxRate - 1) / o.step));
  return Math.round((1 + steps * o.step) * 100) / 100;
}

/** Seconds buffered beyond the current position of a media element (0 with nothing buffered). */
export function bufferedAhead(media: { buffered: { length: number; end(index: number): number }; currentTime: number }): number {
  const b = media.buffered;
  return b.length ? Math.max(0, b.end(b.length - 1) - media.currentTime) : 0;
}
