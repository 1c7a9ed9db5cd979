/** A sample of a track: a position, or the first fix of a bucket with the bucket's top speed. */
export interface TrackSample {
  ts: number;
  lat: number;
  lon: number;
  speedKmh: number;
}

export interface TrackStop {
  from: Date;
  to: Date;
  durationS: number;
  lat: number;
  lon: number;
}

export const STOP_MIN_S = 300;
const STOPPED_BELOW_KMH = 5;
// A silent gap after which the truck is somewhere else was a drive, not a stop.
const MOVED_M = 500;
const SILENCE_MS = 120_000;

const metres = (a: TrackSample, b: TrackSample) => {
  const k = 111_320;
  return Math.hypot((a.lat - b.lat) * k, (a.lon - b.lon) * k * Math.cos((a.lat * Math.PI) / 180));
};

/**
 * Stops of at least `minS`: runs of samples below 5 km/h. A stop ends when the truck moves again (the first moving
 * sample's time), or at its last stopped sample when it reappears elsewhere after a silence or the track ends.
 */
export function findStops(samples: readonly TrackSample[], minS = STOP_MIN_S): TrackStop[] {
  const stops: TrackStop[] = [];
  let start: TrackSample | null = null;
  let last: TrackSample | null = null;
  const close = (end: number) => {
    if (start && (end - start.ts) / 1000 >= minS) stops.push({ from: new Date(start.ts), to: new Date(end), durationS: Math.round((end - start.ts) / 1000), lat: start.lat, lon: start.lon });
    start = null;
  };
  for (const s of samples) {
    const stopped = s.speedKmh < STOPPED_BELOW_KMH;
    if (start && last && s.ts - last.ts > SILENCE_MS && metres(start, s) > MOVED_M) close(last.ts);
    else if (start && !stopped) close(s.ts);
    if (stopped && !start) start = s;
    last = s;
  }
  if (last) close(last.ts);
  return stops;
}
