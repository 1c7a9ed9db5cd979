import { encodeBcdTime } from '../bcd.ts';
import { u16, u32, u8 } from '../binary.ts';
import type { ProtocolEdition } from '../header.ts';
import { encodeGbk } from '../text.ts';

/** Area / route attribute bits shared by 0x8600-0x8606. */
export const AreaAttr = {
  ByTime: 1 << 0,
  SpeedLimit: 1 << 1,
  AlarmDriverOnEnter: 1 << 2,
  AlarmPlatformOnEnter: 1 << 3,
  AlarmDriverOnExit: 1 << 4,
  AlarmPlatformOnExit: 1 << 5,
  South: 1 << 6,
  West: 1 << 7,
} as const;

export interface LatLon {
  /** Signed degrees, WGS-84. */
  lat: number;
  lon: number;
}

export interface AreaRules {
  id: number;
  /** 2019 only; earlier editions have no name field. */
  name?: string;
  window?: { start: Date; end: Date };
  speedLimit?: { maxKmh: number; overspeedS: number; nightMaxKmh?: number };
  alarmOnEnter?: boolean;
  alarmOnExit?: boolean;
}

export type Geofence =
  | (AreaRules & { shape: 'circle'; center: LatLon; radiusM: number })
  | (AreaRules & { shape: 'rectangle'; topLeft: LatLon; bottomRight: LatLon })
  | (AreaRules & { shape: 'polygon'; vertices: LatLon[] })
  | (AreaRules & { shape: 'route'; points: Array<LatLon & { widthM: number }> });

export type GeofenceShape = Geofence['shape'];

/** 0x8600/0x8602 setting attribute: replace all areas of the shape, append, or modify by id. */
export type AreaSetMode = 'replace' | 'append' | 'modify';
const SET_MODE: Record<AreaSetMode, number> = { replace: 0, append: 1, modify: 2 };

export const GEOFENCE_MSG: Record<GeofenceShape, { set: number; remove: number }> = {
  circle: { set: 0x8600, remove: 0x8601 },
  rectangle: { set: 0x8602, remove: 0x8603 },
  polygon: { set: 0x8604, remove: 0x8605 },
  route: { set: 0x8606, remove: 0x8607 },
};

const micro = (deg: number, what: string) => u32(Math.round(Math.abs(deg) * 1e6), what);
const point = (p: LatLon) => Buffer.concat([micro(p.lat, 'latitude'), micro(p.lon, 'longitude')]);

function firstPoint(f: Geofence): LatLon {
  if (f.shape === 'circle') return f.center;
  if (f.shape === 'rectangle') return f.topLeft;
  return f.shape === 'polygon' ? f.vertices[0] : f.points[0];
}

function attributes(f: Geofence): number {
  const p = firstPoint(f);
  return (
    (f.window ? AreaAttr.ByTime : 0) |
    (f.speedLimit && f.shape !== 'route' ? AreaAttr.SpeedLimit : 0) |
    (f.alarmOnEnter ? AreaAttr.AlarmDriverOnEnter | AreaAttr.AlarmPlatformOnEnter : 0) |
    (f.alarmOnExit ? AreaAttr.AlarmDriverOnExit | AreaAttr.AlarmPlatformOnExit : 0) |
    // Routes carry the hemisphere per inflection point instead.
    (f.shape !== 'route' && p.lat < 0 ? AreaAttr.South : 0) |
    (f.shape !== 'route' && p.lon < 0 ? AreaAttr.West : 0)
  );
}

const window = (f: AreaRules) => (f.window ? [encodeBcdTime(f.window.start), encodeBcdTime(f.window.end)] : []);

function speed(f: AreaRules, edition: ProtocolEdition): Buffer[] {
  if (!f.speedLimit) return [];
  const out = [u16(f.speedLimit.maxKmh, 'max speed'), u8(f.speedLimit.overspeedS, 'overspeed duration')];
  if (edition === '2019') out.push(u16(f.speedLimit.nightMaxKmh ?? f.speedLimit.maxKmh, 'night max speed'));
  return out;
}

function name(f: AreaRules, edition: ProtocolEdition): Buffer[] {
  if (edition !== '2019') return [];
  const raw = encodeGbk(f.name ?? '');
  return [u16(raw.length, 'name length'), raw];
}

function circleOrRectangle(f: Extract<Geofence, { shape: 'circle' | 'rectangle' }>, edition: ProtocolEdition): Buffer {
  const geometry = f.shape === 'circle' ? [point(f.center), u32(Math.round(f.radiusM), 'radius')] : [point(f.topLeft), point(f.bottomRight)];
  return Buffer.concat([u32(f.id, 'area id'), u16(attributes(f), 'area attributes'), ...geometry, ...window(f), ...speed(f, edition), ...name(f, edition)]);
}

/** 0x8600 / 0x8602: several areas of one shape per message. */
export function encodeSetAreas(mode: AreaSetMode, areas: Array<Extract<Geofence, { shape: 'circle' | 'rectangle' }>>, edition: ProtocolEdition): Buffer {
  return Buffer.concat([u8(SET_MODE[mode]), u8(areas.length, 'area count'), ...areas.map((a) => circleOrRectangle(a, edition))]);
}

/** 0x8604: one polygon per message. */
export function encodeSetPolygon(f: Extract<Geofence, { shape: 'polygon' }>, edition: ProtocolEdition): Buffer {
  // 2019 moves the night speed after the vertices.
  const speedParts = speed(f, edition);
  const [day, night] = edition === '2019' ? [speedParts.slice(0, 2), speedParts.slice(2)] : [speedParts, []];
  return Buffer.concat([
    u32(f.id, 'area id'),
    u16(attributes(f), 'area attributes'),
    ...window(f),
    ...day,
    u16(f.vertices.length, 'vertex count'),
    ...f.vertices.map(point),
    ...night,
    ...name(f, edition),
  ]);
}

const SECTION_SPEED = 1 << 1;
const SECTION_SOUTH = 1 << 2;
const SECTION_WEST = 1 << 3;

/** 0x8606: a route of inflection points; each section gets the route's speed limit. */
export function encodeSetRoute(f: Extract<Geofence, { shape: 'route' }>, edition: ProtocolEdition): Buffer {
  const sections = f.points.map((p, i) =>
    Buffer.concat([
      u32(i + 1, 'inflection id'),
      u32(i + 1, 'section id'),
      point(p),
      u8(Math.round(p.widthM), 'section width'),
      u8((f.speedLimit ? SECTION_SPEED : 0) | (p.lat < 0 ? SECTION_SOUTH : 0) | (p.lon < 0 ? SECTION_WEST : 0), 'section attributes'),
      ...speed(f, edition),
    ]),
  );
  return Buffer.concat([u32(f.id, 'route id'), u16(attributes(f), 'route attributes'), ...window(f), u16(f.points.length, 'point count'), ...sections, ...name(f, edition)]);
}

/** Body of the set message for one geofence, in the terminal's edition. */
export function encodeSetGeofence(f: Geofence, mode: AreaSetMode, edition: ProtocolEdition): Buffer {
  if (f.shape === 'circle' || f.shape === 'rectangle') return encodeSetAreas(mode, [f], edition);
  return f.shape === 'polygon' ? encodeSetPolygon(f, edition) : encodeSetRoute(f, edition);
}

/** 0x8601/03/05/07: count BYTE then ids; an empty list deletes every area of that shape. */
export function encodeDeleteAreas(ids: readonly number[]): Buffer {
  return Buffer.concat([u8(ids.length, 'area count'), ...ids.map((id) => u32(id, 'area id'))]);
}
