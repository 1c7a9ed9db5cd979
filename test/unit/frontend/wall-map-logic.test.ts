import { describe, expect, it } from 'vitest';
import Supercluster from 'supercluster';
import {
  CLUSTER_ABOVE,
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS_PX,
  clusterLabel,
  clusterMode,
  clusterSizePx,
  clusterState,
  hazardLevelColor,
  HAZARD_LEVEL_COLORS,
  isParkLevel,
  mergeTally,
  tallyOf,
  vehicleMapState,
  type StateTally,
} from '../../../web/frontend/src/wall/map/map-logic.ts';
import { convertLatLon, convertGeoJson, converter, ringToMap } from '../../../web/frontend/src/wall/map/coords.ts';

describe('vehicle state on the map', () => {
  const on = { online: true, speedKmh: 40 };
  it('in alarm wins over offline, offline over moving or stopped, as on the server', () => {
    expect(vehicleMapState({ online: false, speedKmh: 0 }, { alarm: true, stale: false })).toBe('alarm');
    expect(vehicleMapState({ online: false, speedKmh: 60 }, { alarm: false, stale: false })).toBe('offline');
    expect(vehicleMapState(on, { alarm: false, stale: false })).toBe('moving');
    expect(vehicleMapState({ online: true, speedKmh: 4.9 }, { alarm: false, stale: false })).toBe('stopped');
    expect(vehicleMapState({ online: true, speedKmh: 5 }, { alarm: false, stale: false })).toBe('moving');
    expect(vehicleMapState({ online: true, speedKmh: null }, { alarm: false, stale: false })).toBe('stopped');
  });
  it('an online truck whose last fix is stale is drawn as offline (position unknown now)', () => {
    expect(vehicleMapState(on, { alarm: false, stale: true })).toBe('offline');
    expect(vehicleMapState(on, { alarm: true, stale: true })).toBe('alarm');
  });
});

describe('hazard source colours', () => {
  it('one colour per level, red for 一级 down to blue for 四级, grey when ungraded', () => {
    expect(new Set(Object.values(HAZARD_LEVEL_COLORS)).size).toBe(4);
    expect(hazardLevelColor(1)).toBe(HAZARD_LEVEL_COLORS[1]);
    expect(hazardLevelColor(4)).toBe(HAZARD_LEVEL_COLORS[4]);
    expect(hazardLevelColor(null)).not.toBe(hazardLevelColor(1));
    expect(hazardLevelColor(7)).toBe(hazardLevelColor(null));
  });
});

describe('clustering choices', () => {
  it('draws a small fleet one by one and clusters a large one', () => {
    expect(clusterMode(0)).toBe('individual');
    expect(clusterMode(CLUSTER_ABOVE)).toBe('individual');
    expect(clusterMode(CLUSTER_ABOVE + 1)).toBe('clustered');
    expect(clusterMode(10_000)).toBe('clustered');
  });
  it('a cluster is red when any member is in alarm, else green when any moves', () => {
    const t: StateTally = tallyOf('stopped');
    mergeTally(t, tallyOf('offline'));
    expect(clusterState(t)).toBe('stopped');
    mergeTally(t, tallyOf('moving'));
    expect(clusterState(t)).toBe('moving');
    mergeTally(t, tallyOf('alarm'));
    expect(clusterState(t)).toBe('alarm');
    expect(t).toEqual({ moving: 1, stopped: 1, offline: 1, alarm: 1 });
    expect(clusterState(tallyOf('offline'))).toBe('offline');
  });
  it('labels and sizes grow slowly with the count', () => {
    expect(clusterLabel(986)).toBe('986');
    expect(clusterLabel(12_345)).toBe('1.2万');
    expect(clusterSizePx(10, 30)).toBeLessThan(clusterSizePx(10_000, 30));
    expect(clusterSizePx(1_000_000, 30)).toBe(clusterSizePx(10_000_000, 30));
  });
  it('with these settings 10,000 trucks over a city give a bounded number of bubbles, and none is left clustered past the max zoom', () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [120 + ((i * 7919) % 1000) / 1000, 41 + ((i * 104729) % 1000) / 1000] },
      properties: { id: i, t: tallyOf(i % 97 === 0 ? 'alarm' : 'moving') },
    }));
    const index = new Supercluster<{ id: number; t: StateTally }, StateTally>({ radius: CLUSTER_RADIUS_PX, maxZoom: CLUSTER_MAX_ZOOM, map: (p) => ({ ...p.t }), reduce: mergeTally });
    index.load(pts);
    const city = index.getClusters([119.9, 40.9, 121.1, 42.1], 9);
    expect(city.length).toBeLessThan(200);
    const total = city.reduce((n, f) => n + ('cluster' in f.properties && f.properties.cluster ? f.properties.point_count : 1), 0);
    expect(total).toBe(10_000);
    const alarms = city.reduce((n, f) => n + ('cluster' in f.properties && f.properties.cluster ? (f.properties as unknown as StateTally).alarm : (f.properties as { t: StateTally }).t.alarm), 0);
    expect(alarms).toBe(pts.filter((p) => p.properties.t.alarm).length);
    const street = index.getClusters([120.4, 41.4, 120.45, 41.45], CLUSTER_MAX_ZOOM + 1);
    expect(street.every((f) => !('cluster' in f.properties))).toBe(true);
  });
  it('park and enterprise levels keep the park base map; above, the region outline', () => {
    expect(isParkLevel('park')).toBe(true);
    expect(isParkLevel('enterprise')).toBe(true);
    expect(isParkLevel('county')).toBe(false);
    expect(isParkLevel(undefined)).toBe(false);
  });
});

describe('coordinates per tileset', () => {
  // Chaoyang (Liaoning): GCJ-02 is offset from WGS-84 by a few hundred metres.
  const wgs: [number, number] = [41.5185, 120.3995];
  it('leaves a point alone when the source and the tileset agree', () => {
    expect(convertLatLon(...wgs, 'WGS-84', 'WGS-84')).toEqual(wgs);
    expect(converter('GCJ-02', 'GCJ-02')(1, 2)).toEqual([1, 2]);
  });
  it('shifts WGS-84 into GCJ-02 for the offline base map or a GCJ-02 tileset, and back for a WGS-84 tileset', () => {
    const gcj = convertLatLon(...wgs, 'WGS-84', 'GCJ-02');
    const metres = (a: [number, number], b: [number, number]) => Math.hypot((a[0] - b[0]) * 111_000, (a[1] - b[1]) * 111_000 * Math.cos((a[0] * Math.PI) / 180));
    expect(metres(gcj, wgs)).toBeGreaterThan(100);
    expect(metres(gcj, wgs)).toBeLessThan(1000);
    const back = convertLatLon(...gcj, 'GCJ-02', 'WGS-84');
    expect(metres(back, wgs)).toBeLessThan(5);
  });
  it('turns GeoJSON [lon, lat] rings into Leaflet [lat, lon] in the map system, and converts a base map without touching the original', () => {
    const ring: [number, number][] = [[120.3995, 41.5185], [120.41, 41.52]];
    expect(ringToMap(ring, 'WGS-84', 'WGS-84')).toEqual([[41.5185, 120.3995], [41.52, 120.41]]);
    const gj = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.4058, 41.5223] } }] };
    const out = convertGeoJson(gj, 'GCJ-02', 'WGS-84');
    expect(gj.features[0].geometry.coordinates).toEqual([120.4058, 41.5223]);
    expect(out.features[0].geometry.coordinates[0]).not.toBe(120.4058);
    expect(convertGeoJson(gj, 'GCJ-02', 'GCJ-02')).toBe(gj);
  });
});
