import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import { Conditions, logPage, pagingQuery } from './log-query.ts';

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
        querystring: pagingQuery.extend({
          module: z.string().max(50).optional(),
          recordId: z.coerce.number().int().positive().optional(),
          actor: z.string().max(64).optional(),
          action: z.string().max(20).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const where = new Conditions();
      where.raw(auditScope(req.user!.scope, where.params));
      where.add('module = ?', q.module).add('record_id = ?', q.recordId).add('actor = ?', q.actor).add('action = ?', q.action).add('at >= ?', q.from).add('at < ?', q.to);
      return logPage(db, 'audit_log', `id, at, actor, ip, module, record_id as "recordId", action, before, after`, where, q);
    },
  );
};
