import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { distance } from '@turf/distance';
import { lineString, polygon } from '@turf/helpers';
import type { z } from 'zod';
import type { Database } from '../platform/db/database.ts';
import type { geometrySchema } from '../registry/modules/geofences.ts';
import { regionPrefix } from '../platform/auth/scope.ts';
import { inTimeWindows, type TimeWindow } from './rules/time-window.ts';
import type { FenceSituation } from './rules/geofence-rule.ts';

export interface Fence {
  id: number;
  name: string;
  regionCode: string;
  enterpriseId: number | null;
  geometry: z.infer<typeof geometrySchema>;
  rule: 'forbidden' | 'allowed_only' | 'speed_limit';
  speedLimitKmh: number | null;
  timeWindows: TimeWindow[];
}

const M_PER_DEG_LAT = 111_320;

/** Bounding box [minLon, minLat, maxLon, maxLat] in degrees, padded by `padM` metres. */
function bbox(coords: ReadonlyArray<readonly [number, number]>, padM: number): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coords) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  const dLat = padM / M_PER_DEG_LAT;
  const dLon = padM / (M_PER_DEG_LAT * Math.max(Math.cos((Math.max(Math.abs(y0), Math.abs(y1)) * Math.PI) / 180), 0.01));
  return [x0 - dLon, y0 - dLat, x1 + dLon, y1 + dLat];
}

type Test = (lon: number, lat: number) => boolean;

/**
 * Index entries of one fence, each a box and the exact test for it. A corridor gets one entry per segment, so a long
 * route's box does not cover half a province and a point is measured only against the segments near it.
 */
function entries(g: Fence['geometry']): Array<{ box: [number, number, number, number]; test: Test }> {
  if (g.type === 'circle') return [{ box: bbox([g.center], g.radiusM), test: (lon, lat) => distance(g.center, [lon, lat], { units: 'meters' }) <= g.radiusM }];
  if (g.type === 'polygon') {
    const ring = [...g.coordinates];
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
    const poly = polygon([ring]);
    return [{ box: bbox(g.coordinates, 0), test: (lon, lat) => booleanPointInPolygon([lon, lat], poly) }];
  }
  return g.line.slice(1).map((to, i) => {
    const segment = lineString([g.line[i], to]);
    return { box: bbox([g.line[i], to], g.widthM), test: (lon: number, lat: number) => pointToLineDistance([lon, lat], segment, { units: 'meters' }) <= g.widthM };
  });
}

/** Whether a fence binds this vehicle: its enterprise's fences, and region fences of the vehicle's region. */
function bindsVehicle(f: Fence, v: { enterpriseId: number; regionCode: string }): boolean {
  if (f.enterpriseId !== null) return f.enterpriseId === v.enterpriseId;
  return v.regionCode.startsWith(regionPrefix(f.regionCode));
}

/**
 * Enabled geofences behind a static packed R-tree (flatbush): a position first finds the few fences whose box holds it,
 * then only those get the exact test. Forbidden and speed-limit zones bind every vehicle inside them (police zones);
 * allowed areas and route corridors bind the vehicles of their enterprise, or of their region when region-owned.
 */
export class GeofenceIndex {
  private readonly tree: Flatbush | null;
  private readonly tests: Test[] = [];
  /** Fence (position in `fences`) of each index entry. */
  private readonly owner: number[] = [];
  private readonly allowedOnly: readonly Fence[];
  /** Ids of fences whose geometry could not be indexed. */
  readonly unusable: number[] = [];

  constructor(private readonly fences: readonly Fence[]) {
    this.allowedOnly = fences.filter((f) => f.rule === 'allowed_only');
    const boxes: Array<[number, number, number, number]> = [];
    fences.forEach((f, i) => {
      let built: ReturnType<typeof entries>;
      try {
        built = entries(f.geometry);
      } catch {
        // A geometry turf refuses (e.g. a degenerate ring) must not stop every other fence from working.
        this.unusable.push(f.id);
        return;
      }
      for (const e of built) {
        boxes.push(e.box);
        this.tests.push(e.test);
        this.owner.push(i);
      }
    });
    this.tree = boxes.length ? new Flatbush(boxes.length) : null;
    if (!this.tree) return;
    for (const b of boxes) this.tree.add(...b);
    this.tree.finish();
  }

  get size(): number {
    return this.fences.length;
  }

  /** Fences containing the point, whatever their time windows. */
  containing(lon: number, lat: number): Fence[] {
    if (!this.tree) return [];
    const found = new Set<number>();
    for (const i of this.tree.search(lon, lat, lon, lat)) {
      if (!found.has(this.owner[i]) && this.tests[i](lon, lat)) found.add(this.owner[i]);
    }
    return [...found].sort((a, b) => a - b).map((i) => this.fences[i]);
  }

  /** The fence situation of one live position at time `at`; also the lowest speed limit of the zones it is in. */
  situation(p: { lon: number; lat: number; enterpriseId: number; regionCode: string }, at: number): FenceSituation & { zoneLimitKmh: number | null } {
    const inWindow = (f: Fence) => inTimeWindows(f.timeWindows, at);
    const inside = this.containing(p.lon, p.lat).filter(inWindow);
    const insideIds = new Set(inside.map((f) => f.id));
    const allowed = this.allowedOnly.filter((f) => bindsVehicle(f, p) && inWindow(f));
    const areas = allowed.filter((f) => f.geometry.type !== 'corridor');
    const routes = allowed.filter((f) => f.geometry.type === 'corridor');
    const ref = (f: Fence) => ({ id: f.id, name: f.name });
    const limits = inside.filter((f) => f.rule === 'speed_limit' && f.speedLimitKmh !== null).map((f) => f.speedLimitKmh!);
    return {
      forbidden: inside.filter((f) => f.rule === 'forbidden' && (f.enterpriseId === null || f.enterpriseId === p.enterpriseId)).map(ref),
      outsideAllowedArea: areas.length === 0 ? null : !areas.some((f) => insideIds.has(f.id)),
      offRoute: routes.length === 0 ? null : !routes.some((f) => insideIds.has(f.id)),
      sensitive: inside.filter((f) => f.rule !== 'allowed_only').map(ref),
      zoneLimitKmh: limits.length ? Math.min(...limits) : null,
    };
  }
}

export async function loadGeofenceIndex(db: Database): Promise<GeofenceIndex> {
  const rows = await db.query<Fence>(
    `select id, name, region_code as "regionCode", enterprise_id as "enterpriseId", geometry, rule, speed_limit_kmh as "speedLimitKmh",
            time_windows as "timeWindows"
     from geofences where enabled order by id`,
  );
  return new GeofenceIndex(rows);
}
