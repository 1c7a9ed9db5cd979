import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import { scopeCondition } from '../../platform/auth/scope.ts';

type Point = [number, number];

export interface RegionOutline {
  /** How the outline was made: no boundary package fits (see README), so it is drawn around what the region holds. */
  source: 'points_hull' | 'points_bbox' | 'none';
  /** GeoJSON Polygon in WGS-84 [lon, lat], null when the region holds nothing with a position. */
  geometry: { type: 'Polygon'; coordinates: Point[][] } | null;
  bbox: [number, number, number, number] | null;
  pointCount: number;
}

// About 1 km at 40° N, so a single site still gets an area to fly to.
const PAD_DEG = 0.01;

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Andrew's monotone chain: the convex hull, counter-clockwise, without the closing point. */
export function convexHull(points: readonly Point[]): Point[] {
  const p = [...new Map(points.map((q) => [`${q[0]},${q[1]}`, q])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (const q of [...p].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The fallback outline of a scope: the hull of its enterprises, tanks, cameras and emergency resources, padded. */
export async function regionOutline(db: Database, scope: Scope): Promise<RegionOutline> {
  const params: unknown[] = [];
  const byEnterprise = (col: string) => scopeCondition(scope, col, params);
  const rows = await db.query<{ lon: number; lat: number }>(
    `select lon, lat from enterprises where lat is not null and lon is not null and ${byEnterprise('id')}
     union all select lon, lat from tanks where lat is not null and lon is not null and ${byEnterprise('enterprise_id')}
     union all select lon, lat from cameras where lat is not null and lon is not null and ${byEnterprise('enterprise_id')}
     union all select lon, lat from emergency_resources where ${scopeCondition(scope, 'enterprise_id', params, 'region_code')}`,
    params,
  );
  const points = rows.map((r) => [Number(r.lon), Number(r.lat)] as Point);
  if (points.length === 0) return { source: 'none', geometry: null, bbox: null, pointCount: 0 };
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const bbox: [number, number, number, number] = [Math.min(...lons) - PAD_DEG, Math.min(...lats) - PAD_DEG, Math.max(...lons) + PAD_DEG, Math.max(...lats) + PAD_DEG];
  const hull = convexHull(points);
  if (hull.length < 3) {
    const [w, s, e, n] = bbox;
    return { source: 'points_bbox', geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }, bbox, pointCount: points.length };
  }
  // Push every vertex away from the centroid by the pad, so sites on the edge are inside the drawn area.
  const cx = lons.reduce((a, b) => a + b, 0) / points.length;
  const cy = lats.reduce((a, b) => a + b, 0) / points.length;
  const padded = hull.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * PAD_DEG, y + ((y - cy) / d) * PAD_DEG] as Point;
  });
  return { source: 'points_hull', geometry: { type: 'Polygon', coordinates: [[...padded, padded[0]]] }, bbox, pointCount: points.length };
}
