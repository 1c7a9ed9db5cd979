// The switchable map layers: hazard sources by level, enterprises (clustered when many), geofences, emergency
// resources, site cameras, and the region outline. Input is WGS-84 from the API, drawn in the map's system.
import L from 'leaflet';
import Supercluster, { type ClusterProperties } from 'supercluster';
import { label } from '../../shared/vocabularies';
import type { DetailTarget } from '../context';
import { converter, ringToMap, type MapCrs } from './coords';
import type { CameraFeature, EnterpriseFeature, GeofenceFeature, HazardSourceFeature, RegionOutline, ResourceFeature } from './map-api';
import { CLUSTER_RADIUS_PX, clusterLabel, hazardLevelColor } from './map-logic';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface Drawn {
  group: L.LayerGroup;
  /** Where each feature is, for focus(). */
  where: Map<number, { latlng: L.LatLng; bounds?: L.LatLngBounds; el(): HTMLElement | null }>;
  destroy?(): void;
}

type Open = (t: DetailTarget) => void;

function point(html: string, cls: string, px: number, latlng: L.LatLngExpression, tip: string, onClick: () => void, z = 0): L.Marker {
  const m = L.marker(latlng, { icon: L.divIcon({ className: cls, html, iconSize: [px, px] }), keyboard: false, zIndexOffset: z });
  m.bindTooltip(tip, { direction: 'top', offset: [0, -px / 2], className: 'vehicle-tip', opacity: 1 });
  m.on('click', onClick);
  return m;
}

const elOfMarker = (m: L.Marker) => () => (m.getElement()?.firstElementChild as HTMLElement | null) ?? null;

export function hazardSourceLayer(items: readonly HazardSourceFeature[], crs: MapCrs, open: Open): Drawn {
  const c = converter('WGS-84', crs);
  const group = L.layerGroup();
  const where: Drawn['where'] = new Map();
  for (const h of items) {
    if (h.lat == null || h.lon == null) continue;
    const latlng = L.latLng(c(h.lat, h.lon));
    const color = hazardLevelColor(h.level);
    const html = `<div class="hazard-marker" data-testid="hazard-source" data-id="${h.id}" data-level="${h.level ?? ''}" data-lat="${latlng.lat.toFixed(6)}" data-lon="${latlng.lng.toFixed(6)}" style="--c:${color}"><b>${h.level ?? '–'}</b></div>`;
    const tip = `<div class="tt-title">${esc(h.name)}</div><div>${esc(h.levelLabel ?? '未分级')}重大危险源 · ${esc(h.enterpriseName)}</div><div>储罐 ${h.tanks} 个${h.rValue != null ? ` · R = ${Number(h.rValue).toFixed(1)}` : ''}</div>`;
    const m = point(html, 'hazard-icon', 22, latlng, tip, () => open({ kind: 'hazardSource', id: h.id }), 500 - (h.level ?? 5) * 50);
    m.addTo(group);
    where.set(h.id, { latlng, el: elOfMarker(m) });
  }
  return { group, where };
}

export function resourceLayer(items: readonly ResourceFeature[], crs: MapCrs, open: Open): Drawn {
  const c = converter('WGS-84', crs);
  const group = L.layerGroup();
  const where: Drawn['where'] = new Map();
  for (const r of items) {
    const latlng = L.latLng(c(r.lat, r.lon));
    const kind = label('emergencyResourceKinds', r.kind);
    const html = `<div class="resource-marker" data-testid="emergency-resource" data-id="${r.id}" data-kind="${esc(r.kind)}"><b>${esc(kind.slice(0, 1) || '应')}</b></div>`;
    const tip = `<div class="tt-title">${esc(r.name)}</div><div>${esc(kind)}${r.capacity ? ` · ${esc(r.capacity)}` : ''}</div>${r.contactPerson ? `<div>${esc(r.contactPerson)} ${esc(r.contactPhone ?? '')}</div>` : ''}`;
    const m = point(html, 'resource-icon', 22, latlng, tip, () => open({ kind: 'resource', id: r.id }));
    m.addTo(group);
    where.set(r.id, { latlng, el: elOfMarker(m) });
  }
  return { group, where };
}

/** Site cameras: a lens marker coloured by whether the camera is pushing now; a click opens it in the video grid. */
export function cameraLayer(items: readonly CameraFeature[], crs: MapCrs, open: Open): Drawn & { setLive(id: number, live: boolean): void } {
  const c = converter('WGS-84', crs);
  const group = L.layerGroup();
  const where: Drawn['where'] = new Map();
  for (const cam of items) {
    if (cam.lat == null || cam.lon == null) continue;
    const latlng = L.latLng(c(cam.lat, cam.lon));
    const html = `<div class="camera-marker" data-testid="camera-marker" data-id="${cam.id}" data-live="${cam.live}" data-enabled="${cam.enabled}"><b>摄</b></div>`;
    const tip = `<div class="tt-title">${esc(cam.name)}</div><div>${cam.enabled ? (cam.live ? '视频在线' : '视频离线') : '已停用'}${cam.site ? ` · ${esc(cam.site)}` : ''}</div><div class="tt-hint">点击在视频宫格中打开</div>`;
    const m = point(html, 'camera-icon', 20, latlng, tip, () => open({ kind: 'camera', id: cam.id }), 100);
    m.addTo(group);
    where.set(cam.id, { latlng, el: elOfMarker(m) });
  }
  return {
    group,
    where,
    setLive(id, live) {
      where.get(id)?.el()?.setAttribute('data-live', String(live));
    },
  };
}

const FENCE_COLORS: Record<GeofenceFeature['rule'], string> = { forbidden: '#ff4d4f', allowed_only: '#37d67a', speed_limit: '#ffb020' };

export function geofenceLayer(items: readonly GeofenceFeature[], crs: MapCrs, open: Open): Drawn {
  const c = converter('WGS-84', crs);
  const group = L.layerGroup();
  const where: Drawn['where'] = new Map();
  for (const g of items) {
    const color = FENCE_COLORS[g.rule] ?? '#9aa6b5';
    const style: L.PathOptions = { color, weight: 2, dashArray: g.enabled ? undefined : '6 6', fillColor: color, fillOpacity: 0.12, className: 'geofence-shape' };
    const geo = g.geometry;
    let shape: L.Path;
    if (geo.type === 'circle') shape = L.circle(c(geo.center[1], geo.center[0]), { ...style, radius: geo.radiusM });
    else if (geo.type === 'polygon') shape = L.polygon(ringToMap(geo.coordinates, 'WGS-84', crs), style);
    else shape = L.polyline(ringToMap(geo.line, 'WGS-84', crs), { ...style, weight: 6, opacity: 0.7, lineCap: 'round' });
    const tipText = `<div class="tt-title">${esc(g.name)}</div><div>电子围栏 ${esc(g.code)}${g.speedLimitKmh ? ` · 限速 ${g.speedLimitKmh} km/h` : ''}${g.enabled ? '' : ' · 已停用'}</div>`;
    shape.bindTooltip(tipText, { sticky: true, className: 'vehicle-tip', opacity: 1 });
    shape.on('click', () => open({ kind: 'geofence', id: g.id }));
    shape.on('add', () => {
      const el = shape.getElement();
      el?.setAttribute('data-testid', 'geofence');
      el?.setAttribute('data-id', String(g.id));
      el?.setAttribute('data-rule', g.rule);
    });
    shape.addTo(group);
    const bounds = geo.type === 'circle' ? L.latLng(c(geo.center[1], geo.center[0])).toBounds(geo.radiusM * 2) : (shape as L.Polygon).getBounds();
    where.set(g.id, { latlng: bounds.getCenter(), bounds, el: () => (shape.getElement() as HTMLElement | null) ?? null });
  }
  return { group, where };
}

/** Enterprises: one marker each when few, supercluster bubbles in the viewport when many. */
export function enterpriseLayer(map: L.Map, items: readonly EnterpriseFeature[], crs: MapCrs, open: Open, clusterAbove = 150): Drawn {
  const c = converter('WGS-84', crs);
  const group = L.layerGroup();
  const where: Drawn['where'] = new Map();
  const markers = new Map<number, L.Marker>();
  const marker = (e: EnterpriseFeature) => {
    let m = markers.get(e.id);
    if (m) return m;
    const color = hazardLevelColor(e.topHazardLevel);
    const html = `<div class="enterprise-marker" data-testid="enterprise" data-id="${e.id}" style="--c:${e.hazardSources ? color : '#7fa7d6'}"><span>${esc(e.name)}</span></div>`;
    const tip = `<div class="tt-title">${esc(e.name)}</div><div>重大危险源 ${e.hazardSources} 处</div>`;
    m = point(html, 'enterprise-icon', 14, [0, 0], tip, () => open({ kind: 'enterprise', id: e.id }), -100);
    markers.set(e.id, m);
    return m;
  };
  for (const e of items) {
    const latlng = L.latLng(c(e.lat, e.lon));
    where.set(e.id, { latlng, el: () => (markers.get(e.id)?.getElement()?.firstElementChild as HTMLElement | null) ?? null });
  }
  if (items.length <= clusterAbove) {
    for (const e of items) marker(e).setLatLng(where.get(e.id)!.latlng).addTo(group);
    return { group, where };
  }
  const index = new Supercluster<{ id: number }>({ radius: CLUSTER_RADIUS_PX, maxZoom: 15 });
  index.load(items.map((e) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [where.get(e.id)!.latlng.lng, where.get(e.id)!.latlng.lat] }, properties: { id: e.id } })));
  const byId = new Map(items.map((e) => [e.id, e]));
  const bubbles: L.Marker[] = [];
  const draw = () => {
    if (!map.hasLayer(group)) return;
    group.clearLayers();
    bubbles.length = 0;
    const b = map.getBounds().pad(0.2);
    for (const f of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.floor(map.getZoom()))) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties as { id: number } | ClusterProperties;
      if ('cluster' in p && p.cluster) {
        const html = `<div class="enterprise-cluster" data-testid="enterprise-cluster" data-count="${p.point_count}"><span>${clusterLabel(p.point_count)}</span></div>`;
        const m = point(html, 'enterprise-cluster-icon', 30, [lat, lon], `企业 ${p.point_count} 家`, () => map.flyTo([lat, lon], Math.min(index.getClusterExpansionZoom(p.cluster_id), 16), { duration: 0.6 }));
        m.addTo(group);
        bubbles.push(m);
      } else marker(byId.get((p as { id: number }).id)!).setLatLng([lat, lon]).addTo(group);
    }
  };
  map.on('moveend', draw);
  group.on('add', draw);
  return { group, where, destroy: () => map.off('moveend', draw) };
}

/** The region outline (a hull of its sites, see GET /api/regions/{code}/outline), or nothing when it has none. */
export function outlineLayer(outline: RegionOutline, crs: MapCrs): { layer: L.Polygon | null; bounds: L.LatLngBounds | null } {
  if (!outline.geometry) return { layer: null, bounds: null };
  const ring = ringToMap(outline.geometry.coordinates[0], 'WGS-84', crs);
  const layer = L.polygon(ring, { color: '#3da5ff', weight: 2, dashArray: '10 6', fillColor: '#3da5ff', fillOpacity: 0.05, interactive: false, className: 'region-outline' });
  layer.on('add', () => {
    layer.getElement()?.setAttribute('data-testid', 'region-outline');
    layer.getElement()?.setAttribute('data-source', outline.source);
  });
  return { layer, bounds: layer.getBounds() };
}
