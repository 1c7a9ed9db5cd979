// When a live pane must be rebuilt. mpegts.js neither reconnects nor always reports a stall, so the pane watches
// its decoded frame count and recreates the player, with growing delays while the stream stays away.

export type PaneState = 'connecting' | 'playing' | 'stalled' | 'waiting';

export interface WatchdogOptions {
  /** No new decoded frame for this long (ms) while playing: a stall. */
  stallAfterMs: number;
  /** The first frame must arrive within this long (ms) of (re)starting. */
  firstFrameWithinMs: number;
  /** Delays (ms) before successive retries; the last one repeats. */
  backoffMs: readonly number[];
  /** Playing this long (ms) without trouble resets the backoff. */
  healthyAfterMs: number;
}

export const DEFAULT_WATCHDOG: WatchdogOptions = {
  stallAfterMs: 5_000,
  firstFrameWithinMs: 10_000,
  backoffMs: [1_000, 2_000, 4_000, 8_000, 15_000, 30_000],
  healthyAfterMs: 30_000,
};

export interface Watchdog {
  readonly state: PaneState;
  readonly attempt: number;
  /** When the waiting pane should recreate its player (ms, same clock as the inputs); null unless waiting. */
  readonly retryAt: number | null;
  readonly lastFrameAt: number | null;
  readonly startedAt: number;
  readonly lastFrames: number;
}

export const startWatchdog = (now: number): Watchdog => ({ state: 'connecting', attempt: 0, retryAt: null, lastFrameAt: null, startedAt: now, lastFrames: 0 });

function backoff(w: Watchdog, now: number, opts: WatchdogOptions): Watchdog {
  const delay = opts.backoffMs[Math.min(w.attempt, opts.backoffMs.length - 1)];
  return { ...w, state: 'waiting', attempt: w.attempt + 1, retryAt: now + delay };
}

/** A periodic check with the player's decoded frame count (cumulative since the player was created). */
export function tick(w: Watchdog, now: number, decodedFrames: number, opts: WatchdogOptions = DEFAULT_WATCHDOG): Watchdog {
  if (w.state === 'waiting') return w;
  if (decodedFrames > w.lastFrames) {
    const healthy = w.lastFrameAt !== null && now - w.startedAt >= opts.healthyAfterMs;
    return { ...w, state: 'playing', lastFrames: decodedFrames, lastFrameAt: now, attempt: healthy ? 0 : w.attempt };
  }
  const silentSince = w.lastFrameAt ?? w.startedAt;
  const limit = w.lastFrameAt === null ? opts.firstFrameWithinMs : opts.stallAfterMs;
  if (now - silentSince >= limit) return backoff({ ...w, state: 'stalled' }, now, opts);
  return w;
}

/** The player reported an error (network, media): it cannot go on; wait, then recreate. */
export const failed = (w: Watchdog, now: number, opts: WatchdogOptions = DEFAULT_WATCHDOG): Watchdog => (w.state === 'waiting' ? w : backoff(w, now, opts));

/** Whether a waiting pane's delay is over. */
export const dueForRetry = (w: Watchdog, now: number): boolean => w.state === 'waiting' && w.retryAt !== null && now >= w.retryAt;

/** A recreated player starts counting frames from zero again; the attempt count is kept. */
export const restarted = (w: Watchdog, now: number): Watchdog => ({ ...w, state: 'connecting', retryAt: null, lastFrameAt: null, startedAt: now, lastFrames: 0 });
