// What the map reads, typed here where the routes publish no response schema (GET /api/monitor/layers).
import { api, ApiError, call } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';
import type { MapCrs } from './coords';

export interface HazardSourceFeature {
  id: number;
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | null;
  levelLabel: string | null;
  rValue: number | null;
  enterpriseId: number;
  enterpriseName: string;
  lat: number | null;
  lon: number | null;
  tanks: number;
}

export type GeofenceGeometry =
  | { type: 'circle'; center: [number, number]; radiusM: number }
  | { type: 'polygon'; coordinates: [number, number][] }
  | { type: 'corridor'; line: [number, number][]; widthM: number };

export interface GeofenceFeature {
  id: number;
  code: string;
  name: string;
  shape: string;
  geometry: GeofenceGeometry;
  rule: 'forbidden' | 'allowed_only' | 'speed_limit';
  speedLimitKmh: number | null;
  enabled: boolean;
  regionCode: string;
  enterpriseId: number | null;
}

export interface ResourceFeature {
  id: number;
  code: string;
  kind: string;
  name: string;
  lat: number;
  lon: number;
  address: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  capacity: string | null;
}

export interface EnterpriseFeature {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  parkId: number | null;
  lat: number;
  lon: number;
  hazardSources: number;
  topHazardLevel: number | null;
}

export type CameraFeature = paths['/api/video/cameras']['get']['responses'][200]['content']['application/json']['items'][number];

export interface MapLayers {
  hazardSources: HazardSourceFeature[];
  geofences: GeofenceFeature[];
  emergencyResources: ResourceFeature[];
  enterprises: EnterpriseFeature[];
  cameras: CameraFeature[];
}

export interface MapConfig {
  offlineCrs: MapCrs;
  tiles: { url: string; crs: MapCrs; subdomains: string | null; maxZoom: number } | null;
}

export interface RegionOutline {
  code: string;
  name: string | null;
  source: 'points_hull' | 'points_bbox' | 'none';
  geometry: { type: 'Polygon'; coordinates: [number, number][][] } | null;
  bbox: [number, number, number, number] | null;
}

const regionQuery = (region: string) => (region ? { region } : {});

export const mapApi = {
  config: () => call(api.GET('/api/map/config')) as Promise<MapConfig>,
  async layers(region: string): Promise<MapLayers> {
    const [layers, enterprises, cameras] = await Promise.all([
      call(api.GET('/api/monitor/layers', { params: { query: regionQuery(region) } })) as unknown as Promise<Omit<MapLayers, 'enterprises' | 'cameras'>>,
      call(api.GET('/api/map/enterprises', { params: { query: regionQuery(region) } })),
      // A platform run without a media server has no video routes (404): no camera layer, the rest of the map stays.
      call(api.GET('/api/video/cameras', { params: { query: regionQuery(region) } })).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return { items: [], total: 0 };
        throw err;
      }),
    ]);
    return { ...layers, enterprises: enterprises.items, cameras: cameras.items };
  },
  /** Ids of the vehicles in a region (the map draws only these). */
  async vehicleIds(region: string): Promise<Set<number>> {
    const res = (await call(api.GET('/api/monitor/vehicles', { params: { query: regionQuery(region) } }))) as unknown as { items: { id: number }[] };
    return new Set(res.items.map((v) => v.id));
  },
  outline: (code: string) => call(api.GET('/api/regions/{code}/outline', { params: { path: { code } } })) as Promise<RegionOutline>,
  tank: (id: number) => call(api.GET('/api/monitor/tanks/{id}', { params: { path: { id } } })) as unknown as Promise<{ id: number; name: string; lat: number | null; lon: number | null }>,
};
