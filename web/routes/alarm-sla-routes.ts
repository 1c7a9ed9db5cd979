import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { regionInScope, regionPrefix, type Scope } from '../../platform/auth/scope.ts';
import type { SlaDefaults } from '../../alerts/sla/sla-monitor.ts';

interface PolicyRow {
  id: number;
  severity: string | null;
  region_code: string | null;
  ack_minutes: number;
  dispose_minutes: number;
  updated_by: string | null;
  updated_at: Date;
}

const toPolicy = (r: PolicyRow) => ({
  id: r.id,
  severity: r.severity,
  regionCode: r.region_code,
  ackMinutes: r.ack_minutes,
  disposeMinutes: r.dispose_minutes,
  updatedBy: r.updated_by,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** A policy applies inside its region, so a caller sees those in its region and above it (they may apply to it). */
const concerns = (scope: Scope, regionCode: string | null) =>
  scope.kind === 'all' || regionCode === null || (scope.kind === 'region' && (regionCode.startsWith(scope.prefix) || scope.prefix.startsWith(regionPrefix(regionCode))));

/** Acknowledge and dispose deadlines per severity and region (处置时限); the configured defaults apply elsewhere. */
export const alarmSlaRoutes: FastifyPluginAsyncZod<{ db: Database; defaults: SlaDefaults }> = async (app, { db, defaults }) => {
  app.addHook('preHandler', app.requireRole(['admin', 'official']));

  app.get('/api/alarm-sla-policies', { schema: { tags: ['alarms'], summary: '报警处置时限（确认、处置；按严重程度和区划）' } }, async (req) => {
    const rows = await db.query<PolicyRow>('select * from alarm_sla_policies order by region_code nulls first, severity nulls first');
    return { defaults, items: rows.filter((r) => concerns(req.user!.scope, r.region_code)).map(toPolicy) };
  });

  app.put(
    '/api/alarm-sla-policies',
    {
      schema: {
        tags: ['alarms'],
        summary: '设置处置时限（同一严重程度和区划只有一条）',
        body: z.object({
          severity: z.enum(['critical', 'major', 'minor', 'warning']).nullable().default(null),
          regionCode: z.string().regex(/^\d{6}$/, '六位行政区划代码').nullable().default(null),
          ackMinutes: z.number().int().min(1).max(7 * 24 * 60),
          disposeMinutes: z.number().int().min(1).max(30 * 24 * 60),
        }),
      },
    },
    async (req, reply) => {
      const p = req.body;
      const scope = req.user!.scope;
      if (p.regionCode === null ? scope.kind !== 'all' : !regionInScope(scope, p.regionCode)) {
        return reply.code(403).send({ error: 'out_of_scope', message: '时限的区划超出本账号的管辖范围' });
      }
      const [row] = await db.transaction(async (tx) => {
        await tx.query(`delete from alarm_sla_policies where coalesce(severity, '') = coalesce($1, '') and coalesce(region_code, '') = coalesce($2, '')`, [p.severity, p.regionCode]);
        return tx.query<PolicyRow>(
          'insert into alarm_sla_policies (severity, region_code, ack_minutes, dispose_minutes, updated_by) values ($1, $2, $3, $4, $5) returning *',
          [p.severity, p.regionCode, p.ackMinutes, p.disposeMinutes, req.user!.username],
        );
      });
      return toPolicy(row);
    },
  );

  app.delete('/api/alarm-sla-policies/:id', { schema: { tags: ['alarms'], params: z.object({ id: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    const [row] = await db.query<PolicyRow>('select * from alarm_sla_policies where id = $1', [req.params.id]);
    if (!row || !concerns(req.user!.scope, row.region_code)) return reply.code(404).send({ error: 'not_found', message: '时限不存在' });
    if (row.region_code === null ? req.user!.scope.kind !== 'all' : !regionInScope(req.user!.scope, row.region_code)) {
      return reply.code(403).send({ error: 'out_of_scope', message: '时限的区划超出本账号的管辖范围' });
    }
    await db.query('delete from alarm_sla_policies where id = $1', [req.params.id]);
    return reply.code(204).send();
  });
};
