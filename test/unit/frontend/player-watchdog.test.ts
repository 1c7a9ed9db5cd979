import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCHDOG as opts, dueForRetry, failed, restarted, startWatchdog, tick } from '../../../web/frontend/src/shared/video/player-watchdog.ts';

describe('live pane watchdog', () => {
  it('plays while decoded frames advance', () => {
    let w = startWatchdog(0);
    w = tick(w, 500, 12);
    w = tick(w, 1000, 25);
    expect(w.state).toBe('playing');
    expect(w.lastFrameAt).toBe(1000);
  });

  it('sees a stall without any error event when frames stop, and schedules a retry with backoff', () => {
    let w = tick(startWatchdog(0), 1000, 25);
    w = tick(w, 1000 + opts.stallAfterMs - 1, 25);
    expect(w.state).toBe('playing');
    w = tick(w, 1000 + opts.stallAfterMs, 25);
    expect(w.state).toBe('waiting');
    expect(w.retryAt).toBe(1000 + opts.stallAfterMs + opts.backoffMs[0]);
    expect(dueForRetry(w, w.retryAt! - 1)).toBe(false);
    expect(dueForRetry(w, w.retryAt!)).toBe(true);
  });

  it('gives up on a stream that never shows its first frame, and backs off further on each failure up to the cap', () => {
    let w = startWatchdog(0);
    w = tick(w, opts.firstFrameWithinMs, 0);
    expect(w.state).toBe('waiting');
    const delays: number[] = [];
    let now = opts.firstFrameWithinMs;
    delays.push(w.retryAt! - now);
    for (let i = 0; i < opts.backoffMs.length + 2; i++) {
      now = w.retryAt!;
      w = failed(restarted(w, now), now);
      delays.push(w.retryAt! - now);
    }
    expect(delays.slice(0, opts.backoffMs.length)).toEqual([...opts.backoffMs]);
    expect(delays.at(-1)).toBe(opts.backoffMs.at(-1));
  });

  it('counts frames afresh after a restart and resets the backoff once playing has been healthy', () => {
    let w = failed(failed(startWatchdog(0), 0), 0);
    expect(w.attempt).toBe(1);
    w = restarted(w, 5000);
    expect(w.lastFrames).toBe(0);
    w = tick(w, 5500, 3);
    expect(w.state).toBe('playing');
    expect(w.attempt).toBe(1);
    w = tick(w, 5500 + opts.healthyAfterMs, 900);
    expect(w.attempt).toBe(0);
  });

  it('ignores an error while already waiting', () => {
    const w = failed(startWatchdog(0), 0);
    expect(failed(w, 10)).toBe(w);
  });
});
