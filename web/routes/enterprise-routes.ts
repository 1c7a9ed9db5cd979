import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { regionInScope } from '../../platform/auth/scope.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { recordAudit } from '../../registry/audit-trail.ts';
import { rowToApi } from '../../registry/registry-module.ts';
import { gradeLabels, moveRegionAction, scaleLabels } from '../../registry/modules/enterprises.ts';
import { actionRoute } from '../../registry/registry-module.ts';
import { isKnownRegion, regionName } from '../../registry/region-names.ts';
import { actorOf } from './registry-routes.ts';

/** 属地调整 (moving an enterprise to another region or park) and enterprise statistics. */
export const enterpriseRoutes: FastifyPluginAsyncZod<{ db: Database; onChange: () => void }> = async (app, { db, onChange }) => {
  const records = new ScopedRecords(db);
  app.post(
    actionRoute(moveRegionAction),
    {
      preHandler: app.requireRole(moveRegionAction.roles),
      schema: {
        tags: ['enterprises'],
        summary: moveRegionAction.label,
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字'),
          parkId: z.number().int().positive().nullish(),
          reason: z.string().trim().min(2, '请填写调整原因').max(200),
        }),
      },
    },
    async (req, reply) => {
      const scope = req.user!.scope;
      const { regionCode, parkId, reason } = req.body;
      if (!isKnownRegion(regionCode)) {
        return reply.code(400).send({ error: 'validation_failed', message: '行政区划代码不存在', fields: [{ path: 'regionCode', message: '行政区划代码不存在' }] });
      }
      // Both ends must be within the caller's jurisdiction: a county cannot hand an enterprise to another province.
      if (!regionInScope(scope, regionCode)) return reply.code(403).send({ error: 'out_of_scope', message: '目标区划超出本账号的管辖范围' });
      const moved = await db.transaction(async (tx) => {
        const params: unknown[] = [req.params.id];
        const [before] = await tx.query<Record<string, unknown>>(`select * from enterprises where id = $1 and ${records.where(scope, 'enterprises', params)}`, params);
        if (!before) return null;
        const [after] = await tx.query<Record<string, unknown>>(
          'update enterprises set region_code = $2, park_id = $3, updated_at = now() where id = $1 returning *',
          [req.params.id, regionCode, parkId ?? null],
        );
        await recordAudit(tx, {
          actor: actorOf(req),
          module: 'enterprises',
          recordId: req.params.id,
          action: 'move',
          before: { ...rowToApi(before), reason },
          after: { ...rowToApi(after), reason },
          enterpriseId: req.params.id,
          regionCode,
        });
        return after;
      });
      if (!moved) return reply.code(404).send({ error: 'not_found', message: '企业不存在' });
      onChange();
      return rowToApi(moved);
    },
  );

  const dimensions = {
    region: { column: 'region_code', label: (k: string) => regionName(k) ?? k },
    industryType: { column: 'industry_type', label: (k: string) => k },
    scale: { column: 'scale', label: (k: string) => scaleLabels[k as keyof typeof scaleLabels] ?? k },
    grade: { column: 'grade', label: (k: string) => gradeLabels[k as keyof typeof gradeLabels] ?? k },
  } as const;

  app.get(
    '/api/enterprises/stats',
    {
      preHandler: app.requireUser,
      schema: { tags: ['enterprises'], summary: '企业统计（按区划、行业类型、规模、分级）', querystring: z.object({ by: z.enum(['region', 'industryType', 'scale', 'grade']).default('region') }) },
    },
    async (req) => {
      const d = dimensions[req.query.by];
      const params: unknown[] = [];
      const rows = await db.query<{ key: string | null; count: number }>(
        `select ${d.column} as key, count(*)::int as count from enterprises where ${records.where(req.user!.scope, 'enterprises', params)}
         group by ${d.column} order by count desc, key`,
        params,
      );
      return { items: rows.map((r) => ({ key: r.key, label: r.key === null ? '未填写' : d.label(r.key), count: r.count })) };
    },
  );
};
