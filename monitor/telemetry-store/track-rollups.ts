import type { VehiclePosition } from '../../ingest/ports.ts';
import { addToPartial, bucketStart, newPartial, ROLLUP_LEVELS, rollupLine, type RollupLevel, type RollupPartial } from './track-rollup.ts';

interface Open {
  level: RollupLevel;
  partial: RollupPartial;
  touchedAt: number;
}

/** A partial nobody added to for this long past its level is dropped; a later point for its bucket starts a new partial. */
const IDLE_GRACE_MS = 60_000;
const SWEEP_EVERY_MS = 10_000;

/**
 * The open rollup partials of the track, in memory. Each position updates its bucket's partial on every level and
 * yields the partials' new lines, which go to the spool with the position. Nothing is ever read back: after a restart,
 * or once a partial was dropped, a point for the same bucket starts a new partial under a new key, and readers add
 * the partials up. So a late or re-uploaded point always lands in its bucket, and no restart can overwrite a bucket
 * with less than it held.
 */
export class TrackRollups {
  private readonly open = new Map<string, Open>();
  private lastSweep = 0;

  constructor(
    private readonly now: () => number = Date.now,
    // Slot 0 is the backfill's (track-rollup-backfill.ts).
    private readonly slot: () => number = () => 1 + Math.floor(Math.random() * 999_999),
  ) {}

  /** The rollup lines to write for one position (one per level). */
  add(p: VehiclePosition): string[] {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
    const t = p.ts.getTime();
    return ROLLUP_LEVELS.map((level) => {
      const id = `${level.seconds}:${p.vehicleId}:${bucketStart(t, level)}`;
      let o = this.open.get(id);
      if (!o) {
        o = { level, partial: newPartial(p, this.slot()), touchedAt: now };
        this.open.set(id, o);
      }
      o.touchedAt = now;
      addToPartial(o.partial, p);
      return rollupLine(level, o.partial);
    });
  }

  get openPartials(): number {
    return this.open.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, o] of this.open) if (now - o.touchedAt > o.level.seconds * 1000 + IDLE_GRACE_MS) this.open.delete(id);
  }
}
