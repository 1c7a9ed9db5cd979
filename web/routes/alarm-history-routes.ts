import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import { AlarmHistory, handlingStates, type HistoryFilter } from '../../alerts/handling/alarm-history.ts';
import { alarmWorkbook } from '../../alerts/handling/alarm-workbook.ts';
import { alarmStatisticsWorkbook } from '../../alerts/handling/alarm-statistics-workbook.ts';
import { narrowScope, regionParam, regionRefusal } from '../region-selection.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_MAX_ROWS = 50_000;

const filters = z.object({
  type: z.string().trim().min(1).max(50).optional(),
  severity: z.enum(['critical', 'major', 'minor', 'warning']).optional(),
  regionCode: z.string().regex(/^\d{6}$/, '六位行政区划代码').optional(),
  region: regionParam,
  enterpriseId: z.coerce.number().int().positive().optional(),
  sourceKind: z.enum(['sensor', 'vehicle']).optional(),
  sourceId: z.coerce.number().int().positive().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  state: z.enum(handlingStates).optional(),
});

const toFilter = ({ region: _region, ...q }: z.infer<typeof filters>): HistoryFilter => q;
const attachment = (reply: FastifyReply, name: string) => reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);

const count = z.number().int();
const statisticsSchema = z.object({
  total: count,
  byType: z.array(z.object({ type: z.string(), label: z.string(), count })),
  bySeverity: z.array(z.object({ severity: z.enum(['critical', 'major', 'minor', 'warning']), label: z.string(), count })),
  byRegion: z.array(z.object({ regionCode: z.string().nullable(), name: z.string().nullable(), count })),
  byEnterprise: z.array(z.object({ enterpriseId: z.number().int().nullable(), name: z.string().nullable(), count })),
  byDay: z.array(z.object({ day: z.string(), count })),
  meanAckSeconds: z.number().nullable(),
  meanCloseSeconds: z.number().nullable(),
  topSources: z.array(z.object({ kind: z.string(), id: z.number().int(), name: z.string(), count })),
  slaBreaches: z.object({ ack: count, dispose: count, escalated: count }),
});
const refusal = z.object({ error: z.string(), message: z.string() });

/** Alarm history with filters, statistics and the Excel exports, all within the caller's scope (narrowed by `region`). */
export const alarmHistoryRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.addHook('preHandler', app.requireUser);
  const history = new AlarmHistory(db);
  const scopeOf = (req: FastifyRequest, region: string | undefined): Promise<Scope | null> => narrowScope(db, req.user!.scope, region);

  app.get(
    '/api/alarms/history',
    {
      schema: {
        tags: ['alarms'],
        summary: '报警历史（类型、严重程度、区划或园区、企业、报警对象、首次报警时间、处置状态）',
        querystring: filters.extend({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req, reply) => {
      const { limit, offset, ...f } = req.query;
      const scope = await scopeOf(req, f.region);
      if (!scope) return reply.code(403).send(regionRefusal);
      return history.list(scope, toFilter(f), { limit, offset });
    },
  );

  const statistics = async (req: FastifyRequest<{ Querystring: z.infer<typeof filters> }>, reply: FastifyReply) => {
    const scope = await scopeOf(req, req.query.region);
    if (!scope) return reply.code(403).send(regionRefusal);
    return history.statistics(scope, toFilter(req.query));
  };
  const statsSummary = '报警统计：按类型、严重程度、区划、企业、日期（北京时间）计数，平均确认与消警用时，超时次数，高发对象';
  app.get('/api/alarms/statistics', { schema: { tags: ['alarms'], summary: statsSummary, querystring: filters, response: { 200: statisticsSchema, 403: refusal } } }, statistics);
  app.get('/api/alarms/stats', { schema: { tags: ['alarms'], summary: `${statsSummary}（旧路径，同 /api/alarms/statistics）`, querystring: filters, response: { 200: statisticsSchema, 403: refusal } } }, statistics);

  app.get('/api/alarms/statistics.xlsx', { schema: { tags: ['alarms'], summary: '导出所选时段的报警统计（Excel）', querystring: filters } }, async (req, reply) => {
    const scope = await scopeOf(req, req.query.region);
    if (!scope) return reply.code(403).send(regionRefusal);
    const f = toFilter(req.query);
    return attachment(reply, '报警统计.xlsx').send(await alarmStatisticsWorkbook(await history.statistics(scope, f), f));
  });

  app.get('/api/alarms/export.xlsx', { schema: { tags: ['alarms'], summary: '导出报警记录（Excel）', querystring: filters } }, async (req, reply) => {
    const scope = await scopeOf(req, req.query.region);
    if (!scope) return reply.code(403).send(regionRefusal);
    const { items } = await history.list(scope, toFilter(req.query), { limit: EXPORT_MAX_ROWS, offset: 0 });
    return attachment(reply, '报警记录.xlsx').send(await alarmWorkbook(items));
  });
};
