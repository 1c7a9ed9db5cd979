import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { narrowScope, regionParam, regionRefusal } from '../region-selection.ts';

export interface MapTiles {
  url: string;
  crs: 'WGS-84' | 'GCJ-02';
  subdomains: string | null;
  maxZoom: number;
}

interface Deps {
  db: Database;
  tiles: MapTiles | null;
}

const refusal = z.object({ error: z.string(), message: z.string() });

/** The wall map's configuration (tileset or offline) and the enterprise layer; the other layers are /api/monitor/layers. */
export const mapRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const records = new ScopedRecords(deps.db);
  app.addHook('preHandler', app.requireUser);

  app.get(
    '/api/map/config',
    {
      schema: {
        tags: ['monitor'],
        summary: '大屏地图配置：瓦片地址与其坐标系（MAP_TILE_URL、MAP_TILE_CRS）；未配置时为离线矢量底图（GCJ-02）',
        response: {
          200: z.object({
            offlineCrs: z.literal('GCJ-02'),
            tiles: z.object({ url: z.string(), crs: z.enum(['WGS-84', 'GCJ-02']), subdomains: z.string().nullable(), maxZoom: z.number().int() }).nullable(),
          }),
        },
      },
    },
    async () => ({ offlineCrs: 'GCJ-02' as const, tiles: deps.tiles }),
  );

  app.get(
    '/api/map/enterprises',
    {
      schema: {
        tags: ['monitor'],
        summary: '地图企业图层（WGS-84）：位置、重大危险源数量与最高等级，按区域筛选',
        querystring: z.object({ region: regionParam }),
        response: {
          200: z.object({
            coordinateSystem: z.literal('WGS-84'),
            items: z.array(
              z.object({
                id: z.number().int(),
                code: z.string(),
                name: z.string(),
                regionCode: z.string(),
                parkId: z.number().int().nullable(),
                lat: z.number(),
                lon: z.number(),
                hazardSources: z.number().int(),
                topHazardLevel: z.number().int().nullable(),
              }),
            ),
          }),
          403: refusal,
        },
      },
    },
    async (req, reply) => {
      const scope = await narrowScope(deps.db, req.user!.scope, req.query.region);
      if (!scope) return reply.code(403).send(regionRefusal);
      const params: unknown[] = [];
      const rows = await deps.db.query<{ id: number; code: string; name: string; region_code: string; park_id: number | null; lat: number; lon: number; hazard_sources: number; top_level: number | null }>(
        `select e.id, e.code, e.name, e.region_code, e.park_id, e.lat, e.lon,
                (select count(*)::int from hazard_sources h where h.enterprise_id = e.id) as hazard_sources,
                (select min(h.level)::int from hazard_sources h where h.enterprise_id = e.id) as top_level
           from enterprises e
          where e.lat is not null and e.lon is not null and ${records.where(scope, 'enterprises', params, 'e')} order by e.id`,
        params,
      );
      return {
        coordinateSystem: 'WGS-84' as const,
        items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, regionCode: String(r.region_code).trim(), parkId: r.park_id, lat: Number(r.lat), lon: Number(r.lon), hazardSources: r.hazard_sources, topHazardLevel: r.top_level })),
      };
    },
  );
};
