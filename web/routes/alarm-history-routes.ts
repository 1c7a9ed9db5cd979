import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { AlarmHistory, handlingStates, type HistoryFilter } from '../../alerts/handling/alarm-history.ts';
import { alarmWorkbook } from '../../alerts/handling/alarm-workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_MAX_ROWS = 50_000;

const filters = z.object({
  type: z.string().trim().min(1).max(50).optional(),
  severity: z.enum(['critical', 'major', 'minor', 'warning']).optional(),
  regionCode: z.string().regex(/^\d{6}$/, '六位行政区划代码').optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  state: z.enum(handlingStates).optional(),
});

const toFilter = (q: z.infer<typeof filters>): HistoryFilter => q;

/** Alarm history with filters, statistics and the Excel export, all within the caller's scope. */
export const alarmHistoryRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.addHook('preHandler', app.requireUser);
  const history = new AlarmHistory(db);

  app.get(
    '/api/alarms/history',
    {
      schema: {
        tags: ['alarms'],
        summary: '报警历史（类型、严重程度、区划、企业、首次报警时间、处置状态）',
        querystring: filters.extend({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      return history.list(req.user!.scope, toFilter(f), { limit, offset });
    },
  );

  app.get(
    '/api/alarms/stats',
    { schema: { tags: ['alarms'], summary: '报警统计：按类型、区划、日期计数，平均确认与消警用时，高发对象，超时次数', querystring: filters } },
    async (req) => history.statistics(req.user!.scope, toFilter(req.query)),
  );

  app.get('/api/alarms/export.xlsx', { schema: { tags: ['alarms'], summary: '导出报警记录（Excel）', querystring: filters } }, async (req, reply) => {
    const { items } = await history.list(req.user!.scope, toFilter(req.query), { limit: EXPORT_MAX_ROWS, offset: 0 });
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('报警记录.xlsx')}`)
      .send(await alarmWorkbook(items));
  });
};
