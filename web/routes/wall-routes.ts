import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import type { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import { narrowScope, regionParam, regionRefusal } from '../region-selection.ts';
import { WallOverview } from '../wall/overview.ts';
import { regionTree } from '../wall/region-tree.ts';
import { regionOutline } from '../wall/region-outline.ts';
import { regionMembers } from '../wall/region-members.ts';
import { regionShortName } from '../../registry/region-names.ts';

interface Deps {
  db: Database;
  sensorLive: SensorLiveState;
  vehicleOnline: (vehicleId: number) => boolean;
  clock: () => Date;
}

const online = z.object({ total: z.number().int(), online: z.number().int(), rate: z.number().nullable() });
const overviewSchema = z.object({
  at: z.string(),
  day: z.string(),
  sensors: online,
  vehicles: online,
  openAlarms: z.object({ critical: z.number().int(), major: z.number().int(), minor: z.number().int(), warning: z.number().int(), total: z.number().int() }),
  todayAlarms: z.object({ total: z.number().int(), hourly: z.array(z.object({ hour: z.number().int(), count: z.number().int() })) }),
  enterprises: z.number().int(),
  hazardSources: z.object({ total: z.number().int(), byLevel: z.array(z.object({ level: z.number().int(), count: z.number().int() })) }),
  vehiclesOnTrip: z.number().int(),
  safetyCommitmentRate: z.number().nullable(),
});
const nodeSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  level: z.enum(['country', 'province', 'city', 'county', 'park', 'enterprise']),
  enterprises: z.number().int(),
  vehicles: z.number().int(),
  tanks: z.number().int(),
  hasData: z.boolean(),
});
const refusal = z.object({ error: z.string(), message: z.string() });
const point = z.tuple([z.number(), z.number()]);

/** The wall's overview strip, region drill-down tree and region outlines, each within the caller's scope. */
export const wallRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.addHook('preHandler', app.requireUser);
  const overview = new WallOverview(deps);

  app.get(
    '/api/monitor/overview',
    {
      schema: {
        tags: ['monitor'],
        summary: '大屏总览指标（在线率、未处理报警、今日报警及逐时趋势、企业、重大危险源分级、在途车辆）',
        description:
          '实时更新：大屏在收到 Socket.IO /live 的 alarm 事件（任一 action）或 status 事件后，节流至多每 5 秒重新请求一次；另每 60 秒定时刷新一次（传感器超时判定与整点趋势不产生事件）。今日指北京时间自然日。',
        querystring: z.object({ region: regionParam }),
        response: { 200: overviewSchema, 403: refusal },
      },
    },
    async (req, reply) => {
      const scope = await narrowScope(deps.db, req.user!.scope, req.query.region);
      if (!scope) return reply.code(403).send(regionRefusal);
      return overview.figures(scope);
    },
  );

  app.get(
    '/api/regions/members',
    {
      schema: {
        tags: ['monitor'],
        summary: '所选区域的成员（大屏据此筛选储罐列表与实时报警）',
        description:
          '企业编号列表；无所属企业的记录（如园区摄像头）按 unassigned 判定：prefix 为行政区划代码前缀，code 为园区所在区划代码。与带 region 参数的接口使用同一范围规则。',
        querystring: z.object({ region: regionParam }),
        response: {
          200: z.object({
            enterpriseIds: z.array(z.number().int()),
            unassigned: z.union([z.object({ prefix: z.string() }), z.object({ code: z.string() })]).nullable(),
          }),
          403: refusal,
        },
      },
    },
    async (req, reply) => {
      const scope = await narrowScope(deps.db, req.user!.scope, req.query.region);
      if (!scope) return reply.code(403).send(regionRefusal);
      return regionMembers(deps.db, scope);
    },
  );

  app.get(
    '/api/regions/tree',
    {
      schema: {
        tags: ['monitor'],
        summary: '区域下钻树（本账号管辖范围的根节点及其下省、市、县、园区）',
        description: '扁平列表，父节点在前；code 可作为其他接口的 region 参数。dataOnly=true 只保留有企业的区域。',
        querystring: z.object({ dataOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
        response: { 200: z.object({ root: z.string(), nodes: z.array(nodeSchema) }) },
      },
    },
    async (req) => regionTree(deps.db, req.user!.scope, { dataOnly: req.query.dataOnly }),
  );

  app.get(
    '/api/regions/:code/outline',
    {
      schema: {
        tags: ['monitor'],
        summary: '区域轮廓（WGS-84 GeoJSON；无可用行政区划边界数据包，按区域内企业、储罐、摄像头、应急资源位置生成外包多边形）',
        params: z.object({ code: z.string().regex(/^(\d{6}|park:\d{1,9})$/, '六位行政区划代码或 park:<园区编号>') }),
        response: {
          200: z.object({
            code: z.string(),
            name: z.string().nullable(),
            source: z.enum(['points_hull', 'points_bbox', 'none']),
            geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(point)) }).nullable(),
            bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
            pointCount: z.number().int(),
          }),
          403: refusal,
        },
      },
    },
    async (req, reply) => {
      const scope = await narrowScope(deps.db, req.user!.scope, req.params.code);
      if (!scope) return reply.code(403).send(regionRefusal);
      const name = req.params.code.startsWith('park:')
        ? ((await deps.db.query<{ name: string }>('select name from organizations where id = $1', [Number(req.params.code.slice(5))]))[0]?.name ?? null)
        : regionShortName(req.params.code);
      return { code: req.params.code, name, ...(await regionOutline(deps.db, scope)) };
    },
  );
};
