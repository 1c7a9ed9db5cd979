// Coordinate systems of the map. Positions are stored WGS-84; /api/monitor/vehicles and the Socket.IO `positions`
// carry GCJ-02 (the offline park base map's system); layers and outlines are WGS-84. Everything is converted to the
// system of what is drawn underneath: the offline base map (GCJ-02) or the configured tileset (WGS-84 or GCJ-02).
import gcoord from 'gcoord';

export type MapCrs = 'WGS-84' | 'GCJ-02';

/** The park base map shipped with the wall is GCJ-02. */
export const OFFLINE_CRS: MapCrs = 'GCJ-02';

const lib = { 'WGS-84': gcoord.WGS84, 'GCJ-02': gcoord.GCJ02 } as const;

/** [lat, lon] from one system into another; the same pair when they agree. */
export function convertLatLon(lat: number, lon: number, from: MapCrs, to: MapCrs): [number, number] {
  if (from === to) return [lat, lon];
  const [x, y] = gcoord.transform([lon, lat], lib[from], lib[to]) as [number, number];
  return [y, x];
}

/** A converter bound to a source and target system, for hot loops. */
export function converter(from: MapCrs, to: MapCrs): (lat: number, lon: number) => [number, number] {
  if (from === to) return (lat, lon) => [lat, lon];
  return (lat, lon) => convertLatLon(lat, lon, from, to);
}

/** GeoJSON-style [lon, lat] rings into Leaflet [lat, lon] in the map's system. */
export function ringToMap(ring: readonly (readonly [number, number])[], from: MapCrs, to: MapCrs): [number, number][] {
  const c = converter(from, to);
  return ring.map(([lon, lat]) => c(lat, lon));
}

/** A GeoJSON document converted in place of a copy (the park base map when a WGS-84 tileset is underneath). */
export function convertGeoJson<T extends object>(gj: T, from: MapCrs, to: MapCrs): T {
  if (from === to) return gj;
  return gcoord.transform(structuredClone(gj) as never, lib[from], lib[to]) as unknown as T;
}
