import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';

/**
 * Entries carry the region and enterprise of the record at the time, so history stays readable after a delete
 * and follows a region move: the new region sees it from the move on.
 */
function auditScope(scope: Scope, params: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  if (scope.kind === 'enterprise') {
    params.push(scope.enterpriseId);
    return `enterprise_id = $${params.length}`;
  }
  if (scope.kind === 'park') {
    params.push(scope.parkId);
    return `enterprise_id in (select id from enterprises where park_id = $${params.length})`;
  }
  params.push(`${scope.prefix}%`);
  return `region_code like $${params.length}`;
}

/** The operation log: every registry write with who, what, when, from where, and the record before and after. */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      preHandler: app.requireRole(['admin', 'official', 'enterprise_admin']),
      schema: {
        tags: ['admin'],
        summary: '操作日志 / 记录变更历史',
        querystring: z.object({
          module: z.string().max(50).optional(),
          recordId: z.coerce.number().int().positive().optional(),
          actor: z.string().max(64).optional(),
          action: z.string().max(20).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const params: unknown[] = [];
      const where = [auditScope(req.user!.scope, params)];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (q.module) add('module = ?', q.module);
      if (q.recordId) add('record_id = ?', q.recordId);
      if (q.actor) add('actor = ?', q.actor);
      if (q.action) add('action = ?', q.action);
      if (q.from) add('at >= ?', q.from);
      if (q.to) add('at < ?', q.to);
      const cond = where.join(' and ');
      const [{ total }] = await db.query<{ total: number }>(`select count(*)::int as total from audit_log where ${cond}`, params);
      const items = await db.query(
        `select id, at, actor, ip, module, record_id as "recordId", action, before, after from audit_log where ${cond}
         order by id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        params,
      );
      return { items, total };
    },
  );
};
