// Offline vector base map: draws park-basemap.geojson (GCJ-02) in a dark style with zoom-dependent labels.
// No tile layer anywhere.
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';

type Props = Record<string, unknown> & {
  kind?: string;
  name?: string;
  enterprise?: boolean;
  reserved?: boolean;
  small?: boolean;
  class?: string;
  poiType?: string;
  radius?: number;
  label?: [number, number];
  labelRotate?: number;
  labelAt?: number;
};
type F = Feature<Geometry, Props>;

const STYLE: Record<string, L.PathOptions> = {
  water: { color: '#1c5d8c', weight: 1, fillColor: '#0d3352', fillOpacity: 1 },
  boundary: { color: '#3da5ff', weight: 2, dashArray: '10 6', fillColor: '#0f1b2b', fillOpacity: 1 },
  green: { stroke: false, fillColor: '#0f2a22', fillOpacity: 1 },
  plot: { color: '#36618f', weight: 1.2, fillColor: '#15263b', fillOpacity: 1 },
  plotEnterprise: { color: '#4f8fd0', weight: 1.6, fillColor: '#172d47', fillOpacity: 1 },
  plotReserved: { color: '#2a3d55', weight: 1, dashArray: '4 4', fillColor: '#111c2b', fillOpacity: 1 },
  tank_farm: { color: '#9a7ae0', weight: 1.2, dashArray: '4 3', fillColor: '#211f3a', fillOpacity: 1 },
  tank: { color: '#b49cf0', weight: 1, fillColor: '#3b3163', fillOpacity: 1 },
  jetty: { color: '#62768f', weight: 1, fillColor: '#27344a', fillOpacity: 1 },
};
const LINE: Record<string, L.PathOptions[]> = {
  expressway: [{ color: '#2b1c06', weight: 10 }, { color: '#d38b25', weight: 6 }, { color: '#f5c36b', weight: 1, dashArray: '8 10' }],
  main: [{ color: '#050a12', weight: 8 }, { color: '#3f5876', weight: 5 }],
  secondary: [{ color: '#050a12', weight: 6 }, { color: '#2f4560', weight: 3.2 }],
  ramp: [{ color: '#2b1c06', weight: 5 }, { color: '#a36d22', weight: 3 }],
};
const POI_SYMBOL: Record<string, string> = { fire: '消', command: '指', medical: '医', gate: '互' };

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function polygonStyle(f: F | undefined): L.PathOptions {
  const p = f?.properties ?? {};
  if (p.kind === 'plot') return p.enterprise ? STYLE.plotEnterprise : p.reserved ? STYLE.plotReserved : STYLE.plot;
  return STYLE[p.kind ?? ''] ?? STYLE.plot;
}

function label(latlng: L.LatLng, cls: string, text: string, rotate = 0): L.Marker {
  const html = `<span style="transform:translate(-50%,-50%) rotate(${rotate.toFixed(1)}deg)">${esc(text)}</span>`;
  return L.marker(latlng, { pane: 'labels', interactive: false, keyboard: false, icon: L.divIcon({ className: `map-label ${cls}`, html, iconSize: undefined }) });
}

/** The point `frac` along a polyline, with the on-screen angle of that segment. */
function alongLine(map: L.Map, latlngs: L.LatLng[], frac: number): { latlng: L.LatLng; angle: number } {
  const z = 15;
  const pts = latlngs.map((ll) => map.project(ll, z));
  let total = 0;
  const seg: number[] = [];
  for (let i = 1; i < pts.length; i++) {
    const d = pts[i].distanceTo(pts[i - 1]);
    seg.push(d);
    total += d;
  }
  let target = total * frac;
  for (let i = 1; i < pts.length; i++) {
    if (target <= seg[i - 1] || i === pts.length - 1) {
      const t = seg[i - 1] ? Math.min(1, target / seg[i - 1]) : 0;
      const a = pts[i - 1];
      const b = pts[i];
      const p = L.point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
      let ang = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
      if (ang > 90) ang -= 180;
      if (ang <= -90) ang += 180;
      return { latlng: map.unproject(p, z), angle: ang };
    }
    target -= seg[i - 1];
  }
  return { latlng: latlngs[0], angle: 0 };
}

const toLatLng = ([lon, lat]: Position) => L.latLng(lat, lon);

// Stroke widths are in pixels: widen them on big walls (root font above 15px).
function scaled(style: L.PathOptions, k: number): L.PathOptions {
  if (k === 1) return style;
  const out = { ...style };
  if (out.weight) out.weight *= k;
  if (typeof out.dashArray === 'string') out.dashArray = out.dashArray.split(/\s+/).map((n) => Math.round(Number(n) * k)).join(' ');
  return out;
}

/** The panes the base map draws into: below the overlays, its labels above them and not clickable. */
function ensurePanes(map: L.Map): void {
  if (!map.getPane('basemap')) map.createPane('basemap').style.zIndex = '250';
  if (!map.getPane('labels')) {
    const labels = map.createPane('labels');
    labels.style.zIndex = '450';
    labels.style.pointerEvents = 'none';
  }
}

/** Draws the base map; returns the park boundary's bounds, or null. */
export function drawBasemap(map: L.Map, gj: FeatureCollection<Geometry, Props>): L.LatLngBounds | null {
  ensurePanes(map);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;
  const k = Math.max(1, rem / 15);
  const feats = (gj?.features ?? []) as F[];
  const areas = feats.filter((f) => f.geometry && /Polygon$/.test(f.geometry.type));
  const lines = feats.filter((f) => f.geometry && /LineString$/.test(f.geometry.type));
  const points = feats.filter((f) => f.geometry?.type === 'Point');

  const group = L.layerGroup().addTo(map);
  const common = { pane: 'basemap', interactive: false };

  L.geoJSON({ type: 'FeatureCollection', features: areas } as FeatureCollection, { ...common, style: (f) => scaled(polygonStyle(f as F | undefined), k) }).addTo(group);

  // Roads: every casing first, then every fill, so crossings look joined.
  const roadClass = (f: F) => (f.properties.kind === 'expressway' ? 'expressway' : (f.properties.class ?? 'secondary'));
  const ordered = [...lines].sort((a, b) => Number(roadClass(a) === 'expressway') - Number(roadClass(b) === 'expressway'));
  for (let layer = 0; layer < 3; layer++) {
    for (const f of ordered) {
      const st = (LINE[roadClass(f)] ?? LINE.secondary)[layer];
      if (!st) continue;
      L.geoJSON(f, { ...common, style: { ...scaled(st, k), lineCap: 'round', lineJoin: 'round', opacity: 1 } }).addTo(group);
    }
  }

  for (const f of points) {
    const p = f.properties ?? {};
    const ll = toLatLng((f.geometry as Point).coordinates);
    if (p.kind === 'tank') {
      L.circle(ll, { ...common, ...scaled(STYLE.tank, k), radius: p.radius || 35 }).addTo(group);
      if (p.name) label(ll, 'lbl-tank', p.name).addTo(group);
    } else if (p.kind === 'poi') {
      const html = `<span><b class="poi-sym poi-${esc(p.poiType || 'other')}">${esc(POI_SYMBOL[p.poiType ?? ''] || '•')}</b>${esc(p.name || '')}</span>`;
      L.marker(ll, { pane: 'labels', interactive: false, keyboard: false, icon: L.divIcon({ className: 'map-label lbl-poi', html, iconSize: undefined }) }).addTo(group);
    }
  }

  let parkBounds: L.LatLngBounds | null = null;
  for (const f of areas) {
    const p = f.properties ?? {};
    const b = L.geoJSON(f).getBounds();
    if (p.kind === 'boundary') parkBounds = b;
    if (!p.name) continue;
    const at = Array.isArray(p.label) ? toLatLng(p.label) : b.getCenter();
    let cls = 'lbl-plot';
    if (p.kind === 'water') cls = 'lbl-water';
    else if (p.kind === 'boundary' || p.kind === 'green') continue; // the park name is in the panel title
    else if (p.kind === 'tank_farm') cls = 'lbl-minor lbl-farm';
    else if (p.enterprise) cls = 'lbl-ent';
    else if (p.small || p.reserved) cls = 'lbl-minor';
    label(at, cls, p.name, p.labelRotate || 0).addTo(group);
  }

  // Road names, rotated along the road.
  for (const f of lines) {
    const p = f.properties ?? {};
    if (!p.name) continue;
    const g = f.geometry as LineString | MultiLineString;
    const coords = g.type === 'LineString' ? g.coordinates : g.coordinates[0];
    const { latlng, angle } = alongLine(map, coords.map(toLatLng), typeof p.labelAt === 'number' ? p.labelAt : 0.5);
    const cls = p.kind === 'expressway' ? 'lbl-road lbl-expressway' : p.class === 'main' ? 'lbl-road' : 'lbl-road lbl-minor';
    label(latlng, cls, p.name, angle).addTo(group);
  }

  const bbox = gj.bbox;
  if (!parkBounds && Array.isArray(bbox) && bbox.length === 4) parkBounds = L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]);
  return parkBounds;
}
