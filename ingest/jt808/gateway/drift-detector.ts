/** Above this implied speed a jump from the last good fix is drift, not driving. */
export const MAX_PLAUSIBLE_KMH = 250;
/** This many jumps in a row that agree with each other mean the vehicle really is there (e.g. after a ferry). */
const JUMPS_TO_RELOCATE = 3;

export interface Fix {
  lat: number;
  lon: number;
  ts: Date;
  fixed: boolean;
}

interface Anchor {
  lat: number;
  lon: number;
  t: number;
}

/** Flags implausible fixes per vehicle: not fixed, 0/0, or a jump implying an impossible speed. */
export class DriftDetector {
  private readonly lastGood = new Map<number, Anchor>();
  private readonly jumps = new Map<number, { anchor: Anchor; count: number }>();

  /** Returns true when the fix is drift. Only live (non re-upload) good fixes move the reference. */
  check(vehicleId: number, fix: Fix, reupload: boolean): boolean {
    if (!fix.fixed || (fix.lat === 0 && fix.lon === 0)) return true;
    const here: Anchor = { lat: fix.lat, lon: fix.lon, t: fix.ts.getTime() };
    const ref = this.lastGood.get(vehicleId);
    if (ref && !plausible(ref, here)) {
      if (reupload) return true;
      const run = this.jumps.get(vehicleId);
      const count = run && plausible(run.anchor, here) ? run.count + 1 : 1;
      this.jumps.set(vehicleId, { anchor: here, count });
      if (count < JUMPS_TO_RELOCATE) return true;
    }
    if (!reupload && (!ref || here.t >= ref.t)) {
      this.lastGood.set(vehicleId, here);
      this.jumps.delete(vehicleId);
    }
    return false;
  }
}

function plausible(a: Anchor, b: Anchor): boolean {
  // At least one second apart, so two fixes with the same timestamp may still be a few metres apart.
  const hours = Math.max(Math.abs(b.t - a.t), 1000) / 3_600_000;
  return distanceKm(a, b) / hours <= MAX_PLAUSIBLE_KMH;
}

/** Haversine on a 6371 km sphere: ample for a plausibility check. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
